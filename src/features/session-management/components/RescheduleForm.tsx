// A session's new time (reschedule_booking), in the viewer's zone. Everyone gets the booking
// day and slot picker (only bookable slots of the same prestador: weekly hours, blocked
// dates, buffer, session length; the database refuses anything else for them). The admin
// (`allowOverride`) may also switch to "Fora do horário": free date and times, then a
// confirmation that says it is outside the prestador's hours; only then p_override is sent.
// Nothing typed or chosen is lost on failure; success only once the server returned the row.

import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Button, Input } from '@/components/ui'
import { useDialogDirty } from '@/components/ui/Dialog'
import { bookingKeys, SlotPicker } from '@/features/booking/slot-picker'
import { formatSessionRange, timeZoneNote } from '@/lib/format-date'
import type { ActionResult, BookingRow } from '../api/booking-actions'
import {
  endTimeFor,
  initialRescheduleValues,
  localParts,
  usableTimeZone,
  validateReschedule,
  validateSlotChoice,
  VALIDATION_MESSAGES,
  type RescheduleErrors,
  type RescheduleValues,
} from '../lib/validate'
import { runAction, useRescheduleBooking } from '../hooks/use-booking-actions'
import { FormActions } from './FormActions'

export const RESCHEDULE_FORM_TEXTS = {
  date: 'Nova data',
  start: 'Hora de início',
  end: 'Hora de fim',
  submit: 'Guardar nova data',
  pending: 'A reagendar…',
  back: 'Voltar',
  override: 'Fora do horário',
  overrideHint: 'Para marcar fora do horário do prestador (só a administração).',
  overrideTitle: 'Fora do horário do prestador',
  overrideIntro: 'Escolha a data e as horas livremente. O horário do prestador não é verificado; sessões sobrepostas continuam recusadas.',
  backToSlots: 'Voltar aos horários livres',
  review: 'Rever e confirmar',
  confirm: 'Confirmar fora do horário',
  confirmText: (when: string) => `A sessão passa para ${when}, fora do horário do prestador. Confirma?`,
  edit: 'Alterar',
} as const

/** A session's interval as the API has it. */
export type RescheduleSlot = { starts_at: string; ends_at: string }

export type RescheduleFormProps = {
  session: { id: string; starts_at: string; ends_at: string; prestador_id: string }
  /** The viewer's profile.time_zone: days and times are shown and read in it. */
  timeZone: string
  /** Called once the server confirmed, with the rescheduled booking. */
  onRescheduled: (booking: BookingRow) => void
  onDismiss: () => void
  /** The admin: may also place the session outside the prestador's hours, after confirming. */
  allowOverride?: boolean
}

type Failure = Exclude<ActionResult, { ok: true }>

export function RescheduleForm({ session, timeZone, onRescheduled, onDismiss, allowOverride = false }: RescheduleFormProps) {
  const zone = usableTimeZone(timeZone)
  const mutation = useRescheduleBooking()
  const queryClient = useQueryClient()
  const [mode, setMode] = useState<'slots' | 'override'>('slots')
  const [failure, setFailure] = useState<Failure | null>(null)
  const pending = mutation.isPending
  const overrideRef = useRef<HTMLDivElement>(null)

  const send = async (startsAt: string, endsAt: string, override: boolean) => {
    setFailure(null)
    const result = await runAction(mutation, { bookingId: session.id, startsAt, endsAt, ...(override ? { override: true } : {}) })
    if (result.ok) {
      // A slot was freed and another taken: every slot list is out of date.
      void queryClient.invalidateQueries({ queryKey: bookingKeys.slots() })
      onRescheduled(result.booking)
      return null
    }
    setFailure(result)
    return result
  }

  const shared = { session, zone, pending, failure, setFailure, send, onDismiss, slotsOfPrestador: bookingKeys.slotsOf(session.prestador_id) }
  return mode === 'slots' ? (
    <SlotMode
      {...shared}
      overrideSwitch={
        allowOverride ? (
          <div ref={overrideRef} className="flex flex-col items-start gap-1 border-t border-slate-200 pt-3">
            <Button variant="secondary" size="sm" onClick={() => { setFailure(null); setMode('override') }} disabled={pending}>
              {RESCHEDULE_FORM_TEXTS.override}
            </Button>
            <p className="text-sm text-slate-600">{RESCHEDULE_FORM_TEXTS.overrideHint}</p>
          </div>
        ) : null
      }
    />
  ) : (
    <OverrideMode
      {...shared}
      onBackToSlots={() => {
        setFailure(null)
        setMode('slots')
        requestAnimationFrame(() => overrideRef.current?.querySelector('button')?.focus())
      }}
    />
  )
}

type ModeProps = {
  session: RescheduleFormProps['session']
  zone: string
  pending: boolean
  failure: Failure | null
  setFailure: (f: Failure | null) => void
  send: (startsAt: string, endsAt: string, override: boolean) => Promise<Failure | null>
  onDismiss: () => void
  slotsOfPrestador: readonly unknown[]
}

/** The form element and its last part, the same in both modes. */
function RescheduleFrame({
  onSubmit,
  pending,
  failure,
  onDismiss,
  submit,
  describedBy,
  children,
}: {
  onSubmit: () => Promise<void>
  pending: boolean
  failure: Failure | null
  onDismiss: () => void
  submit: string
  describedBy?: string
  children: ReactNode
}) {
  return (
    <form
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault()
        void onSubmit()
      }}
      aria-busy={pending || undefined}
      aria-label="Reagendar sessão"
      aria-describedby={describedBy}
      className="flex flex-col gap-3"
    >
      {children}
      <FormActions
        pending={pending}
        failure={failure && failure.field === null ? failure.message : null}
        submit={submit}
        submitPending={RESCHEDULE_FORM_TEXTS.pending}
        back={RESCHEDULE_FORM_TEXTS.back}
        onBack={onDismiss}
      />
    </form>
  )
}

function SlotMode({ session, zone, pending, failure, setFailure, send, onDismiss, slotsOfPrestador, overrideSwitch }: ModeProps & { overrideSwitch: ReactNode }) {
  const queryClient = useQueryClient()
  const today = localParts(Date.now(), zone).date
  const [day, setDay] = useState('')
  const [slot, setSlot] = useState<RescheduleSlot | null>(null)
  const [attempted, setAttempted] = useState(false)
  const [taken, setTaken] = useState(false)
  useDialogDirty(slot !== null)
  const dayRef = useRef<HTMLFieldSetElement>(null)
  const slotRef = useRef<HTMLFieldSetElement>(null)

  const check = attempted ? validateSlotChoice(day, slot, today) : null
  const dayError = check && !check.ok ? check.errors.day : undefined
  // The slot is the new start and end: the server's words about either go next to it.
  const slotError = taken
    ? VALIDATION_MESSAGES.slotTaken
    : failure?.field === 'start' || failure?.field === 'end'
      ? failure.message
      : check && !check.ok
        ? check.errors.slot
        : undefined

  const choose = (next: RescheduleSlot | null) => {
    setSlot(next)
    setTaken(false)
    setFailure(null)
  }

  const onSubmit = async () => {
    if (pending) return
    setAttempted(true)
    setFailure(null)
    const result = validateSlotChoice(day, slot, today)
    if (!result.ok) {
      ;(result.errors.day ? dayRef : slotRef).current?.focus()
      return
    }
    const refused = await send(result.slot.starts_at, result.slot.ends_at, false)
    if (!refused) return
    if (refused.code === 'booking_overlap') {
      // Taken under our feet: pick another one from a fresh list.
      setFailure(null)
      choose(null)
      setTaken(true)
      void queryClient.invalidateQueries({ queryKey: slotsOfPrestador })
      slotRef.current?.focus()
      return
    }
    if (refused.field === 'start' || refused.field === 'end') slotRef.current?.focus()
  }

  return (
    <RescheduleFrame onSubmit={onSubmit} pending={pending} failure={failure} onDismiss={onDismiss} submit={RESCHEDULE_FORM_TEXTS.submit}>
      <p className="text-sm text-slate-700">
        Atualmente: <time dateTime={session.starts_at}>{formatSessionRange(session.starts_at, session.ends_at, zone)}</time>. Escolha um novo horário
        livre do mesmo prestador.
      </p>
      <SlotPicker
        name="reschedule-slot"
        prestadorId={session.prestador_id}
        day={day}
        onDayChange={(next) => {
          setDay(next)
          choose(null)
        }}
        value={slot}
        onChange={choose}
        dayError={dayError}
        error={slotError}
        ignore={{ starts_at: session.starts_at, ends_at: session.ends_at }}
        dayRef={dayRef}
        groupRef={slotRef}
        viewerTimeZone={zone}
      />
      {overrideSwitch}
    </RescheduleFrame>
  )
}

type Field = keyof RescheduleValues

function OverrideMode({ session, zone, pending, failure, setFailure, send, onDismiss, onBackToSlots }: ModeProps & { onBackToSlots: () => void }) {
  // Taken once, when the fields open: a refetch while typing must not move them.
  const [initial] = useState<RescheduleValues>(() => initialRescheduleValues(session, zone))
  const [values, setValues] = useState<RescheduleValues>(initial)
  useDialogDirty((Object.keys(initial) as Field[]).some((k) => values[k] !== initial[k]))
  const [durationMs] = useState(() => Math.max(Date.parse(session.ends_at) - Date.parse(session.starts_at), 0) || 0)
  const [endEdited, setEndEdited] = useState(false)
  const [attempted, setAttempted] = useState(false)
  const [confirming, setConfirming] = useState<{ startsAt: string; endsAt: string } | null>(null)
  const refs = { date: useRef<HTMLInputElement>(null), start: useRef<HTMLInputElement>(null), end: useRef<HTMLInputElement>(null) }
  const confirmRef = useRef<HTMLDivElement>(null)
  const introId = useId()

  const live = attempted ? validateReschedule(values, zone, Date.now()) : null
  const errors: RescheduleErrors = live && !live.ok ? { ...live.errors } : {}
  if (failure?.field === 'start' && !errors.start) errors.start = failure.message
  if (failure?.field === 'end' && !errors.end) errors.end = failure.message

  const change = (field: Field, text: string) => {
    setFailure(null)
    setConfirming(null)
    setValues((current) => {
      const next = { ...current, [field]: text }
      if (field === 'end') return next
      if (!endEdited) next.end = endTimeFor(next.date, next.start, durationMs, zone) ?? next.end
      return next
    })
    if (field === 'end') setEndEdited(true)
  }

  const onSubmit = async () => {
    if (pending) return
    if (confirming) {
      const refused = await send(confirming.startsAt, confirming.endsAt, true)
      if (!refused) return
      setConfirming(null)
      if (refused.field === 'start' || refused.field === 'end') refs[refused.field].current?.focus()
      return
    }
    setAttempted(true)
    setFailure(null)
    const check = validateReschedule(values, zone, Date.now())
    if (!check.ok) {
      const first = (['date', 'start', 'end'] as const).find((f) => check.errors[f])
      if (first) refs[first].current?.focus()
      return
    }
    setConfirming({ startsAt: check.startsAt, endsAt: check.endsAt })
    requestAnimationFrame(() => confirmRef.current?.focus())
  }

  const field = (name: Field, type: 'date' | 'time') => (
    <Input
      readOnly={pending}
      ref={refs[name]}
      label={RESCHEDULE_FORM_TEXTS[name]}
      type={type}
      value={values[name]}
      onChange={(event) => change(name, event.target.value)}
      error={errors[name]}
    />
  )

  return (
    <RescheduleFrame
      onSubmit={onSubmit}
      pending={pending}
      failure={failure}
      onDismiss={onDismiss}
      submit={confirming ? RESCHEDULE_FORM_TEXTS.confirm : RESCHEDULE_FORM_TEXTS.review}
      describedBy={introId}
    >
      <div id={introId} className="flex flex-col gap-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
        <p className="font-semibold">{RESCHEDULE_FORM_TEXTS.overrideTitle}</p>
        <p>
          {RESCHEDULE_FORM_TEXTS.overrideIntro} {timeZoneNote(zone)}.
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        {field('date', 'date')}
        {field('start', 'time')}
        {field('end', 'time')}
      </div>
      {confirming ? (
        <div
          ref={confirmRef}
          tabIndex={-1}
          role="alert"
          className="flex flex-col items-start gap-2 rounded-md border border-amber-400 bg-amber-100 px-3 py-2 text-sm font-medium text-amber-950 focus:outline-2 focus:outline-amber-700"
        >
          <p>{RESCHEDULE_FORM_TEXTS.confirmText(formatSessionRange(confirming.startsAt, confirming.endsAt, zone))}</p>
          <Button variant="secondary" size="sm" onClick={() => { setConfirming(null); refs.date.current?.focus() }} disabled={pending}>
            {RESCHEDULE_FORM_TEXTS.edit}
          </Button>
        </div>
      ) : null}
      <div>
        <Button variant="ghost" size="sm" onClick={onBackToSlots} disabled={pending}>
          {RESCHEDULE_FORM_TEXTS.backToSlots}
        </Button>
      </div>
    </RescheduleFrame>
  )
}
