import { useEffect, useReducer } from 'react'
import { linkWindow, msUntil, type LinkWindow, type LinkWindowBooking } from '../lib/link-window'

export type LinkWindowClock = {
  /** `linkWindow(booking, now)`, re-evaluated on its own when it changes. */
  window: LinkWindow
  /** The session is over: completed, or its end has passed (any meeting type). Cancelled is not "ended". */
  ended: boolean
}

// For phone/presencial sessions linkWindow says 'not_virtual' forever; the same rules
// applied as if the session were virtual still tell when it ends.
function clockFor(booking: LinkWindowBooking, now: number, window: LinkWindow): LinkWindow {
  return booking.meeting_type === 'virtual' ? window : linkWindow({ ...booking, meeting_type: 'virtual' }, now)
}

/** Epoch ms of the next instant at which anything the hook reports changes; null when final. */
function nextChangeMs(clock: LinkWindow): number | null {
  // Inside the window `started` flips at startsAt; schedule on that first so it stays true.
  if (clock.state === 'open' && !clock.started) return clock.startsAt.getTime()
  return clock.nextChangeAt?.getTime() ?? null
}

/**
 * The link window of a booking, kept current without polling: one setTimeout for the
 * next change (via msUntil), plus a re-check when the tab becomes visible again (browsers
 * throttle timers in background tabs and suspend them while the computer sleeps).
 */
export function useLinkWindow(booking: LinkWindowBooking): LinkWindowClock {
  // Each bump re-renders; the window itself is computed from the clock during render, so it
  // is also right whenever the booking prop changes (rescheduled, cancelled...).
  const [tick, bump] = useReducer((n: number) => n + 1, 0)
  const now = Date.now()
  const window = linkWindow(booking, now)
  const clock = clockFor(booking, now, window)
  const next = nextChangeMs(clock)

  useEffect(() => {
    const delay = msUntil(next === null ? null : new Date(next), Date.now())
    if (delay === null) return
    const id = setTimeout(bump, delay)
    return () => clearTimeout(id)
    // `tick` is a dependency so a timer that fired a little early (clock adjustments) is
    // scheduled again for the remaining time.
  }, [next, tick])

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') bump()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => document.removeEventListener('visibilitychange', onVisible)
  }, [])

  return { window, ended: clock.state === 'ended' }
}
