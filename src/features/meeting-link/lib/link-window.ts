// When the employee may see and open a session's meeting link.
//
// Works on instants only: starts_at/ends_at are parsed with their explicit offset and
// compared as epoch ms, so the browser's time zone (and DST changes) cannot move the
// window. It mirrors the RLS rule on booking_links (visible from 5 minutes before start
// until the end, never for cancelled or non-virtual bookings), so the UI state and the
// data the server returns agree.

import { parseInstant } from './parse-instant'

export const LINK_OPENS_BEFORE_START_MS = 5 * 60_000

/** Largest delay setTimeout honours; longer delays overflow and fire immediately. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1

export type MeetingType = 'virtual' | 'phone' | 'presencial'
export type BookingStatus = 'pending' | 'scheduled' | 'completed' | 'cancelled' | 'no_show'

export type LinkWindowBooking = {
  starts_at: string
  ends_at: string
  meeting_type: MeetingType
  status: BookingStatus
}

// Every variant carries `nextChangeAt` (null = the state is final) so the UI can schedule
// a single timer with `msUntil(window.nextChangeAt, now)` without narrowing first.
export type LinkWindow =
  | { state: 'not_virtual'; nextChangeAt: null }
  | { state: 'cancelled'; nextChangeAt: null }
  | { state: 'waiting'; opensAt: Date; nextChangeAt: Date; msUntilOpen: number }
  | { state: 'open'; startsAt: Date; nextChangeAt: Date; started: boolean }
  | { state: 'ended'; nextChangeAt: null }

function toMs(now: Date | number): number {
  const ms = typeof now === 'number' ? now : now.getTime()
  if (!Number.isFinite(ms)) throw new RangeError('Invalid "now"')
  return ms
}

/**
 * State of the link at `now`. Precedence: not_virtual, then cancelled, then completed or
 * no_show (reported as 'ended' even before ends_at: a provider who closes the session early
 * has ended it), then the clock. 'pending' and 'scheduled' both follow the clock.
 * Throws RangeError if starts_at/ends_at lack an offset or are not valid timestamps.
 */
export function linkWindow(booking: LinkWindowBooking, now: Date | number): LinkWindow {
  if (booking.meeting_type !== 'virtual') return { state: 'not_virtual', nextChangeAt: null }
  if (booking.status === 'cancelled') return { state: 'cancelled', nextChangeAt: null }
  if (booking.status === 'completed' || booking.status === 'no_show') return { state: 'ended', nextChangeAt: null }

  const nowMs = toMs(now)
  const startMs = parseInstant(booking.starts_at)
  const endMs = parseInstant(booking.ends_at)
  const opensAtMs = startMs - LINK_OPENS_BEFORE_START_MS

  if (nowMs >= endMs) return { state: 'ended', nextChangeAt: null }
  if (nowMs < opensAtMs) {
    return {
      state: 'waiting',
      opensAt: new Date(opensAtMs),
      // With corrupt data (ends before the window opens) the next change is straight to 'ended'.
      nextChangeAt: new Date(Math.min(opensAtMs, endMs)),
      msUntilOpen: opensAtMs - nowMs,
    }
  }
  // `started` flips at startsAt while the state stays 'open'; a UI that shows it can
  // schedule on `startsAt` as well.
  return { state: 'open', startsAt: new Date(startMs), nextChangeAt: new Date(endMs), started: nowMs >= startMs }
}

/**
 * Delay for setTimeout until `nextChangeAt`: null when nothing will change, 0 when already
 * due, and capped at MAX_TIMEOUT_MS (~24.8 days) — re-evaluate when that timer fires.
 */
export function msUntil(nextChangeAt: Date | null | undefined, now: Date | number): number | null {
  if (nextChangeAt == null) return null
  const delta = nextChangeAt.getTime() - toMs(now)
  if (Number.isNaN(delta)) throw new RangeError('Invalid "nextChangeAt"')
  return Math.min(Math.max(delta, 0), MAX_TIMEOUT_MS)
}
