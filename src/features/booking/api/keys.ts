import { sessionKeys } from '@/features/sessions'
import type { Enums } from '@/lib/database.types'
import type { AdminBookingFilters } from '../lib/admin-filters'

type Pillar = Enums<'pillar'>

// TkDodo-style key factory of the booking feature. Invalidate `bookingKeys.slots()` after any
// booking changes (created, moved, cancelled) and `bookingKeys.slotsOf(id)` after a slot was
// taken under someone's feet.
//
// The admin's bookings table and "Sem link" panel are session lists: their keys live under
// `sessionKeys.list(admin)` on purpose, so whatever refreshes sessions (a meeting link saved
// by the meeting-link feature, a booking made here) refreshes them too.
export const bookingKeys = {
  all: ['booking'] as const,
  prestadores: () => [...bookingKeys.all, 'prestadores'] as const,
  /** Active prestadores of one pillar, or of all ('all'). */
  prestadorList: (pillar: Pillar | null) => [...bookingKeys.prestadores(), pillar ?? 'all'] as const,
  /** A prestador's session length, buffer, zone and weekly hours. */
  schedule: (prestadorId: string) => [...bookingKeys.all, 'schedule', prestadorId] as const,
  slots: () => [...bookingKeys.all, 'slots'] as const,
  slotsOf: (prestadorId: string) => [...bookingKeys.slots(), prestadorId] as const,
  /** Busy times and blocked dates around one day of the viewer's calendar. */
  slotsOn: (prestadorId: string, day: string, viewerTimeZone: string) =>
    [...bookingKeys.slotsOf(prestadorId), day, viewerTimeZone] as const,
  /** Busy times and blocked dates around the days `fromDay`..`toDay` (a page of the day picker). */
  slotsIn: (prestadorId: string, fromDay: string, toDay: string, viewerTimeZone: string) =>
    [...bookingKeys.slotsOn(prestadorId, fromDay, viewerTimeZone), toDay] as const,
  companies: () => [...bookingKeys.all, 'companies'] as const,
  employees: (companyId: string) => [...bookingKeys.all, 'employees', companyId] as const,
  adminBookings: (adminId: string) => [...sessionKeys.list({ role: 'admin', userId: adminId }), 'bookings'] as const,
  adminBookingsPage: (adminId: string, filters: AdminBookingFilters, page: number) =>
    [...bookingKeys.adminBookings(adminId), filters, page] as const,
  missingLinks: (adminId: string) => [...sessionKeys.list({ role: 'admin', userId: adminId }), 'missing-links'] as const,
}
