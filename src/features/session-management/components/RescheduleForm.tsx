// New date and times for a session (reschedule_booking), typed in the viewer's zone. The end
// follows the start with the session's current duration until the person edits it. Client
// checks first (end before start, start in the past, ...), next to each field; the server's
// refusals (overlap with another session of the prestador, ...) are shown the same way.
// Nothing typed is lost on failure; success only once the server returned the booking.

import { useId, useRef, useState, type FormEvent } from 'react'
import { Button, Input } from '@/components/ui'
import type { ActionResult, BookingRow } from '../api/booking-actions'
import { ACTION_FALLBACK_MESSAGES, type ActionFailure } from '../lib/action-errors'
import {
  endTimeFor,
  initialRescheduleValues,
  usableTimeZone,
  validateReschedule,
  type RescheduleErrors,
  type RescheduleValues,
} from '../lib/validate'
import { useRescheduleBooking } from '../hooks/use-booking-actions'
import { FormAlert } from './FormAlert'
import { PENDING_CLASS } from './CancelSessionForm'

export const RESCHEDULE_FORM_TEXTS = {
  date: 'Nova data',
  start: 'Hora de início',
  end: 'Hora de fim',
  submit: 'Guardar nova data',
  pending: 'A reagendar…',
  back: 'Voltar',
} as const

const NETWORK: ActionFailure = { ok: false, kind: 'network', code: null, message: ACTION_FALLBACK_MESSAGES.network, field: null }

export type RescheduleFormProps = {
  session: { id: string; starts_at: string; ends_at: string }
  /** The viewer's profile.time_zone: the fields are read and shown in it. */
  timeZone: string
  /** Called once the server confirmed, with the rescheduled booking. */
  onRescheduled: (booking: BookingRow) => void
  onDismiss: () => void
}

type Field = keyof RescheduleValues

export function RescheduleForm({ session, timeZone, onRescheduled, onDismiss }: RescheduleFormProps) {
  const zone = usableTimeZone(timeZone)
  const mutation = useRescheduleBooking()
  // Taken once, when the form opens: a refetch while typing must not move the fields.
  const [values, setValues] = useState<RescheduleValues>(() => initialRescheduleValues(session, zone))
  const [durationMs] = useState(() => Math.max(Date.parse(session.ends_at) - Date.parse(session.starts_at), 0) || 0)
  const [endEdited, setEndEdited] = useState(false)
  const [attempted, setAttempted] = useState(false)
  const [failure, setFailure] = useState<ActionFailure | null>(null)
  const refs = { date: useRef<HTMLInputElement>(null), start: useRef<HTMLInputElement>(null), end: useRef<HTMLInputElement>(null) }
  const zoneHintId = useId()
  const pending = mutation.isPending

  // Checked live once a save was attempted, with the clock of this render.
  const errors: RescheduleErrors = attempted ? liveErrors(values, zone) : {}
  if (failure?.field === 'start' && !errors.start) errors.start = failure.message
  if (failure?.field === 'end' && !errors.end) errors.end = failure.message

  const change = (field: Field, text: string) => {
    setFailure(null)
    setValues((current) => {
      const next = { ...current, [field]: text }
      if (field === 'end') return next
      if (!endEdited) next.end = endTimeFor(next.date, next.start, durationMs, zone) ?? next.end
      return next
    })
    if (field === 'end') setEndEdited(true)
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (pending) return
    setAttempted(true)
    setFailure(null)
    const check = validateReschedule(values, zone, Date.now())
    if (!check.ok) {
      const first = (['date', 'start', 'end'] as const).find((f) => check.errors[f])
      if (first) refs[first].current?.focus()
      return
    }
    let result: ActionResult
    try {
      result = await mutation.mutateAsync({ bookingId: session.id, startsAt: check.startsAt, endsAt: check.endsAt })
    } catch {
      result = NETWORK
    }
    if (result.ok) {
      onRescheduled(result.booking)
      return
    }
    setFailure(result)
    if (result.field === 'start' || result.field === 'end') refs[result.field].current?.focus()
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-busy={pending || undefined}
      aria-label="Reagendar sessão"
      aria-describedby={zoneHintId}
      className="flex flex-col gap-3"
    >
      <p id={zoneHintId} className="text-sm text-slate-700">
        Datas e horas no fuso horário {zone}. A sessão continua com o mesmo prestador.
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        <Input
          readOnly={pending}
          ref={refs.date}
          label={RESCHEDULE_FORM_TEXTS.date}
          type="date"
          value={values.date}
          onChange={(event) => change('date', event.target.value)}
          error={errors.date}
        />
        <Input
          readOnly={pending}
          ref={refs.start}
          label={RESCHEDULE_FORM_TEXTS.start}
          type="time"
          value={values.start}
          onChange={(event) => change('start', event.target.value)}
          error={errors.start}
        />
        <Input
          readOnly={pending}
          ref={refs.end}
          label={RESCHEDULE_FORM_TEXTS.end}
          type="time"
          value={values.end}
          onChange={(event) => change('end', event.target.value)}
          error={errors.end}
        />
      </div>
      <FormAlert message={failure && failure.field === null ? failure.message : null} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" aria-disabled={pending || undefined} className={PENDING_CLASS}>
          {pending ? RESCHEDULE_FORM_TEXTS.pending : RESCHEDULE_FORM_TEXTS.submit}
        </Button>
        <Button variant="secondary" onClick={onDismiss} disabled={pending}>
          {RESCHEDULE_FORM_TEXTS.back}
        </Button>
      </div>
    </form>
  )
}

function liveErrors(values: RescheduleValues, zone: string): RescheduleErrors {
  const check = validateReschedule(values, zone, Date.now())
  return check.ok ? {} : { ...check.errors }
}
