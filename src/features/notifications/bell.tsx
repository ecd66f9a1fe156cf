// Entry for the app shell (AppLayout). The bell is a lazy chunk of its own, fetched while
// the page's chunk loads, so the first load of every page carries only this wrapper; a
// placeholder of the button's size keeps the header from shifting when it appears.
import { lazy, Suspense } from 'react'
import type { NotificationBellProps } from './components/NotificationBell'

const Bell = lazy(() => import('./components/NotificationBell').then((m) => ({ default: m.NotificationBell })))

export type { NotificationBellProps }

export function NotificationBell(props: NotificationBellProps) {
  return (
    <Suspense fallback={<span aria-hidden="true" className="inline-block size-10" />}>
      <Bell {...props} />
    </Suspense>
  )
}
