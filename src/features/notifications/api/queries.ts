import { useQuery } from '@tanstack/react-query'
import { notificationKeys } from './keys'
import { fetchNotifications } from './notifications'
import { notificationPollingOptions, useUnreadNotificationCount } from './unread-count'

export {
  NOTIFICATIONS_REFETCH_INTERVAL_MS,
  notificationPollingOptions,
  useRefreshOnNewNotifications,
  useUnreadNotificationCount,
} from './unread-count'

/** The person's newest notifications (newest first), polled like the count while shown. */
export function useNotificationList(userId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    ...notificationPollingOptions,
    queryKey: notificationKeys.list(userId),
    queryFn: () => fetchNotifications(userId),
    enabled,
  })
}

/** The list and the unread count together. */
export function useNotifications(userId: string, options: { enabled?: boolean } = {}) {
  const list = useNotificationList(userId, options)
  const unread = useUnreadNotificationCount(userId)
  return { list, unread, notifications: list.data ?? [], unreadCount: unread.data ?? 0 }
}
