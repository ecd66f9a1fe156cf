// The action buttons of one admin booking row: light, on the first load of /admin/operations.
// The dialogs they open (AdminBookingActions.tsx) load on demand (LazyBookingActionDialog).

import { lazy, Suspense, type ComponentProps } from 'react'
import { Button, Spinner } from '@/components/ui'
import type { AdminBooking } from '../api/booking-api'
import { bookingWho, isActive, type BookingAction } from '../lib/admin-booking-action'

/** The action buttons of one booking (only those that apply to it). */
export function BookingActionButtons({ booking, onAction }: { booking: AdminBooking; onAction: (action: BookingAction) => void }) {
  const active = isActive(booking)
  const label = bookingWho(booking)
  return (
    <div className="flex flex-wrap gap-1" onPointerEnter={preloadBookingActionDialog} onFocus={preloadBookingActionDialog}>
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

const loadDialog = () => import('./AdminBookingActions')
const BookingActionDialog = lazy(() => loadDialog().then((m) => ({ default: m.BookingActionDialog })))

/** Starts loading the dialogs (pointer over or focus on an action), so a click opens at once. */
export const preloadBookingActionDialog = () => void loadDialog()

/** The dialog of the current action, loaded on demand. */
export function LazyBookingActionDialog(props: ComponentProps<typeof BookingActionDialog>) {
  if (!props.action) return null
  return (
    <Suspense fallback={<Spinner label="A abrir..." />}>
      <BookingActionDialog {...props} />
    </Suspense>
  )
}
