type Timed = { starts_at: string; ends_at: string }

const toMs = (iso: string) => Date.parse(iso)

/**
 * Upcoming sessions first, soonest first; then past sessions, most recent first.
 * A session counts as upcoming until it ends (one in progress stays at the top).
 * Purely time-based: status (e.g. cancelled) does not move a session. Stable for ties.
 * Timestamps must carry an offset (PostgREST's timestamptz always does).
 */
export function sortSessions<T extends Timed>(sessions: readonly T[], now: Date | number): T[] {
  const nowMs = typeof now === 'number' ? now : now.getTime()
  const upcoming: T[] = []
  const past: T[] = []
  for (const s of sessions) (toMs(s.ends_at) > nowMs ? upcoming : past).push(s)
  upcoming.sort((a, b) => toMs(a.starts_at) - toMs(b.starts_at))
  past.sort((a, b) => toMs(b.starts_at) - toMs(a.starts_at))
  return [...upcoming, ...past]
}

/** Whether a session is upcoming or in progress at `now` (same rule as sortSessions). */
export function isUpcoming(session: Timed, now: Date | number): boolean {
  return toMs(session.ends_at) > (typeof now === 'number' ? now : now.getTime())
}
