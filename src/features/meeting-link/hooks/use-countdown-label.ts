import { useEffect, useReducer } from 'react'
import { countdownLabel, msUntilCountdownChanges } from '../lib/format-session-time'
import { MAX_TIMEOUT_MS } from '../lib/link-window'

export const COUNTDOWN_SHOWN_UNDER_MS = 60 * 60_000

/**
 * "Disponível dentro de 12 min" while `opensAt` is less than an hour away (null otherwise),
 * updating on its own: one setTimeout for the next whole-minute change of the text (or for
 * the moment the hour mark is crossed), never a polling interval.
 */
export function useCountdownLabel(opensAt: Date | null, shownUnderMs: number = COUNTDOWN_SHOWN_UNDER_MS): string | null {
  const [tick, bump] = useReducer((n: number) => n + 1, 0)
  const opensAtMs = opensAt?.getTime() ?? null
  const remaining = opensAtMs === null ? null : opensAtMs - Date.now()
  const label = remaining !== null && remaining > 0 && remaining < shownUnderMs ? countdownLabel(remaining) : null

  useEffect(() => {
    if (opensAtMs === null) return
    const left = opensAtMs - Date.now()
    if (left <= 0) return
    const wait = left >= shownUnderMs ? left - shownUnderMs + 1 : msUntilCountdownChanges(left)
    const id = setTimeout(bump, Math.min(wait, MAX_TIMEOUT_MS))
    return () => clearTimeout(id)
  }, [opensAtMs, shownUnderMs, tick])

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') bump()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => document.removeEventListener('visibilitychange', onVisible)
  }, [])

  return label
}
