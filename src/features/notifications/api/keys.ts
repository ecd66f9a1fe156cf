// TkDodo-style key factory: invalidate `notificationKeys.all` to refresh everything about
// notifications (the list and the unread count), or one of the narrower keys below.
export const notificationKeys = {
  all: ['notifications'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  /** The newest notifications of one person (RLS only ever returns their own). */
  list: (userId: string) => [...notificationKeys.lists(), userId] as const,
  unreadCounts: () => [...notificationKeys.all, 'unread-count'] as const,
  /** How many of one person's notifications are unread. */
  unreadCount: (userId: string) => [...notificationKeys.unreadCounts(), userId] as const,
}
