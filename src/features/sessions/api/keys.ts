import type { AppRole } from '@/features/auth'

/** Whose sessions a list shows. RLS decides what the server returns; the key keeps caches apart. */
export type SessionScope = { role: AppRole; userId: string }

export type AdminPage = { page: number; pageSize: number }

// TkDodo-style key factory: invalidate `sessionKeys.all` to refresh everything about
// sessions, `sessionKeys.lists()` for every list, `sessionKeys.list(scope)` for one.
export const sessionKeys = {
  all: ['sessions'] as const,
  lists: () => [...sessionKeys.all, 'list'] as const,
  list: (scope: SessionScope) => [...sessionKeys.lists(), scope] as const,
  /** One page of the admin list (a child of the admin list key). */
  listPage: (scope: SessionScope, page: AdminPage) => [...sessionKeys.list(scope), page] as const,
  details: () => [...sessionKeys.all, 'detail'] as const,
  detail: (id: string) => [...sessionKeys.details(), id] as const,
  /** The especialista's queue of open call requests. */
  queue: (userId: string) => [...sessionKeys.all, 'call-request-queue', userId] as const,
}
