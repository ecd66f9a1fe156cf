// Client-side checks of the reschedule and cancel forms. They mirror the rules of the
// lifecycle RPCs so most mistakes are caught next to the field, before any request; the
// server stays the judge (its refusals are mapped by action-errors.ts).
//
// Dates and times are typed in the viewer's zone (profile.time_zone) and turned into
// instants with instantOfLocal, never by gluing the date and time into a Date string,
// which the browser would read in its own zone.

import { formatLocalDate, instantOfLocal, localDateTimeOf, parseLocalDate } from '@/lib/zoned-time'

export const CANCEL_REASON_MAX_LENGTH = 500
/** Longest session the server accepts (bookings_max_length). */
export const MAX_SESSION_MS = 8 * 60 * 60_000

export const VALIDATION_MESSAGES = {
  reasonRequired: 'Indique o motivo do cancelamento.',
  reasonTooLong: `O motivo pode ter no máximo ${CANCEL_REASON_MAX_LENGTH} caracteres.`,
  dateRequired: 'Indique a data.',
  dateInvalid: 'Indique uma data válida.',
  startRequired: 'Indique a hora de início.',
  endRequired: 'Indique a hora de fim.',
  timeInvalid: 'Indique uma hora válida (hh:mm).',
  startDoesNotExist: 'Esta hora não existe nesse dia (mudança da hora). Escolha outra hora.',
  endDoesNotExist: 'Esta hora não existe nesse dia (mudança da hora). Escolha outra hora.',
  startInPast: 'Escolha uma data e hora no futuro.',
  endBeforeStart: 'A hora de fim tem de ser depois da hora de início.',
  tooLong: 'Uma sessão não pode durar mais de 8 horas.',
  // Rescheduling into a free slot (a day, then one of its free times).
  dayPast: 'Escolha hoje ou um dia futuro.',
  slotRequired: 'Escolha um horário livre.',
  slotTaken: 'Este horário acabou de ser reservado.',
} as const

/** Characters as the database counts them (code points), not UTF-16 units. */
export function reasonLength(text: string): number {
  return [...text.trim()].length
}

/**
 * The reason to send (trimmed), or the pt-PT error to show next to the field. Staff must give
 * one; the employee may leave it empty (`optional`): the database stores no reason then.
 */
export function validateCancelReason(text: string, { optional = false } = {}): { ok: true; reason: string } | { ok: false; error: string } {
  const reason = text.trim()
  if (reason === '' && !optional) return { ok: false, error: VALIDATION_MESSAGES.reasonRequired }
  if (reasonLength(reason) > CANCEL_REASON_MAX_LENGTH) return { ok: false, error: VALIDATION_MESSAGES.reasonTooLong }
  return { ok: true, reason }
}

/** What the reschedule form holds: a date and two wall-clock times in the viewer's zone. */
export type RescheduleValues = { date: string; start: string; end: string }

export type RescheduleErrors = Partial<Record<'date' | 'start' | 'end', string>>

export type RescheduleCheck =
  | { ok: true; startsAt: string; endsAt: string }
  | { ok: false; errors: RescheduleErrors }

const FALLBACK_TIME_ZONE = 'Europe/Lisbon'

/** `timeZone` if Intl knows it, else Europe/Lisbon (the platform's default zone). */
export function usableTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return timeZone
  } catch {
    return FALLBACK_TIME_ZONE
  }
}

/** "14:05" -> { hour: 14, minute: 5 }; null for anything else. */
export function parseTime(text: string): { hour: number; minute: number } | null {
  const m = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(text.trim())
  if (!m) return null
  const hour = Number(m[1])
  const minute = Number(m[2])
  return hour <= 23 && minute <= 59 ? { hour, minute } : null
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The wall-clock date ("2026-11-25") and time ("14:05") of an instant in `timeZone`. */
export function localParts(instantMs: number, timeZone: string): { date: string; time: string } {
  const t = localDateTimeOf(instantMs, usableTimeZone(timeZone))
  return { date: formatLocalDate(t), time: `${pad(t.hour)}:${pad(t.minute)}` }
}

/** The form's starting values: the session's current date, start and end in the viewer's zone. */
export function initialRescheduleValues(session: { starts_at: string; ends_at: string }, timeZone: string): RescheduleValues {
  const startMs = Date.parse(session.starts_at)
  const endMs = Date.parse(session.ends_at)
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) return { date: '', start: '', end: '' }
  const start = localParts(startMs, timeZone)
  const end = localParts(endMs, timeZone)
  return { date: start.date, start: start.time, end: end.time }
}

/** The instant of `date` + `time` in `timeZone`; undefined when the text is not a date/time, null when that wall time does not exist. */
function instantOf(date: string, time: string, timeZone: string): number | null | undefined {
  let day
  try {
    day = parseLocalDate(date)
  } catch {
    return undefined
  }
  const clock = parseTime(time)
  if (!clock) return undefined
  return instantOfLocal({ ...day, ...clock }, timeZone)
}

/**
 * The end time that keeps `durationMs` after a new start: "hh:mm" in the viewer's zone, or
 * null while the date/start are not a valid instant. Computed on instants, so a start just
 * before a change of the clocks still gets an end `durationMs` later.
 */
export function endTimeFor(date: string, start: string, durationMs: number, timeZone: string): string | null {
  const zone = usableTimeZone(timeZone)
  const startMs = instantOf(date, start, zone)
  if (startMs == null) return null
  return localParts(startMs + durationMs, zone).time
}

/**
 * Checks the form and turns it into the instants to send. The end is on the same calendar
 * day as the start. `now` is when the check runs (the server checks again on save).
 */
export function validateReschedule(values: RescheduleValues, timeZone: string, now: Date | number): RescheduleCheck {
  const zone = usableTimeZone(timeZone)
  const nowMs = typeof now === 'number' ? now : now.getTime()
  const errors: RescheduleErrors = {}

  let dateOk = false
  if (values.date.trim() === '') errors.date = VALIDATION_MESSAGES.dateRequired
  else {
    try {
      parseLocalDate(values.date.trim())
      dateOk = true
    } catch {
      errors.date = VALIDATION_MESSAGES.dateInvalid
    }
  }
  if (values.start.trim() === '') errors.start = VALIDATION_MESSAGES.startRequired
  else if (!parseTime(values.start)) errors.start = VALIDATION_MESSAGES.timeInvalid
  if (values.end.trim() === '') errors.end = VALIDATION_MESSAGES.endRequired
  else if (!parseTime(values.end)) errors.end = VALIDATION_MESSAGES.timeInvalid
  if (!dateOk || errors.start || errors.end) return { ok: false, errors }

  const startMs = instantOf(values.date.trim(), values.start, zone)
  const endMs = instantOf(values.date.trim(), values.end, zone)
  if (startMs == null) errors.start = VALIDATION_MESSAGES.startDoesNotExist
  if (endMs == null) errors.end = VALIDATION_MESSAGES.endDoesNotExist
  if (startMs == null || endMs == null) return { ok: false, errors }

  if (endMs <= startMs) errors.end = VALIDATION_MESSAGES.endBeforeStart
  else if (endMs - startMs > MAX_SESSION_MS) errors.end = VALIDATION_MESSAGES.tooLong
  if (startMs <= nowMs) errors.start = VALIDATION_MESSAGES.startInPast
  if (errors.start || errors.end) return { ok: false, errors }

  return { ok: true, startsAt: new Date(startMs).toISOString(), endsAt: new Date(endMs).toISOString() }
}

export type SlotChoiceErrors = Partial<Record<'day' | 'slot', string>>

export type SlotChoiceCheck<S> = { ok: true; slot: S } | { ok: false; errors: SlotChoiceErrors }

/** "YYYY-MM-DD" that is a real calendar date. */
export function isCalendarDay(text: string): boolean {
  try {
    parseLocalDate(text)
    return true
  } catch {
    return false
  }
}

/** The error of the day of a slot choice: a real date from `today` on ("YYYY-MM-DD", viewer's zone). */
export function slotDayError(day: string, today: string): string | undefined {
  const text = day.trim()
  if (text === '') return VALIDATION_MESSAGES.dateRequired
  if (!isCalendarDay(text)) return VALIDATION_MESSAGES.dateInvalid
  if (text < today) return VALIDATION_MESSAGES.dayPast
  return undefined
}

/** Checks a choice of free slot: its day (slotDayError) and the slot. Both errors at once. */
export function validateSlotChoice<S>(day: string, slot: S | null, today: string): SlotChoiceCheck<S> {
  const errors: SlotChoiceErrors = {}
  const dayError = slotDayError(day, today)
  if (dayError) errors.day = dayError
  if (slot === null) errors.slot = VALIDATION_MESSAGES.slotRequired
  return slot !== null && !dayError ? { ok: true, slot } : { ok: false, errors }
}
