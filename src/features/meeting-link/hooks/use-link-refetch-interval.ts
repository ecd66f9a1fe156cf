// How often a session list refetches so a link the prestador saves shows up on an open
// employee page within 15 s: every 10 s while some virtual session is close to (30 min
// before its window) or inside its link window; otherwise not at all (focus refetch only).

import { collectBookings } from '../api/booking-link-cache'
import { LINK_OPENS_BEFORE_START_MS } from '../lib/link-window'
import { parseInstant } from '../lib/parse-instant'

export const LINK_REFETCH_INTERVAL_MS = 10_000
/** Start polling this long before the link window opens. */
export const LINK_REFETCH_LEAD_MS = 30 * 60_000

export type RefetchSession = {
  starts_at: string
  ends_at: string
  meeting_type: string
  status: string
}

function isActiveSoon(session: RefetchSession, nowMs: number): boolean {
  if (session.meeting_type !== 'virtual') return false
  if (session.status !== 'pending' && session.status !== 'scheduled') return false
  let startMs: number
  let endMs: number
  try {
    startMs = parseInstant(session.starts_at)
    endMs = parseInstant(session.ends_at)
  } catch {
    return false
  }
  const pollFrom = startMs - LINK_OPENS_BEFORE_START_MS - LINK_REFETCH_LEAD_MS
  return nowMs >= pollFrom && nowMs < endMs
}

/** 10 000 ms while any virtual session is within 30 minutes of its link window or inside it; else false. */
export function refetchIntervalFor(sessions: ReadonlyArray<RefetchSession>, now: Date | number): number | false {
  const nowMs = typeof now === 'number' ? now : now.getTime()
  return sessions.some((s) => isActiveSoon(s, nowMs)) ? LINK_REFETCH_INTERVAL_MS : false
}

/**
 * `refetchInterval` for any session query, whatever the shape of its data (arrays of
 * bookings, `{ rows }` pages, call requests with an embedded `booking`).
 */
export function meetingLinkRefetchInterval(query: { state: { data: unknown } }): number | false {
  return refetchIntervalFor(collectBookings(query.state.data), Date.now())
}

/** Spread into a session list's useQuery options: `useQuery({ ...meetingLinkQueryOptions, queryKey, queryFn })`. */
export const meetingLinkQueryOptions = {
  refetchInterval: meetingLinkRefetchInterval,
  refetchOnWindowFocus: true,
} as const
