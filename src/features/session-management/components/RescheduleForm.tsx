// A session's new time (reschedule_booking), in the viewer's zone, in one of two ways:
// - free date and times (the prestador's / especialista's modal): the end follows the start
//   with the session's current duration until the person edits it;
// - a free slot of the same prestador (the admin): a day, then one of its free times. The
//   slot list is the caller's (`renderSlotPicker`): free slots are the booking feature's.
// Client checks first, next to each field; the server's refusals (overlap with another
// session of the prestador, ...) are shown the same way. Nothing typed or chosen is lost on
// failure; success only once the server returned the booking.

import { useId, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react'
import { Input } from '@/components/ui'
import { formatDateTime } from '@/features/sessions'
import { timeZoneNote } from '@/lib/format-date'
import type { ActionResult, BookingRow } from '../api/booking-actions'
import {
  endTimeFor,
  initialRescheduleValues,
  localParts,
  slotDayError,
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
  day: 'Dia',
  submit: 'Guardar nova data',
  pending: 'A reagendar…',
  back: 'Voltar',
} as const

/** A session's interval as the API has it. */
export type RescheduleSlot = { starts_at: string; ends_at: string }

/** What `renderSlotPicker` gets: one day's free slots as a radio group. */
export type RescheduleSlotPickerProps = {
  /** A valid day ("YYYY-MM-DD") from today on in the viewer's zone, or null while there is none. */
  day: string | null
  value: RescheduleSlot | null
  onChange: (slot: RescheduleSlot) => void
  error: string | undefined
  /** The session's own interval: not busy for its own reschedule. */
  ignore: RescheduleSlot
  /** Focused when the form shows the slot's error. */
  groupRef: Ref<HTMLFieldSetElement>
}

export type RescheduleFormProps = {
  session: { id: string; starts_at: string; ends_at: string }
  /** The viewer's profile.time_zone: the fields are read and shown in it. */
  timeZone: string
  /** Called once the server confirmed, with the rescheduled booking. */
  onRescheduled: (booking: BookingRow) => void
  onDismiss: () => void
  /**
   * Offer free slots of the session's prestador (a day, then a time) instead of free date
   * and times: renders the day's slots.
   */
  renderSlotPicker?: (props: RescheduleSlotPickerProps) => ReactNode
  /** With renderSlotPicker: the chosen slot was taken meanwhile (refresh the slot lists). */
  onSlotTaken?: () => void
}

export function RescheduleForm({ renderSlotPicker, onSlotTaken, ...props }: RescheduleFormProps) {
  return renderSlotPicker ? (
    <SlotRescheduleForm {...props} renderSlotPicker={renderSlotPicker} onSlotTaken={onSlotTaken} />
  ) : (
    <TimesRescheduleForm {...props} />
  )
}

type BaseProps = Omit<RescheduleFormProps, 'renderSlotPicker' | 'onSlotTaken'>

/** The form element and its last part, the same in both ways. */
function RescheduleFrame({
  onSubmit,
  pending,
  failure,
  onDismiss,
  describedBy,
  children,
}: {
  onSubmit: () => Promise<void>
  pending: boolean
  failure: string | null
  onDismiss: () => void
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
        failure={failure}
        submit={RESCHEDULE_FORM_TEXTS.submit}
        submitPending={RESCHEDULE_FORM_TEXTS.pending}
        back={RESCHEDULE_FORM_TEXTS.back}
        onBack={onDismiss}
      />
    </form>
  )
}

type Field = keyof RescheduleValues

function TimesRescheduleForm({ session, timeZone, onRescheduled, onDismiss }: BaseProps) {
  const zone = usableTimeZone(timeZone)
  const mutation = useRescheduleBooking()
  // Taken once, when the form opens: a refetch while typing must not move the fields.
  const [values, setValues] = useState<RescheduleValues>(() => initialRescheduleValues(session, zone))
  const [durationMs] = useState(() => Math.max(Date.parse(session.ends_at) - Date.parse(session.starts_at), 0) || 0)
  const [endEdited, setEndEdited] = useState(false)
  const [attempted, setAttempted] = useState(false)
  const [failure, setFailure] = useState<Exclude<ActionResult, { ok: true }> | null>(null)
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

  const onSubmit = async () => {
    if (pending) return
    setAttempted(true)
    setFailure(null)
    const check = validateReschedule(values, zone, Date.now())
    if (!check.ok) {
      const first = (['date', 'start', 'end'] as const).find((f) => check.errors[f])
      if (first) refs[first].current?.focus()
      return
    }
    const result = await runAction(mutation, { bookingId: session.id, startsAt: check.startsAt, endsAt: check.endsAt })
    if (result.ok) {
      onRescheduled(result.booking)
      return
    }
    setFailure(result)
    if (result.field === 'start' || result.field === 'end') refs[result.field].current?.focus()
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
      failure={failure && failure.field === null ? failure.message : null}
      onDismiss={onDismiss}
      describedBy={zoneHintId}
    >
      <p id={zoneHintId} className="text-sm text-slate-700">
        {timeZoneNote(zone)}. A sessão continua com o mesmo prestador.
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        {field('date', 'date')}
        {field('start', 'time')}
        {field('end', 'time')}
      </div>
    </RescheduleFrame>
  )
}

function liveErrors(values: RescheduleValues, zone: string): RescheduleErrors {
  const check = validateReschedule(values, zone, Date.now())
  return check.ok ? {} : { ...check.errors }
}

function SlotRescheduleForm({
  session,
  timeZone,
  onRescheduled,
  onDismiss,
  renderSlotPicker,
  onSlotTaken,
}: BaseProps & Required<Pick<RescheduleFormProps, 'renderSlotPicker'>> & Pick<RescheduleFormProps, 'onSlotTaken'>) {
  const zone = usableTimeZone(timeZone)
  const mutation = useRescheduleBooking()
  const today = localParts(Date.now(), zone).date
  // The session's current day, unless it is already past.
  const [day, setDay] = useState(() => {
    const current = initialRescheduleValues(session, zone).date
    return current >= today ? current : today
  })
  const [slot, setSlot] = useState<RescheduleSlot | null>(null)
  const [attempted, setAttempted] = useState(false)
  const [taken, setTaken] = useState(false)
  const [failure, setFailure] = useState<Exclude<ActionResult, { ok: true }> | null>(null)
  const dayRef = useRef<HTMLInputElement>(null)
  const slotRef = useRef<HTMLFieldSetElement>(null)
  const pending = mutation.isPending

  const errors = attempted ? validateSlotChoice(day, slot, today) : null
  const dayError = errors && !errors.ok ? errors.errors.day : undefined
  // The slot is the new start and end: the server's words about either go next to it.
  const slotError = taken
    ? VALIDATION_MESSAGES.slotTaken
    : failure?.field === 'start' || failure?.field === 'end'
      ? failure.message
      : errors && !errors.ok
        ? errors.errors.slot
        : undefined
  const dayForSlots = slotDayError(day, today) ? null : day

  const choose = (next: RescheduleSlot | null) => {
    setSlot(next)
    setTaken(false)
    setFailure(null)
  }

  const onSubmit = async () => {
    if (pending) return
    setAttempted(true)
    setFailure(null)
    const check = validateSlotChoice(day, slot, today)
    if (!check.ok) {
      ;(check.errors.day ? dayRef : slotRef).current?.focus()
      return
    }
    const result = await runAction(mutation, { bookingId: session.id, startsAt: check.slot.starts_at, endsAt: check.slot.ends_at })
    if (result.ok) {
      onRescheduled(result.booking)
      return
    }
    if (result.code === 'booking_overlap') {
      // Taken under our feet: pick another one from a fresh list.
      choose(null)
      setTaken(true)
      onSlotTaken?.()
      slotRef.current?.focus()
      return
    }
    setFailure(result)
    if (result.field === 'start' || result.field === 'end') slotRef.current?.focus()
  }

  return (
    <RescheduleFrame
      onSubmit={onSubmit}
      pending={pending}
      failure={failure && failure.field === null ? failure.message : null}
      onDismiss={onDismiss}
    >
      <p className="text-sm text-slate-700">
        Atualmente: <time dateTime={session.starts_at}>{formatDateTime(session.starts_at, zone)}</time>. Escolha um novo horário
        livre do mesmo prestador.
      </p>
      <Input
        ref={dayRef}
        label={RESCHEDULE_FORM_TEXTS.day}
        type="date"
        min={today}
        value={day}
        readOnly={pending}
        onChange={(event) => {
          setDay(event.target.value)
          choose(null)
        }}
        error={dayError}
        className="max-w-xs"
      />
      {renderSlotPicker({
        day: dayForSlots,
        value: slot,
        onChange: choose,
        error: slotError,
        ignore: { starts_at: session.starts_at, ends_at: session.ends_at },
        groupRef: slotRef,
      })}
    </RescheduleFrame>
  )
}
