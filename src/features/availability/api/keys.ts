// TkDodo-style key factory of the availability feature: one prestador's own weekly hours,
// blocked dates and session settings, as the editor reads them. Invalidate
// `availabilityKeys.of(id)` to refresh all three.
export const availabilityKeys = {
  all: ['availability'] as const,
  of: (prestadorId: string) => [...availabilityKeys.all, prestadorId] as const,
  weeklyHours: (prestadorId: string) => [...availabilityKeys.of(prestadorId), 'weekly-hours'] as const,
  blockedDates: (prestadorId: string) => [...availabilityKeys.of(prestadorId), 'blocked-dates'] as const,
  /** Blocked dates from `fromDay` ("YYYY-MM-DD", today in the prestador's zone) on. */
  blockedDatesFrom: (prestadorId: string, fromDay: string) => [...availabilityKeys.blockedDates(prestadorId), fromDay] as const,
  settings: (prestadorId: string) => [...availabilityKeys.of(prestadorId), 'settings'] as const,
}

/**
 * The booking feature's queries about one prestador that an availability change makes stale,
 * by the prefixes booking documents in src/features/booking/api/keys.ts:
 * `bookingKeys.schedule(id)` (session length, buffer, zone, weekly hours),
 * `bookingKeys.slotsOf(id)` (busy times and blocked dates behind every slot list) and
 * `bookingKeys.prestadores()` (the prestador lists, which carry the session length).
 *
 * Spelled out rather than imported: `@/features/booking`'s public index is the whole booking
 * feature (wizard, admin dialogs, zod schemas), and importing `bookingKeys` from it puts about
 * 25 kB gz of it into this page's first load; booking has no light entry that exports its
 * keys. keys.test.ts checks these still equal bookingKeys'.
 */
export const bookingQueryPrefixes = {
  schedule: (prestadorId: string) => ['booking', 'schedule', prestadorId] as const,
  slotsOf: (prestadorId: string) => ['booking', 'slots', prestadorId] as const,
  prestadores: () => ['booking', 'prestadores'] as const,
}
