// "A sua sessão começa em 5 minutos": when the link window of one of the employee's virtual
// sessions opens (linkWindow, the rule the meeting-link panel and RLS use), ask the database
// for the notice. The database checks the window again and writes it at most once per
// person and session, so several tabs, reloads or a second device never duplicate it; only
// the call that wrote it shows the optional browser alert.
//
// Scheduling like useLinkWindow: one timer for the next window that opens, no polling, and
// a re-check when the tab becomes visible (background timers are throttled).

import { useEffect, useReducer, useRef } from 'react'
import { useQueryClient } from '@tanstack/react-query'
// The pure entry, not the meeting-link index (zod, editor, hooks).
import { linkWindow, MAX_TIMEOUT_MS, type LinkWindowBooking } from '@/features/meeting-link/rules'
import { notificationKeys } from '../api/keys'
import { notifySessionStarting } from '../api/notifications'
import { showBrowserAlert } from '../api/browser-alerts'
import { NOTIFICATION_TITLES } from '../lib/notification-titles'

export type SessionStartingCandidate = {
  id: string
  starts_at: string
  ends_at: string
  meeting_type: string
  status: string
}

/** Timers fire this long after the window opens, so a browser clock a little ahead of the server's is not "too early". */
export const SESSION_STARTING_MARGIN_MS = 1_000

function asLinkWindowBooking(s: SessionStartingCandidate): LinkWindowBooking | null {
  if (s.meeting_type !== 'virtual') return null
  if (s.status !== 'pending' && s.status !== 'scheduled') return null
  return { starts_at: s.starts_at, ends_at: s.ends_at, meeting_type: 'virtual', status: s.status }
}

/**
 * Which sessions are due for the notice at `now` (window open, not yet started) and when the
 * next one's window opens. A session whose start has passed gets no "begins in 5 minutes".
 */
export function sessionStartingPlan(
  sessions: ReadonlyArray<SessionStartingCandidate>,
  now: number,
): { due: string[]; nextAt: number | null } {
  const due: string[] = []
  let nextAt: number | null = null
  for (const s of sessions) {
    const booking = asLinkWindowBooking(s)
    if (!booking) continue
    let window
    try {
      window = linkWindow(booking, now)
    } catch {
      continue
    }
    if (window.state === 'waiting') {
      const opensAt = window.opensAt.getTime()
      if (nextAt === null || opensAt < nextAt) nextAt = opensAt
    } else if (window.state === 'open' && !window.started) {
      due.push(s.id)
    }
  }
  return { due, nextAt }
}

export function useSessionStartingNotice(sessions: ReadonlyArray<SessionStartingCandidate>): void {
  const queryClient = useQueryClient()
  const [tick, bump] = useReducer((n: number) => n + 1, 0)
  const asked = useRef(new Set<string>())
  const { due, nextAt } = sessionStartingPlan(sessions, Date.now() - SESSION_STARTING_MARGIN_MS)
  const dueKey = due.join(',')

  useEffect(() => {
    for (const id of dueKey ? dueKey.split(',') : []) {
      if (asked.current.has(id)) continue
      asked.current.add(id)
      notifySessionStarting(id).then(
        (wrote) => {
          void queryClient.invalidateQueries({ queryKey: notificationKeys.all })
          if (wrote) {
            showBrowserAlert(NOTIFICATION_TITLES.starting, 'O link da reunião já está disponível.', `encontro-session-starting-${id}`)
          }
        },
        // Not written (offline, timeout): ask again on the next re-check.
        () => asked.current.delete(id),
      )
    }
  }, [dueKey, queryClient, tick])

  useEffect(() => {
    if (nextAt === null) return
    const delay = Math.min(Math.max(nextAt + SESSION_STARTING_MARGIN_MS - Date.now(), 0), MAX_TIMEOUT_MS)
    const id = setTimeout(bump, delay)
    return () => clearTimeout(id)
    // `tick`: a timer that fired early (clock adjusted) is scheduled again.
  }, [nextAt, tick])

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') bump()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => document.removeEventListener('visibilitychange', onVisible)
  }, [])
}
