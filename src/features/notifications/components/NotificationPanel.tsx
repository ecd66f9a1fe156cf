// The list under the bell (lazy chunk): newest first, unread ones marked, each a link to
// the session on the viewer's own page (opening it marks it read), "Marcar como lida" per
// unread item and "Marcar todas como lidas".

import { useId, useRef } from 'react'
import { Link } from 'react-router'
import { Button, ErrorState, Spinner, cn } from '@/components/ui'
import type { Profile } from '@/features/auth'
import { formatInstant } from '@/lib/format-date'
import { useMarkAllNotificationsRead, useMarkNotificationRead } from '../api/mutations'
import type { NotificationRow } from '../api/notifications'
import { useNotificationList, useUnreadNotificationCount } from '../api/queries'
import { notificationHref } from '../lib/notification-href'
import { notificationText } from '../lib/notification-text'
import { BrowserAlertsToggle } from './BrowserAlertsToggle'
import { PanelFrame } from './PanelFrame'

export const PANEL_TEXTS = {
  heading: 'Notificações',
  loading: 'A carregar as notificações...',
  error: 'Não foi possível carregar as notificações.',
  empty: 'Não tem notificações.',
  markRead: 'Marcar como lida',
  markAll: 'Marcar todas como lidas',
  unread: 'Por ler.',
} as const

const T = PANEL_TEXTS

export type NotificationPanelProps = {
  id: string
  profile: Pick<Profile, 'id' | 'role' | 'time_zone'>
  /** A notification link was followed: the bell closes (focus goes to the page). */
  onNavigate: () => void
}

export default function NotificationPanel({ id, profile, onNavigate }: NotificationPanelProps) {
  const headingId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const list = useNotificationList(profile.id)
  const { data: unreadCount } = useUnreadNotificationCount(profile.id)
  const markRead = useMarkNotificationRead(profile.id)
  const markAll = useMarkAllNotificationsRead(profile.id)
  const anyUnread = (unreadCount ?? 0) > 0 || (list.data?.some((n) => n.read_at === null) ?? false)

  return (
    <PanelFrame id={id} labelledBy={headingId}>
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-2">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none">
          {T.heading}
        </h2>
        {anyUnread ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              markAll.mutate()
              // The button goes away with the last unread one: keep focus in the list.
              headingRef.current?.focus()
            }}
          >
            {T.markAll}
          </Button>
        ) : null}
      </div>
      {list.isPending ? (
        <div className="px-4">
          <Spinner label={T.loading} />
        </div>
      ) : list.isError ? (
        <div className="p-3">
          <ErrorState message={T.error} onRetry={() => list.refetch()} retrying={list.isRefetching} />
        </div>
      ) : list.data.length === 0 ? (
        <p className="px-4 py-6 text-slate-600">{T.empty}</p>
      ) : (
        <ul aria-label={T.heading} className="max-h-[min(60dvh,32rem)] divide-y divide-slate-100 overflow-y-auto">
          {list.data.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              profile={profile}
              onOpen={() => {
                if (n.read_at === null) markRead.mutate(n.id)
                onNavigate()
              }}
              onMarkRead={() => markRead.mutate(n.id)}
            />
          ))}
        </ul>
      )}
      {profile.role === 'user' ? <BrowserAlertsToggle /> : null}
    </PanelFrame>
  )
}

function NotificationItem({
  notification: n,
  profile,
  onOpen,
  onMarkRead,
}: {
  notification: NotificationRow
  profile: NotificationPanelProps['profile']
  onOpen: () => void
  onMarkRead: () => void
}) {
  const titleId = useId()
  const linkRef = useRef<HTMLAnchorElement>(null)
  const { title, body } = notificationText(n, profile.time_zone, profile.role)
  const unread = n.read_at === null
  return (
    <li data-notification-kind={n.kind} className={cn('flex items-start gap-3 px-4 py-3', unread && 'bg-brand-50')}>
      <span
        aria-hidden="true"
        className={cn('mt-1.5 size-2 shrink-0 rounded-full', unread ? 'bg-brand-700' : 'bg-transparent')}
      />
      <Link
        ref={linkRef}
        to={notificationHref(profile.role, n.booking_id)}
        onClick={onOpen}
        className="min-w-0 flex-1 rounded text-sm hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {unread ? <span className="sr-only">{T.unread}</span> : null}{unread ? ' ' : null}
        <span id={titleId} className={cn('block text-slate-900', unread ? 'font-semibold' : 'font-medium')}>
          {title}
        </span>{' '}
        <span className="block text-slate-700">{body}</span>{' '}
        <time dateTime={n.created_at} className="mt-0.5 block text-xs text-slate-600">
          {formatInstant(n.created_at, profile.time_zone)}
        </time>
      </Link>
      {unread ? (
        <button
          type="button"
          aria-describedby={titleId}
          onClick={() => {
            onMarkRead()
            // The button disappears once read: keep focus on this notification.
            linkRef.current?.focus()
          }}
          className="shrink-0 rounded px-1 text-xs font-medium text-brand-800 underline hover:bg-brand-100"
        >
          {T.markRead}
        </button>
      ) : null}
    </li>
  )
}
