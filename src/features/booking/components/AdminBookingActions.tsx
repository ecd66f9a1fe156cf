// The admin's actions on any booking: edit (type, place), reschedule (a free slot of the
// same prestador), cancel (with a reason) and the meeting link. Reschedule and cancel are the
// session-management feature's forms and the link is the meeting-link feature's editor: the
// same forms, rules and error texts as the prestador's modal, no copies here.

import { useState, type FormEvent, type RefObject } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Button, FormAlert, Input, useToast } from '@/components/ui'
import { Dialog, useDialogDirty } from '@/components/ui/Dialog'
import { useProfile } from '@/features/auth'
import { MeetingLinkEditor } from '@/features/meeting-link'
import { CancelSessionForm, RescheduleForm } from '@/features/session-management/forms'
import { meetingTypeLabel, type MeetingType } from '@/features/sessions'
import { formatSessionRange } from '@/lib/format-date'
import type { AdminBooking } from '../api/booking-api'
import { bookingKeys } from '../api/keys'
import { bookingErrorMessage } from '../lib/booking-errors'
import { LOCATION_MAX, LOCATION_TOO_LONG } from '../lib/booking-form'
import { useUpdateBooking } from '../hooks/use-booking-mutations'
import { MeetingTypeField } from './MeetingTypeField'
import { bookingWho as who, type BookingAction, type BookingActionKind } from '../lib/admin-booking-action'

export const ADMIN_ACTION_TEXTS = {
  cancelIntro: 'O motivo é enviado ao colaborador e ao prestador.',
  cancelled: 'Sessão cancelada.',
  rescheduled: (when: string) => `Sessão reagendada para ${when}.`,
} as const

const TITLES: Record<BookingActionKind, string> = {
  edit: 'Editar sessão',
  reschedule: 'Reagendar sessão',
  cancel: 'Cancelar sessão',
  link: 'Link da reunião',
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
      description={`${who(booking)} · ${formatSessionRange(booking.starts_at, booking.ends_at, profile.time_zone)} · ${meetingTypeLabel(booking.meeting_type)}`}
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
  useDialogDirty(meetingType !== booking.meeting_type || location !== (booking.location ?? ''))
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
      <FormAlert>{formError}</FormAlert>
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

/** The shared reschedule form: free slots of the booking's prestador, or a confirmed "Fora do horário". */
export function RescheduleBookingForm({ booking, onDone }: { booking: AdminBooking; onDone: () => void }) {
  const profile = useProfile()
  const toast = useToast()
  return (
    <RescheduleForm
      session={booking}
      timeZone={profile.time_zone}
      allowOverride
      onRescheduled={(row) => {
        toast.show(ADMIN_ACTION_TEXTS.rescheduled(formatSessionRange(row.starts_at, row.ends_at, profile.time_zone)), 'success')
        onDone()
      }}
      onDismiss={onDone}
    />
  )
}

/** The shared cancel form (reason required). */
export function CancelBookingForm({ booking, onDone }: { booking: AdminBooking; onDone: () => void }) {
  const toast = useToast()
  const queryClient = useQueryClient()
  return (
    <CancelSessionForm
      bookingId={booking.id}
      intro={ADMIN_ACTION_TEXTS.cancelIntro}
      onCancelled={() => {
        // Its slot is free again.
        void queryClient.invalidateQueries({ queryKey: bookingKeys.slots() })
        toast.show(ADMIN_ACTION_TEXTS.cancelled, 'success')
        onDone()
      }}
      onDismiss={onDone}
    />
  )
}
