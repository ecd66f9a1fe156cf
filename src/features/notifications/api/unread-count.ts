// The one request the header bell makes on every page: the unread count. Kept apart from
// the list and the writes (api/notifications.ts), which load with the list on first open.

import { useEffect, useRef } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { CHANGE_POLL_INTERVAL_MS } from '@/lib/poll-policy'
import { supabase } from '@/lib/supabase'
// The light entry (not the sessions index, which would bring the session lists into the shell).
import { sessionKeys } from '@/features/sessions/basics'
import { notificationKeys } from './keys'

/**
 * The page's one "what changed" read (src/lib/poll-policy.ts): every 15 s while the page is
 * visible (TanStack Query skips intervals in hidden tabs) and on window focus. There is no
 * realtime server locally, and a count is one HEAD request.
 */
export const NOTIFICATIONS_REFETCH_INTERVAL_MS = CHANGE_POLL_INTERVAL_MS

export const notificationPollingOptions = {
  refetchInterval: NOTIFICATIONS_REFETCH_INTERVAL_MS,
  refetchIntervalInBackground: false,
  refetchOnWindowFocus: true,
  staleTime: 5_000,
} as const

/** How many of the person's notifications are unread (a HEAD request: no rows travel). */
export async function fetchUnreadCount(userId: string): Promise<number> {
  const { count, error } = await supabase
    .from('notifications')
    .select('id', { count: 'exact', head: true })
    .eq('recipient_id', userId)
    .is('read_at', null)
  if (error) throw error
  return count ?? 0
}

/** The person's unread count, polled while the page is visible. */
export function useUnreadNotificationCount(userId: string) {
  return useQuery({
    ...notificationPollingOptions,
    queryKey: notificationKeys.unreadCount(userId),
    queryFn: () => fetchUnreadCount(userId),
  })
}

/**
 * When the unread count goes up, something happened to one of the person's sessions
 * (booked, link saved or changed, rescheduled, cancelled): refetch the session lists and
 * the notification list now rather than at their next poll. Used once, by the bell.
 */
export function useRefreshOnNewNotifications(userId: string, count: number | undefined): void {
  const queryClient = useQueryClient()
  const previous = useRef<number | undefined>(undefined)
  useEffect(() => {
    const before = previous.current
    previous.current = count
    if (before === undefined || count === undefined || count <= before) return
    // 'all': the list is only observed while the panel is open; refetch it now anyway, so
    // opening the bell right after the count went up shows the new ones, not the cached list.
    void queryClient.invalidateQueries({ queryKey: notificationKeys.list(userId), refetchType: 'all' })
    void queryClient.invalidateQueries({ queryKey: sessionKeys.all })
  }, [count, queryClient, userId])
}
