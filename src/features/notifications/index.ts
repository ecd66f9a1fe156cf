// Public API of the notifications feature. The app shell imports the bell from './bell'
// (a light entry) so that the list, its texts and date formatting stay in lazy chunks.
export { notificationKeys } from './api/keys'
export { fetchUnreadCount } from './api/unread-count'
export {
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notifySessionStarting,
  NOTIFICATION_LIST_LIMIT,
  NOTIFICATION_WRITE_TIMEOUT_MS,
  type NotificationKind,
  type NotificationRow,
} from './api/notifications'
export {
  NOTIFICATIONS_REFETCH_INTERVAL_MS,
  notificationPollingOptions,
  useNotificationList,
  useNotifications,
  useRefreshOnNewNotifications,
  useUnreadNotificationCount,
} from './api/queries'
export { MARK_READ_MESSAGES, useMarkAllNotificationsRead, useMarkNotificationRead } from './api/mutations'
export {
  browserAlertsState,
  disableBrowserAlerts,
  enableBrowserAlerts,
  showBrowserAlert,
  type BrowserAlertsState,
} from './api/browser-alerts'
export { notificationText, NOTIFICATION_TITLES, type NotificationText, type NotificationTextInput } from './lib/notification-text'
export { notificationHref } from './lib/notification-href'
export {
  sessionStartingPlan,
  useSessionStartingNotice,
  SESSION_STARTING_MARGIN_MS,
  type SessionStartingCandidate,
} from './hooks/use-session-starting-notice'
export { NotificationBell, bellLabel, type NotificationBellProps } from './components/NotificationBell'
