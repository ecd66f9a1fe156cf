// The admin's actions on any booking: edit (type, place), reschedule (a free slot of the
// same prestador), cancel (with a reason) and the meeting link (the meeting-link feature's
// editor: no link saving of our own here).

import { useRef, useState, type FormEvent, type RefObject } from 'react'
import { Button, Input, useToast } from '@/components/ui'
import { Dialog } from '@/components/ui/Dialog'
import { useProfile } from '@/features/auth'
import { MeetingLinkEditor } from '@/features/meeting-link'
import { formatDateTime, meetingTypeLabel, type MeetingType } from '@/features/sessions'
import type { AdminBooking } from '../api/booking-api'
import { dayOf, isValidDay, todayIn } from '../lib/booking-days'
import { bookingErrorMessage, isSlotTaken, SLOT_TAKEN_MESSAGE } from '../lib/booking-errors'
import { CANCEL_REASON_MAX, cancelReasonError, dayError, LOCATION_MAX, LOCATION_TOO_LONG, BOOKING_FIELD_MESSAGES } from '../lib/booking-form'
import type { Slot } from '../lib/free-slots'
import { useCancelBooking, useRescheduleBooking, useUpdateBooking } from '../hooks/use-booking-mutations'
import { FormError, TextAreaField } from './fields'
import { MeetingTypeField } from './MeetingTypeField'
import { DayField, SlotPicker } from './SlotPicker'

export type BookingActionKind = 'edit' | 'reschedule' | 'cancel' | 'link'
export type BookingAction = { kind: BookingActionKind; booking: AdminBooking }

const ACTIVE = new Set(['pending', 'scheduled'])
export const isActive = (b: Pick<AdminBooking, 'status'>) => ACTIVE.has(b.status)

const TITLES: Record<BookingActionKind, string> = {
  edit: 'Editar sessão',
  reschedule: 'Reagendar sessão',
  cancel: 'Cancelar sessão',
  link: 'Link da reunião',
}

function who(b: AdminBooking): string {
  return `${b.employee?.name ?? 'Colaborador'} com ${b.prestador?.profile?.name ?? 'prestador'}`
}

/** The action buttons of one booking (only those that apply to it). */
export function BookingActionButtons({ booking, onAction }: { booking: AdminBooking; onAction: (action: BookingAction) => void }) {
  const active = isActive(booking)
  const label = who(booking)
  return (
    <div className="flex flex-wrap gap-1">
      {active ? (
        <>
          <Button size="sm" variant="ghost" onClick={() => onAction({ kind: 'edit', booking })} aria-label={`Editar: ${label}`}>
            Editar
          </Button>
          <Button size="sm" variant="ghost" onClick={() => onAction({ kind: 'reschedule', booking })} aria-label={`Reagendar: ${label}`}>
            Reagendar
          </Button>
          <Button size="sm" variant="ghost" onClick={() => onAction({ kind: 'cancel', booking })} aria-label={`Cancelar: ${label}`}>
            Cancelar
          </Button>
        </>
      ) : null}
      {booking.meeting_type === 'virtual' ? (
        <Button size="sm" variant="ghost" onClick={() => onAction({ kind: 'link', booking })} aria-label={`Link: ${label}`}>
          Link
        </Button>
      ) : null}
    </div>
  )
}

/**
 * The dialog of the current action. `booking` should be the live row from the page's query
 * when it is still there (so the link editor follows saves), else the row as it was opened.
 */
export function BookingActionDialog({
  action,
  onClose,
  returnFocusRef,
}: {
  action: BookingAction | null
  onClose: () => void
  returnFocusRef?: RefObject<HTMLElement | null>
}) {
  const profile = useProfile()
  if (!action) return null
  const { booking, kind } = action
  return (
    <Dialog
      open
      onClose={onClose}
      title={TITLES[kind]}
      description={`${who(booking)} · ${formatDateTime(booking.starts_at, profile.time_zone)} · ${meetingTypeLabel(booking.meeting_type)}`}
      returnFocusRef={returnFocusRef}
      size={kind === 'reschedule' ? 'lg' : 'md'}
    >
      {kind === 'edit' ? <EditBookingForm booking={booking} onDone={onClose} /> : null}
      {kind === 'reschedule' ? <RescheduleBookingForm booking={booking} onDone={onClose} /> : null}
      {kind === 'cancel' ? <CancelBookingForm booking={booking} onDone={onClose} /> : null}
      {kind === 'link' ? <MeetingLinkEditor booking={booking} timeZone={profile.time_zone} /> : null}
    </Dialog>
  )
}

export function EditBookingForm({ booking, onDone }: { booking: AdminBooking; onDone: () => void }) {
  const toast = useToast()
  const update = useUpdateBooking()
  const [meetingType, setMeetingType] = useState<MeetingType>(booking.meeting_type)
  const [location, setLocation] = useState(booking.location ?? '')
  const [attempted, setAttempted] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const locationError = attempted && location.trim().length > LOCATION_MAX ? LOCATION_TOO_LONG : undefined

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (update.isPending) return
    setAttempted(true)
    setFormError(null)
    if (location.trim().length > LOCATION_MAX) return
    update.mutate(
      { bookingId: booking.id, edit: { meetingType, location: meetingType === 'presencial' ? location.trim() || null : null } },
      {
        onSuccess: () => {
          toast.show('Sessão atualizada.', 'success')
          onDone()
        },
        onError: (error) => setFormError(bookingErrorMessage(error)),
      },
    )
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      <MeetingTypeField name="edit-meeting-type" value={meetingType} onChange={setMeetingType} />
      {meetingType === 'presencial' ? (
        <Input
          label="Local"
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          hint="Vazio: a morada do prestador."
          error={locationError}
        />
      ) : null}
      <FormError>{formError}</FormError>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? 'A guardar...' : 'Guardar alterações'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Voltar
        </Button>
      </div>
    </form>
  )
}

export function RescheduleBookingForm({ booking, onDone }: { booking: AdminBooking; onDone: () => void }) {
  const profile = useProfile()
  const toast = useToast()
  const reschedule = useRescheduleBooking()
  const today = todayIn(profile.time_zone)
  const [day, setDay] = useState(() => {
    const current = dayOf(booking.starts_at, profile.time_zone)
    return current >= today ? current : today
  })
  const [slot, setSlot] = useState<Slot | null>(null)
  const [attempted, setAttempted] = useState(false)
  const [slotError, setSlotError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const dayRef = useRef<HTMLInputElement>(null)
  const slotRef = useRef<HTMLFieldSetElement>(null)

  const dayProblem = attempted ? dayError(day, today) : undefined
  const slotProblem = slotError ?? (attempted && !slot ? BOOKING_FIELD_MESSAGES.slot : undefined)
  const current = { starts_at: booking.starts_at, ends_at: booking.ends_at }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (reschedule.isPending) return
    setAttempted(true)
    setFormError(null)
    if (dayError(day, today)) return dayRef.current?.focus()
    if (!slot) return slotRef.current?.focus()
    const chosen = slot
    reschedule.mutate(
      { bookingId: booking.id, prestadorId: booking.prestador_id, slot: chosen },
      {
        onSuccess: () => {
          toast.show(`Sessão reagendada para ${formatDateTime(chosen.starts_at, profile.time_zone)}.`, 'success')
          onDone()
        },
        onError: (error) => {
          if (isSlotTaken(error)) {
            setSlot(null)
            setSlotError(SLOT_TAKEN_MESSAGE)
            slotRef.current?.focus()
          } else {
            setFormError(bookingErrorMessage(error))
          }
        },
      },
    )
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-busy={reschedule.isPending || undefined}>
      <p className="text-sm text-slate-700">
        Atualmente: <time dateTime={booking.starts_at}>{formatDateTime(booking.starts_at, profile.time_zone)}</time>. Escolha um novo horário livre do mesmo prestador.
      </p>
      <DayField
        inputRef={dayRef}
        value={day}
        min={today}
        onChange={(value) => {
          setDay(value)
          setSlot(null)
          setSlotError(null)
        }}
        error={dayProblem}
      />
      <SlotPicker
        name="reschedule-slot"
        prestadorId={booking.prestador_id}
        day={isValidDay(day) && day >= today ? day : null}
        value={slot}
        onChange={(value) => {
          setSlot(value)
          setSlotError(null)
          setFormError(null)
        }}
        error={slotProblem}
        ignore={current}
        groupRef={slotRef}
      />
      <FormError>{formError}</FormError>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={reschedule.isPending}>
          {reschedule.isPending ? 'A reagendar...' : 'Reagendar'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Voltar
        </Button>
      </div>
    </form>
  )
}

export function CancelBookingForm({ booking, onDone }: { booking: AdminBooking; onDone: () => void }) {
  const toast = useToast()
  const cancel = useCancelBooking()
  const [reason, setReason] = useState('')
  const [attempted, setAttempted] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const reasonRef = useRef<HTMLTextAreaElement>(null)
  const reasonError = attempted ? cancelReasonError(reason) : undefined

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (cancel.isPending) return
    setAttempted(true)
    setFormError(null)
    if (cancelReasonError(reason)) return reasonRef.current?.focus()
    cancel.mutate(
      { bookingId: booking.id, reason },
      {
        onSuccess: () => {
          toast.show('Sessão cancelada.', 'success')
          onDone()
        },
        onError: (error) => setFormError(bookingErrorMessage(error)),
      },
    )
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      <TextAreaField
        label="Motivo do cancelamento"
        textareaRef={reasonRef}
        value={reason}
        onChange={(value) => {
          setReason(value)
          setFormError(null)
        }}
        maxLength={CANCEL_REASON_MAX}
        hint={`Obrigatório; é enviado ao colaborador e ao prestador. Máximo ${CANCEL_REASON_MAX} caracteres.`}
        error={reasonError}
        readOnly={cancel.isPending}
      />
      <FormError>{formError}</FormError>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={cancel.isPending}>
          {cancel.isPending ? 'A cancelar...' : 'Cancelar sessão'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Voltar
        </Button>
      </div>
    </form>
  )
}
