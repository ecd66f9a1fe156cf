// Test helpers for the availability components (imported by *.test.tsx only): one
// prestador's availability kept in memory and answered through the fake supabase client,
// and the providers of a signed-in page.

import type { ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { ToastProvider } from '@/components/ui'
import { AuthContext, type Profile } from '@/features/auth'
import { fakeAuth } from '@/test-utils/auth'
import { filterValue, type FakeHandler, type FakeRequest, type FakeResponse } from './fake-supabase'

export { fakeSupabase, filterValue, type FakeHandler, type FakeRequest, type FakeResponse } from './fake-supabase'

type Hours = { id: string; prestador_id: string; weekday: number; start_time: string; end_time: string }
type Blocked = { id: string; prestador_id: string; blocked_on: string; reason: string | null }
type Settings = { id: string; session_minutes: number; buffer_minutes: number }

/**
 * A prestador's availability on a pretend server: reads filter it, writes change it, and
 * `fail` scripts the answer to the next write of a table (an RLS refusal, a constraint).
 */
export function availabilityWorld(prestadorId: string) {
  let nextId = 1
  const hours: Hours[] = [
    { id: 'h-mon-am', prestador_id: prestadorId, weekday: 1, start_time: '09:00:00', end_time: '13:00:00' },
    { id: 'h-mon-pm', prestador_id: prestadorId, weekday: 1, start_time: '14:00:00', end_time: '18:00:00' },
    { id: 'h-wed', prestador_id: prestadorId, weekday: 3, start_time: '10:00:00', end_time: '12:00:00' },
  ]
  const blocked: Blocked[] = [{ id: 'b-1', prestador_id: prestadorId, blocked_on: '2026-12-24', reason: 'Consoada' }]
  const settings: Settings = { id: prestadorId, session_minutes: 50, buffer_minutes: 10 }
  const failures = new Map<string, FakeResponse>()

  const handler: FakeHandler = (request: FakeRequest) => {
    if (request.op !== 'select') {
      const failure = failures.get(`${request.table}:${request.op}`)
      if (failure) {
        failures.delete(`${request.table}:${request.op}`)
        return failure
      }
    }
    const id = filterValue(request, 'eq', 'id') as string | undefined
    if (request.table === 'prestador_availability') {
      if (request.op === 'select') return { data: hours.filter((h) => h.prestador_id === filterValue(request, 'eq', 'prestador_id')) }
      if (request.op === 'insert') {
        const v = request.values as Omit<Hours, 'id'>
        const row = { ...v, id: `h-${nextId++}`, start_time: `${v.start_time}:00`, end_time: `${v.end_time}:00` }
        hours.push(row)
        return { data: row }
      }
      if (request.op === 'delete') {
        const i = hours.findIndex((h) => h.id === id)
        return { data: i < 0 ? [] : hours.splice(i, 1).map((h) => ({ id: h.id })) }
      }
    }
    if (request.table === 'prestador_blocked_dates') {
      if (request.op === 'select') {
        const from = filterValue(request, 'gte', 'blocked_on') as string
        return { data: blocked.filter((b) => b.prestador_id === filterValue(request, 'eq', 'prestador_id') && b.blocked_on >= from).sort((a, b) => a.blocked_on.localeCompare(b.blocked_on)) }
      }
      if (request.op === 'insert') {
        const row = { ...(request.values as Omit<Blocked, 'id'>), id: `b-${nextId++}` }
        blocked.push(row)
        return { data: row }
      }
      if (request.op === 'delete') {
        const i = blocked.findIndex((b) => b.id === id)
        return { data: i < 0 ? [] : blocked.splice(i, 1).map((b) => ({ id: b.id })) }
      }
    }
    if (request.table === 'prestadores') {
      if (request.op === 'select') return { data: id === settings.id ? { ...settings } : null }
      if (request.op === 'update') {
        Object.assign(settings, request.values)
        return { data: [{ ...settings }] }
      }
    }
    return { data: null, error: { code: 'TEST', message: `unexpected ${request.op} ${request.table}` }, status: 500 }
  }

  return {
    handler,
    hours,
    blocked,
    settings,
    /** The next `op` on `table` gets this answer instead. */
    fail(table: string, op: FakeRequest['op'], error: { code?: string; message?: string }, status = 400) {
      failures.set(`${table}:${op}`, { data: null, error, status })
    },
  }
}

export function createTestQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } } })
}

/** Providers of a signed-in page: query client, toasts (the live region), auth. */
export function TestProviders({ profile, queryClient, children }: { profile: Profile; queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <AuthContext.Provider value={fakeAuth({ profile })}>{children}</AuthContext.Provider>
      </ToastProvider>
    </QueryClientProvider>
  )
}
