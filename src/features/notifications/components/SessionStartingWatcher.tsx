// Runs the 5-minute notice for the employee's session list while it is open, without the
// page having to know: it observes the list's cached query (same key, disabled and without a
// queryFn, so it never fetches or polls by itself) and hands its sessions to
// useSessionStartingNotice. Not `skipToken`: an invalidation refetches with the options the
// query last received, and the watcher's skipToken would fail it ("Missing queryFn").

import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
// The sessions key (light entry, not the sessions index) and a shape-agnostic walker from
// meeting-link's pure entry.
import { sessionKeys } from '@/features/sessions/basics'
import { collectBookings } from '@/features/meeting-link/rules'
import { useSessionStartingNotice } from '../hooks/use-session-starting-notice'

export default function SessionStartingWatcher({ userId }: { userId: string }) {
  const { data } = useQuery<unknown>({ queryKey: sessionKeys.list({ role: 'user', userId }), enabled: false })
  const sessions = useMemo(() => collectBookings(data), [data])
  useSessionStartingNotice(sessions)
  return null
}
