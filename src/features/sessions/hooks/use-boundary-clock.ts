import { useEffect, useReducer } from 'react'

/** Largest delay setTimeout honours; longer delays overflow and fire immediately. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1

/**
 * `Date.now()` at render, re-rendering on its own when the clock passes the next of
 * `instantsMs` (e.g. the ends of the listed sessions, to move them from "próximas" to
 * "anteriores", or a start, to enable "Marcar como realizada"). One timer for the next
 * instant only, plus a re-check when the tab becomes visible again (background tabs
 * throttle timers; a sleeping computer suspends them).
 */
export function useBoundaryClock(instantsMs: readonly number[]): number {
  const [tick, bump] = useReducer((n: number) => n + 1, 0)
  const now = Date.now()
  let next = Infinity
  for (const t of instantsMs) if (Number.isFinite(t) && t > now && t < next) next = t

  useEffect(() => {
    if (!Number.isFinite(next)) return
    // +1 ms: the render after the timer must see `now` past the boundary.
    const id = setTimeout(bump, Math.min(Math.max(next - Date.now() + 1, 0), MAX_TIMEOUT_MS))
    return () => clearTimeout(id)
    // `tick`: a timer that fired early (clock adjusted) is scheduled again.
  }, [next, tick])

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') bump()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => document.removeEventListener('visibilitychange', onVisible)
  }, [])

  return now
}
