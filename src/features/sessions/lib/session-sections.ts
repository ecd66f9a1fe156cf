import type { BookingStatus } from './labels'
import { sortSessions } from './sort-sessions'

type Sectioned = { starts_at: string; ends_at: string; status: BookingStatus }

/** The three lists of a session page, each in display order. */
export type SessionSections<T> = { upcoming: T[]; past: T[]; cancelled: T[] }

/** Whether a session is still to happen: active (pending/scheduled) and not over at `now`. */
export function isStillAhead(session: Sectioned, now: Date | number): boolean {
  const nowMs = typeof now === 'number' ? now : now.getTime()
  return (session.status === 'pending' || session.status === 'scheduled') && Date.parse(session.ends_at) > nowMs
}

/**
 * "Próximas sessões": active sessions not over yet, soonest first. "Sessões anteriores":
 * sessions over by time or by outcome (realizada / Faltou: a session marked as done leaves
 * "Próximas" at once, not at its end), most recent first. "Canceladas": cancelled ones,
 * most recent first, whatever their time.
 */
export function sessionSections<T extends Sectioned>(sessions: readonly T[], now: Date | number): SessionSections<T> {
  const sections: SessionSections<T> = { upcoming: [], past: [], cancelled: [] }
  for (const s of sortSessions(sessions, now)) {
    if (s.status === 'cancelled') sections.cancelled.push(s)
    else if (isStillAhead(s, now)) sections.upcoming.push(s)
    else sections.past.push(s)
  }
  // sortSessions puts not-yet-ended sessions first (ascending): a realizada session that has
  // not reached its end, or a cancelled future one, must follow the most-recent-first order.
  const recentFirst = (a: T, b: T) => Date.parse(b.starts_at) - Date.parse(a.starts_at)
  sections.past.sort(recentFirst)
  sections.cancelled.sort(recentFirst)
  return sections
}
