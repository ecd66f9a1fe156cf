// A prestador's weekly hours as the editor sees them: wall-clock blocks ("09:00–13:00") per
// ISO weekday, in the prestador's own time zone (profiles.time_zone). Pure: no dates, no
// zones, so these rules behave the same in every browser zone.
//
// The database is the judge (CHECK end_time > start_time, the exclusion constraint against
// overlapping blocks on one weekday); these checks only say so before the round trip.

/** ISO weekdays as the database stores them (1 = Monday ... 7 = Sunday), with pt-PT names. */
export const WEEKDAYS = [
  { weekday: 1, name: 'Segunda-feira' },
  { weekday: 2, name: 'Terça-feira' },
  { weekday: 3, name: 'Quarta-feira' },
  { weekday: 4, name: 'Quinta-feira' },
  { weekday: 5, name: 'Sexta-feira' },
  { weekday: 6, name: 'Sábado' },
  { weekday: 7, name: 'Domingo' },
] as const

export type Weekday = (typeof WEEKDAYS)[number]['weekday']

/** Minutes in a day: the end of a block that runs until midnight ("24:00"). */
export const END_OF_DAY = 24 * 60

export function weekdayName(weekday: number): string {
  return WEEKDAYS.find((d) => d.weekday === weekday)?.name ?? `Dia ${weekday}`
}

/**
 * "HH:MM" or "HH:MM:SS" (what `<input type="time">` and Postgres give) -> minutes since
 * midnight. "24:00" is the end of the day (Postgres allows it as a time). Anything else,
 * including seconds other than :00 and hours past 24, is null.
 */
export function parseTime(value: string): number | null {
  const m = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.0+)?)?$/.exec(value.trim())
  if (!m) return null
  const hour = Number(m[1])
  const minute = Number(m[2])
  const second = m[3] === undefined ? 0 : Number(m[3])
  if (minute > 59 || second > 59) return null
  if (hour === 24 && minute === 0 && second === 0) return END_OF_DAY
  if (hour > 23 || second !== 0) return null
  return hour * 60 + minute
}

/**
 * The end of a block as typed: like parseTime, except that "00:00" means midnight at the END
 * of the day (a time input cannot show "24:00", so a block until midnight is typed 00:00).
 */
export function parseEndTime(value: string): number | null {
  const minutes = parseTime(value)
  return minutes === 0 ? END_OF_DAY : minutes
}

/** Minutes since midnight -> "HH:MM" (1440 -> "24:00"). */
export function formatTime(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > END_OF_DAY) throw new RangeError(`Invalid minutes: ${minutes}`)
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** A block as minutes since midnight, [start, end). */
export type TimeBlock = { start: number; end: number }

/** A row of prestador_availability (or anything with its times). */
export type WeeklyHoursRow = { start_time: string; end_time: string }

/** The row's times as minutes; null when the server sent something unexpected. */
export function blockOf(row: WeeklyHoursRow): TimeBlock | null {
  const start = parseTime(row.start_time)
  const end = parseTime(row.end_time)
  return start === null || end === null ? null : { start, end }
}

/** "09:00–13:00" (en dash), as the editor and the toasts say it. */
export function blockLabel(block: TimeBlock): string {
  return `${formatTime(block.start)}–${formatTime(block.end)}`
}

/** The row's "09:00–13:00" ("HH:MM:SS" from Postgres shortened). */
export function rowLabel(row: WeeklyHoursRow): string {
  const block = blockOf(row)
  return block ? blockLabel(block) : `${row.start_time}–${row.end_time}`
}

/**
 * Whether two blocks share a minute. Half-open, like the database's tsrange '[)': a block
 * ending at 13:00 and one starting at 13:00 do not overlap.
 */
export function overlaps(a: TimeBlock, b: TimeBlock): boolean {
  return a.start < b.end && b.start < a.end
}

/** Rows sorted by start time (then end), for display. */
export function sortRows<T extends WeeklyHoursRow>(rows: readonly T[]): T[] {
  const key = (row: T) => blockOf(row) ?? { start: Number.MAX_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER }
  return [...rows].sort((a, b) => key(a).start - key(b).start || key(a).end - key(b).end)
}

export const TIME_BLOCK_MESSAGES = {
  start_required: 'Indique a hora de início.',
  start_invalid: 'Indique uma hora de início válida (HH:MM).',
  end_required: 'Indique a hora de fim.',
  end_invalid: 'Indique uma hora de fim válida (HH:MM).',
  end_not_after_start: 'A hora de fim tem de ser depois da hora de início.',
  overlap: 'Este horário sobrepõe-se a outro bloco nesse dia.',
} as const

export type TimeBlockProblem = keyof typeof TIME_BLOCK_MESSAGES

export type TimeBlockValidation =
  | { ok: true; block: TimeBlock; startTime: string; endTime: string }
  | {
      ok: false
      /** Problems of one field, shown next to it. */
      start?: TimeBlockProblem
      end?: TimeBlockProblem
      /** A problem of the block as a whole (overlap), shown next to both fields. */
      block?: TimeBlockProblem
    }

/**
 * Checks a new block typed as `start`/`end` ("HH:MM") against the blocks the same weekday
 * already has. On success returns the times to send ("HH:MM", the end "24:00" for midnight).
 */
export function validateNewBlock(input: { start: string; end: string }, sameDay: readonly WeeklyHoursRow[]): TimeBlockValidation {
  const startText = input.start.trim()
  const endText = input.end.trim()
  const start = startText === '' ? null : parseTime(startText)
  const end = endText === '' ? null : parseEndTime(endText)
  const startProblem: TimeBlockProblem | undefined = startText === '' ? 'start_required' : start === null || start === END_OF_DAY ? 'start_invalid' : undefined
  const endProblem: TimeBlockProblem | undefined = endText === '' ? 'end_required' : end === null ? 'end_invalid' : undefined
  if (startProblem || endProblem) {
    return { ok: false, ...(startProblem ? { start: startProblem } : {}), ...(endProblem ? { end: endProblem } : {}) }
  }
  const block = { start: start!, end: end! }
  if (block.end <= block.start) return { ok: false, end: 'end_not_after_start' }
  if (sameDay.some((row) => { const other = blockOf(row); return other !== null && overlaps(block, other) })) {
    return { ok: false, block: 'overlap' }
  }
  return { ok: true, block, startTime: formatTime(block.start), endTime: formatTime(block.end) }
}
