// pt-PT texts for session times: the date/time in a chosen IANA zone (the profile's
// time_zone, not the browser's) and the "available in N min" countdown.
//
// No Date is ever built from wall-clock parts: Intl.DateTimeFormat converts the instant
// to the target zone's fields, and only the month name comes from date-fns' pt locale.

import type { Month } from 'date-fns'
// The pt locale's `localize` alone (see the alias in vite.config.ts): the whole `pt` object
// also carries its parsing and relative-format tables, ~2 kB gz on every session page.
import { localize } from 'date-fns/locale/pt/_lib/localize'
import { localDateTimeOf } from '@/lib/zoned-time'
import { parseInstant } from './parse-instant'

type WallClock = { year: number; month: number; day: number; hour: number; minute: number }

/** Wall-clock fields of an instant in `timeZone`; throws RangeError for an unknown zone. */
export function wallClockIn(instantMs: number, timeZone: string): WallClock {
  const { year, month, day, hour, minute } = localDateTimeOf(instantMs, timeZone)
  return { year, month, day, hour, minute }
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/**
 * "15 nov. 2025 às 14:00" for an ISO timestamp (with offset) shown in `timeZone`.
 * Throws RangeError for a timestamp without offset or an unknown time zone.
 */
export function formatSessionDateTime(iso: string, timeZone: string): string {
  const { year, month, day, hour, minute } = wallClockIn(parseInstant(iso), timeZone)
  // date-fns' pt gives "nov"; pt-PT writes abbreviations with a full stop ("nov."), and
  // every pt month abbreviation is a truncation, so the stop is always due.
  const monthName = `${localize.month((month - 1) as Month, { width: 'abbreviated' })}.`
  return `${day} ${monthName} ${year} às ${pad2(hour)}:${pad2(minute)}`
}

const MINUTE_MS = 60_000

/**
 * Countdown until the link opens, rounded down to whole minutes so it never promises
 * more than is true: "Disponível dentro de 12 min", "… de 1 min", "… de menos de 1 min";
 * from one hour up "… de 1 h 5 min" / "… de 2 h"; "Disponível agora" once due.
 */
export function countdownLabel(msUntilOpen: number): string {
  if (Number.isNaN(msUntilOpen)) throw new RangeError('Invalid msUntilOpen')
  if (msUntilOpen <= 0) return 'Disponível agora'
  if (msUntilOpen < MINUTE_MS) return 'Disponível dentro de menos de 1 min'
  const totalMinutes = Math.floor(msUntilOpen / MINUTE_MS)
  if (totalMinutes < 60) return `Disponível dentro de ${totalMinutes} min`
  const hours = Math.floor(totalMinutes / 60)
  const minutes = totalMinutes % 60
  return `Disponível dentro de ${hours} h${minutes > 0 ? ` ${minutes} min` : ''}`
}

/** Ms until countdownLabel's text next changes (the next whole-minute boundary). */
export function msUntilCountdownChanges(msUntilOpen: number): number {
  if (msUntilOpen <= 0) return 0
  // Under a minute the next text is "Disponível agora", reached at exactly 0.
  if (msUntilOpen < MINUTE_MS) return msUntilOpen
  return (msUntilOpen % MINUTE_MS) + 1
}
