// The bell in the header, for every role: unread count (polled), and a disclosure that
// opens the list. This module is itself a lazy chunk (see ../bell.tsx); the list (texts,
// date formatting, mutations) is another, fetched on first hover, focus or click.

import { lazy, Suspense, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import { Spinner } from '@/components/ui'
import type { Profile } from '@/features/auth'
import { useRefreshOnNewNotifications, useUnreadNotificationCount } from '../api/unread-count'
import { PanelFrame } from './PanelFrame'
import SessionStartingWatcher from './SessionStartingWatcher'

const loadPanel = () => import('./NotificationPanel')
const NotificationPanel = lazy(loadPanel)

export type NotificationBellProps = { profile: Pick<Profile, 'id' | 'role' | 'time_zone'> }

/** "Notificações, 3 por ler"; just "Notificações" while the count is unknown. */
export function bellLabel(count: number | undefined): string {
  return count === undefined ? 'Notificações' : `Notificações, ${count} por ler`
}

export function NotificationBell({ profile }: NotificationBellProps) {
  const [open, setOpen] = useState(false)
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelId = useId()
  const { data: count } = useUnreadNotificationCount(profile.id)
  useRefreshOnNewNotifications(profile.id, count)

  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) buttonRef.current?.focus()
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault()
      close(true)
    }
  }
  // Focus moving elsewhere (Tab past the list, a click on the page) closes it; focus stays put.
  const onBlur = (event: FocusEvent) => {
    const next = event.relatedTarget
    if (open && next instanceof Node && !rootRef.current?.contains(next)) setOpen(false)
  }

  return (
    <div ref={rootRef} className="sm:relative" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        aria-label={bellLabel(count)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
        onPointerEnter={() => void loadPanel()}
        onFocus={() => void loadPanel()}
        className="relative inline-flex size-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path strokeLinecap="round" strokeLinejoin="round" d="M6 9a6 6 0 1 1 12 0c0 4.5 1.5 6.5 2 7H4c.5-.5 2-2.5 2-7Zm3.5 10a2.5 2.5 0 0 0 5 0" />
        </svg>
        {count ? (
          <span
            aria-hidden="true"
            data-testid="notification-count"
            className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white"
          >
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </button>
      {open ? (
        <Suspense
          fallback={
            <PanelFrame id={panelId}>
              <div className="px-4">
                <Spinner label="A carregar as notificações..." />
              </div>
            </PanelFrame>
          }
        >
          <NotificationPanel id={panelId} profile={profile} onNavigate={() => close(false)} />
        </Suspense>
      ) : null}
      {profile.role === 'user' ? <SessionStartingWatcher userId={profile.id} /> : null}
    </div>
  )
}
