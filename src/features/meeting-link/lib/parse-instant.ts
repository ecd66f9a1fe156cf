// Parses a timestamptz string from PostgREST into epoch milliseconds.
//
// Why not plain `Date.parse`: it silently reads an offset-less string such as
// "2026-11-25T14:00:00" (or "2026-11-25 14:00") in the *browser's* time zone, which is
// exactly the bug this feature replaces. Here an explicit offset is mandatory, the
// fields are range-checked, and the instant is computed with Date.UTC, so the result
// never depends on the process time zone.

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0
  const sign = offset.startsWith('-') ? -1 : 1
  const digits = offset.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0
  if (hours > 23 || minutes > 59) return Number.NaN
  return sign * (hours * 60 + minutes)
}

/** Epoch ms of an ISO 8601 instant **with** offset (Z, ±HH, ±HHMM, ±HH:MM); throws RangeError otherwise. */
export function parseInstant(iso: string): number {
  const match = ISO_WITH_OFFSET.exec(iso.trim())
  if (!match) throw new RangeError(`Not an ISO timestamp with offset: ${JSON.stringify(iso)}`)
  const [, y, mo, d, h, mi, s = '0', frac = '', offset = 'Z'] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  const offsetMin = offsetMinutes(offset)
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    !Number.isNaN(offsetMin)
  if (!valid) throw new RangeError(`Out-of-range timestamp: ${JSON.stringify(iso)}`)
  // Postgres sends microseconds; Date only holds milliseconds, so truncate the rest.
  const millis = Number(frac.padEnd(3, '0').slice(0, 3))
  const utc = new Date(0)
  // setUTCFullYear keeps years 0-99 literal (Date.UTC would map them to 1900-1999).
  utc.setUTCFullYear(year, month - 1, day)
  utc.setUTCHours(hour, minute, second, millis)
  return utc.getTime() - offsetMin * 60_000
}
