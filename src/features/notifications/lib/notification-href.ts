// Where a notification leads: the viewer's own session page, scrolled to the card
// (`#session-<id>`, the id SessionCard gives it). Admins have one operations page.

import type { AppRole } from '@/features/auth'

const SESSION_PAGES: Record<AppRole, string> = {
  user: '/user/sessions',
  prestador: '/prestador/sessions',
  especialista: '/especialista/dashboard',
  admin: '/admin/operations',
}

export function notificationHref(role: AppRole, bookingId: string | null): string {
  const page = SESSION_PAGES[role]
  if (role === 'admin' || !bookingId) return page
  return `${page}#session-${bookingId}`
}
