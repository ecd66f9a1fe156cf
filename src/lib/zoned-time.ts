// Wall-clock time in an IANA zone <-> instants, with Intl only (no date library zone data).
// Used where a rule is stated in someone's local time (a prestador's weekly hours, the
// viewer's calendar day) but everything stored and compared is an instant.

export type LocalDate = { year: number; month: number; day: number }
export type LocalDateTime = LocalDate & { hour: number; minute: number; second?: number }

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Wall-clock fields of an instant in `timeZone`. Throws RangeError for an unknown zone. */
export function localDateTimeOf(instantMs: number, timeZone: string): Required<LocalDateTime> {
  const f: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {}
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') f[part.type] = Number(part.value)
  }
  return { year: f.year!, month: f.month!, day: f.day!, hour: f.hour!, minute: f.minute!, second: f.second! }
}

/** Offset of `timeZone` from UTC at an instant, in ms (Lisbon in summer: +3_600_000). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const t = localDateTimeOf(instantMs, timeZone)
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second)
  return asUtc - Math.floor(instantMs / 1000) * 1000
}

/**
 * The instant at which `timeZone`'s clocks show `local`. Hour 24 means midnight of the next
 * day. Returns null for a wall time that does not exist (the hour skipped when clocks go
 * forward); for one that exists twice (clocks go back) returns the earlier instant.
 */
export function instantOfLocal(local: LocalDateTime, timeZone: string): number | null {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0)
  // Try both offsets around the wall time; keep those that round-trip, earliest first.
  const candidates = [...new Set([zoneOffsetMs(wall - 86_400_000, timeZone), zoneOffsetMs(wall, timeZone), zoneOffsetMs(wall + 86_400_000, timeZone)])]
    .map((offset) => wall - offset)
    .filter((instant) => zoneOffsetMs(instant, timeZone) === wall - instant)
    .sort((a, b) => a - b)
  return candidates[0] ?? null
}

/** "2026-11-25" -> { year, month, day }; throws RangeError on anything else. */
export function parseLocalDate(isoDate: string): LocalDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!m) throw new RangeError(`Invalid date: ${isoDate}`)
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day))
  if (check.getUTCMonth() !== date.month - 1 || check.getUTCDate() !== date.day) throw new RangeError(`Invalid date: ${isoDate}`)
  return date
}

export function formatLocalDate({ year, month, day }: LocalDate): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Calendar arithmetic on dates without zones. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

/** ISO weekday of a calendar date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()
  return d === 0 ? 7 : d
}

/** [start, end) instants of a calendar day in `timeZone` (23, 24 or 25 hours long). */
export function dayBounds(date: LocalDate, timeZone: string): { start: number; end: number } {
  const start = instantOfLocal({ ...date, hour: 0, minute: 0 }, timeZone) ?? firstInstantAfterGap(date, timeZone)
  const next = addDays(date, 1)
  const end = instantOfLocal({ ...next, hour: 0, minute: 0 }, timeZone) ?? firstInstantAfterGap(next, timeZone)
  return { start, end }
}

// Zones that skip midnight itself (some have): the day starts at the first existing minute.
function firstInstantAfterGap(date: LocalDate, timeZone: string): number {
  for (let minute = 1; minute <= 180; minute++) {
    const instant = instantOfLocal({ ...date, hour: Math.floor(minute / 60), minute: minute % 60 }, timeZone)
    if (instant !== null) return instant
  }
  throw new RangeError(`No midnight found for ${formatLocalDate(date)} in ${timeZone}`)
}
