// Free slots of a prestador on one day of the viewer's calendar: the one computation behind
// all three booking paths (employee, admin, especialista).
//
// Weekly hours and blocked dates are in the prestador's zone; the day asked for is in the
// viewer's zone; busy intervals and results are instants. The database re-checks every slot
// with the same rule (private.slot_is_bookable) and the exclusion constraint settles races.

import {
  addDays,
  dayBounds,
  formatLocalDate,
  instantOfLocal,
  isoWeekday,
  localDateTimeOf,
  parseLocalDate,
  type LocalDate,
} from '@/lib/zoned-time'

export type WeeklyHours = { weekday: number; start_time: string; end_time: string }
export type BusyInterval = { starts_at: string; ends_at: string }
export type Slot = { starts_at: string; ends_at: string }

export type FreeSlotsInput = {
  /** The calendar day the viewer picked, "YYYY-MM-DD", in viewerTimeZone. */
  day: string
  viewerTimeZone: string
  prestadorTimeZone: string
  weeklyHours: WeeklyHours[]
  /** Dates ("YYYY-MM-DD") the prestador blocked, in their zone. */
  blockedDates: string[]
  /** The prestador's active sessions (never cancelled ones). */
  busy: BusyInterval[]
  sessionMinutes: number
  bufferMinutes: number
  now: Date | number
}

const MINUTE = 60_000

function parseTime(value: string): { hour: number; minute: number } {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value)
  if (!m) throw new RangeError(`Invalid time: ${value}`)
  return { hour: Number(m[1]), minute: Number(m[2]) }
}

/**
 * Slots of exactly sessionMinutes, one after another from the start of each block of weekly
 * hours with bufferMinutes between them, that start on `day` in the viewer's zone, start
 * after `now`, and keep bufferMinutes away from every busy interval. Sorted by start.
 */
export function freeSlots(input: FreeSlotsInput): Slot[] {
  const viewerDay = dayBounds(parseLocalDate(input.day), input.viewerTimeZone)
  const now = typeof input.now === 'number' ? input.now : input.now.getTime()
  const length = input.sessionMinutes * MINUTE
  const buffer = input.bufferMinutes * MINUTE
  const step = length + buffer
  const blocked = new Set(input.blockedDates)
  const busy = input.busy.map((b) => ({ start: Date.parse(b.starts_at), end: Date.parse(b.ends_at) }))

  // The viewer's day may touch two of the prestador's days (zones apart), so look at each.
  const first = localDateTimeOf(viewerDay.start, input.prestadorTimeZone)
  const last = localDateTimeOf(viewerDay.end - 1, input.prestadorTimeZone)
  const prestadorDays: LocalDate[] = []
  for (let d: LocalDate = first; formatLocalDate(d) <= formatLocalDate(last); d = addDays(d, 1)) prestadorDays.push(d)

  const slots: number[] = []
  for (const date of prestadorDays) {
    if (blocked.has(formatLocalDate(date))) continue
    const weekday = isoWeekday(date)
    for (const hours of input.weeklyHours.filter((h) => h.weekday === weekday)) {
      const open = instantOfLocal({ ...date, ...parseTime(hours.start_time) }, input.prestadorTimeZone)
      const close = instantOfLocal({ ...date, ...parseTime(hours.end_time) }, input.prestadorTimeZone)
      if (open === null || close === null) continue // hours that start or end in a skipped DST hour
      for (let start = open; start + length <= close; start += step) {
        const end = start + length
        if (start < viewerDay.start || start >= viewerDay.end || start <= now) continue
        if (busy.some((b) => b.start < end + buffer && b.end > start - buffer)) continue
        slots.push(start)
      }
    }
  }
  return [...new Set(slots)]
    .sort((a, b) => a - b)
    .map((start) => ({ starts_at: new Date(start).toISOString(), ends_at: new Date(start + length).toISOString() }))
}
