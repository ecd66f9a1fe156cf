// Calendar days and slot times for the booking screens, always in a named zone (the viewer's
// profile.time_zone), never the browser's. Built on the zoned-time helpers.

import {
  addDays,
  dayBounds,
  formatLocalDate,
  localDateTimeOf,
  parseLocalDate,
} from '@/lib/zoned-time'

const DAY_MS = 86_400_000

/** "YYYY-MM-DD" that is a real calendar date. */
export function isValidDay(value: string): boolean {
  try {
    parseLocalDate(value)
    return true
  } catch {
    return false
  }
}

/** Today's date in `timeZone` at `now`, "YYYY-MM-DD". */
export function todayIn(timeZone: string, now: Date | number = Date.now()): string {
  const t = localDateTimeOf(typeof now === 'number' ? now : now.getTime(), timeZone)
  return formatLocalDate(t)
}

/** `day` moved by `days` calendar days. */
export function shiftDay(day: string, days: number): string {
  return formatLocalDate(addDays(parseLocalDate(day), days))
}

/**
 * The instants to ask `prestador_busy_times` for when computing the slots of the days
 * `day`..`toDay` in the viewer's zone: those days plus one day of margin on each side, which
 * covers the buffer around the first and last slot and a prestador whose day straddles the
 * viewer's.
 */
export function busyWindow(day: string, viewerTimeZone: string, toDay: string = day): { from: string; to: string } {
  const { start } = dayBounds(parseLocalDate(day), viewerTimeZone)
  const { end } = dayBounds(parseLocalDate(toDay), viewerTimeZone)
  return { from: new Date(start - DAY_MS).toISOString(), to: new Date(end + DAY_MS).toISOString() }
}

/**
 * The prestador-zone dates whose blocking can matter for the days `day`..`toDay` in the
 * viewer's zone: two days either side (zones differ by up to 26 hours).
 */
export function blockedDatesWindow(day: string, toDay: string = day): { from: string; to: string } {
  return { from: shiftDay(day, -2), to: shiftDay(toDay, 2) }
}

/**
 * [from, to) instants of the calendar days `fromDay`..`toDay` (both included) in `timeZone`;
 * either side may be absent.
 */
export function dayRangeInstants(
  fromDay: string | null,
  toDay: string | null,
  timeZone: string,
): { from: string | null; to: string | null } {
  return {
    from: fromDay ? new Date(dayBounds(parseLocalDate(fromDay), timeZone).start).toISOString() : null,
    to: toDay ? new Date(dayBounds(parseLocalDate(toDay), timeZone).end).toISOString() : null,
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** "14:00": the wall-clock time of an instant in `timeZone`. */
export function formatSlotTime(iso: string, timeZone: string): string {
  const t = localDateTimeOf(Date.parse(iso), timeZone)
  return `${pad2(t.hour)}:${pad2(t.minute)}`
}

/** The calendar day ("YYYY-MM-DD") of an instant in `timeZone`. */
export function dayOf(iso: string, timeZone: string): string {
  return formatLocalDate(localDateTimeOf(Date.parse(iso), timeZone))
}
