// "Marcar como lida" and "Marcar todas como lidas": optimistic, rolled back on error.
//
// The rollback undoes only what the failed mutation changed (its ids back to unread, the
// count back up by as many), so another mark made meanwhile is not undone with it. Errors
// are announced in the app's polite live region (the toast); success is never announced
// before the server answered.

import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useToast } from '@/components/ui'
import { notificationKeys } from './keys'
import { markAllNotificationsRead, markNotificationRead, type NotificationRow } from './notifications'

export const MARK_READ_MESSAGES = {
  oneFailed: 'Não foi possível marcar a notificação como lida. Tente novamente.',
  allFailed: 'Não foi possível marcar as notificações como lidas. Tente novamente.',
  allDone: 'Todas as notificações foram marcadas como lidas.',
} as const

type Snapshot = { ids: string[]; readAt: string }

async function applyOptimistic(
  queryClient: QueryClient,
  userId: string,
  pick: (n: NotificationRow) => boolean,
  countAfter: (count: number, changed: number) => number,
): Promise<Snapshot> {
  const listKey = notificationKeys.list(userId)
  const countKey = notificationKeys.unreadCount(userId)
  // A poll answered mid-mutation would put the old state back.
  await Promise.all([queryClient.cancelQueries({ queryKey: listKey }), queryClient.cancelQueries({ queryKey: countKey })])
  const readAt = new Date().toISOString()
  const ids = (queryClient.getQueryData<NotificationRow[]>(listKey) ?? []).filter((n) => n.read_at === null && pick(n)).map((n) => n.id)
  const changed = new Set(ids)
  queryClient.setQueryData<NotificationRow[]>(listKey, (list) =>
    list?.map((n) => (changed.has(n.id) ? { ...n, read_at: readAt } : n)),
  )
  queryClient.setQueryData<number>(countKey, (count) => (count === undefined ? count : countAfter(count, ids.length)))
  return { ids, readAt }
}

function rollback(queryClient: QueryClient, userId: string, snapshot: Snapshot | undefined, restoreCount: (count: number) => number) {
  if (!snapshot) return
  const ids = new Set(snapshot.ids)
  queryClient.setQueryData<NotificationRow[]>(notificationKeys.list(userId), (list) =>
    // Only rows still carrying our optimistic stamp: a refetch may have brought the truth.
    list?.map((n) => (ids.has(n.id) && n.read_at === snapshot.readAt ? { ...n, read_at: null } : n)),
  )
  queryClient.setQueryData<number>(notificationKeys.unreadCount(userId), (count) =>
    count === undefined ? count : restoreCount(count),
  )
}

export function useMarkNotificationRead(userId: string) {
  const queryClient = useQueryClient()
  const toast = useToast()
  return useMutation({
    mutationFn: (id: string) => markNotificationRead(id, new Date().toISOString()),
    onMutate: (id) => applyOptimistic(queryClient, userId, (n) => n.id === id, (count, changed) => Math.max(0, count - changed)),
    onError: (_error, _id, snapshot) => {
      rollback(queryClient, userId, snapshot, (count) => count + (snapshot?.ids.length ?? 0))
      toast.show(MARK_READ_MESSAGES.oneFailed, 'error')
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  })
}

export function useMarkAllNotificationsRead(userId: string) {
  const queryClient = useQueryClient()
  const toast = useToast()
  return useMutation<void, unknown, void, Snapshot & { countBefore: number | undefined }>({
    mutationFn: () => markAllNotificationsRead(userId, new Date().toISOString()),
    onMutate: async () => {
      const countBefore = queryClient.getQueryData<number>(notificationKeys.unreadCount(userId))
      // Every unread one, also those beyond the listed 30: the count goes to 0.
      const snapshot = await applyOptimistic(queryClient, userId, () => true, () => 0)
      return { ...snapshot, countBefore }
    },
    onError: (_error, _vars, snapshot) => {
      rollback(queryClient, userId, snapshot, (count) => (snapshot?.countBefore ?? count))
      toast.show(MARK_READ_MESSAGES.allFailed, 'error')
    },
    onSuccess: () => toast.show(MARK_READ_MESSAGES.allDone, 'success'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  })
}
