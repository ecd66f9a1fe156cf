// Blocked dates as the editor checks them: calendar dates ("YYYY-MM-DD") in the prestador's
// time zone. "Today" is today THERE, never in the browser's zone. The database refuses a
// second row for the same day (unique constraint, 23505); past dates are refused here only.

import { formatLocalDate, localDateTimeOf, parseLocalDate } from '@/lib/zoned-time'

export const BLOCKED_REASON_MAX_LENGTH = 200

export const BLOCKED_DATE_MESSAGES = {
  day_required: 'Indique o dia a bloquear.',
  day_invalid: 'Indique uma data válida.',
  day_in_past: 'Não é possível bloquear um dia que já passou.',
  duplicate: 'Esse dia já está bloqueado.',
  reason_too_long: `O motivo pode ter no máximo ${BLOCKED_REASON_MAX_LENGTH} caracteres.`,
} as const

export type BlockedDateProblem = keyof typeof BLOCKED_DATE_MESSAGES

/** Today's date in `timeZone` at `now`, "YYYY-MM-DD". */
export function todayIn(timeZone: string, now: number | Date = Date.now()): string {
  return formatLocalDate(localDateTimeOf(typeof now === 'number' ? now : now.getTime(), timeZone))
}

/** "YYYY-MM-DD" that is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  try {
    parseLocalDate(value)
    return true
  } catch {
    return false
  }
}

export type BlockedDateValidation =
  | { ok: true; day: string; reason: string | null }
  | { ok: false; day?: BlockedDateProblem; reason?: BlockedDateProblem }

/**
 * A date to block, typed as `day` ("YYYY-MM-DD" from `<input type="date">`) and an optional
 * reason: a real date, today or later (`today` in the prestador's zone), not already in
 * `blocked`. An empty reason is sent as null.
 */
export function validateBlockedDate(
  input: { day: string; reason: string },
  { today, blocked }: { today: string; blocked: readonly string[] },
): BlockedDateValidation {
  const day = input.day.trim()
  const reason = input.reason.trim()
  let dayProblem: BlockedDateProblem | undefined
  if (day === '') dayProblem = 'day_required'
  else if (!isCalendarDate(day)) dayProblem = 'day_invalid'
  // ISO dates compare as strings.
  else if (day < today) dayProblem = 'day_in_past'
  else if (blocked.includes(day)) dayProblem = 'duplicate'
  const reasonProblem: BlockedDateProblem | undefined = [...reason].length > BLOCKED_REASON_MAX_LENGTH ? 'reason_too_long' : undefined
  if (dayProblem || reasonProblem) {
    return { ok: false, ...(dayProblem ? { day: dayProblem } : {}), ...(reasonProblem ? { reason: reasonProblem } : {}) }
  }
  return { ok: true, day, reason: reason === '' ? null : reason }
}

const dayFormat = new Intl.DateTimeFormat('pt-PT', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/**
 * "sábado, 5 de dezembro de 2026" for "2026-12-05". A calendar date has no zone: it is
 * formatted at noon UTC in UTC, so the browser's zone can never move it to another day.
 */
export function formatBlockedDay(day: string): string {
  const { year, month, day: dayOfMonth } = parseLocalDate(day)
  return dayFormat.format(Date.UTC(year, month - 1, dayOfMonth, 12))
}
