// What an admin can do to one booking, and how a booking is named in those actions' labels.
import type { AdminBooking } from '../api/booking-api'

export type BookingActionKind = 'edit' | 'reschedule' | 'cancel' | 'link'
export type BookingAction = { kind: BookingActionKind; booking: AdminBooking }

const ACTIVE = new Set(['pending', 'scheduled'])
export const isActive = (b: Pick<AdminBooking, 'status'>) => ACTIVE.has(b.status)

export function bookingWho(b: AdminBooking): string {
  return `${b.employee?.name ?? 'Colaborador'} com ${b.prestador?.profile?.name ?? 'prestador'}`
}
