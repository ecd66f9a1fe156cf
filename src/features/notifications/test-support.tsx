// Test helpers for the notifications feature (imported by *.test.tsx only).
//
// `createNotificationServer` stands in for PostgREST behind vi.mock('@/lib/supabase'): a
// chainable builder over an in-memory `notifications` table (select with count/head, eq,
// is, order by created_at desc, limit, update) and the notify_session_starting RPC. Writes
// can be held (deferred) or made to fail. Access rules are tested against the real API.

import type { ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { vi } from 'vitest'
import { ToastProvider } from '@/components/ui'
import type { NotificationRow } from './api/notifications'

type Filter = { op: 'eq' | 'is'; column: string; value: unknown }
type Request = {
  table: string
  kind: 'select' | 'update'
  columns: string
  count: boolean
  head: boolean
  filters: Filter[]
  limit: number
  values: Record<string, unknown> | null
}
type Result = { data: unknown; error: unknown; count?: number | null }

export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

let seq = 0
export function notification(overrides: Partial<NotificationRow> = {}): NotificationRow {
  seq += 1
  return {
    id: `n-${seq}`,
    booking_id: `b-${seq}`,
    kind: 'link_saved',
    payload: {},
    created_at: `2026-11-20T10:${String(seq % 60).padStart(2, '0')}:00+00:00`,
    read_at: null,
    ...overrides,
  }
}

export function createNotificationServer(initial: NotificationRow[] = []) {
  const rows = initial.map((r) => ({ ...r }))
  /** When set, the next update is answered by this instead (after the server applied nothing). */
  let nextUpdate: (() => Promise<Result>) | null = null
  const requests: Request[] = []

  const matches = (row: Record<string, unknown>, filters: Filter[]) =>
    filters.every((f) => (f.op === 'eq' ? row[f.column] === f.value : f.value === null ? row[f.column] == null : row[f.column] === f.value))

  const execute = (req: Request): Promise<Result> => {
    requests.push(req)
    if (req.table !== 'notifications') throw new Error(`unexpected table ${req.table}`)
    // recipient_id is not stored: every row belongs to the signed-in person, as RLS would return.
    const filters = req.filters.filter((f) => f.column !== 'recipient_id')
    if (req.kind === 'update') {
      if (nextUpdate) {
        const respond = nextUpdate
        nextUpdate = null
        return respond()
      }
      for (const row of rows) if (matches(row, filters)) Object.assign(row, req.values)
      return Promise.resolve({ data: null, error: null })
    }
    const found = rows
      .filter((r) => matches(r, filters))
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id))
    if (req.head) return Promise.resolve({ data: null, error: null, count: found.length })
    return Promise.resolve({ data: found.slice(0, req.limit).map((r) => ({ ...r })), error: null })
  }

  const from = vi.fn((table: string) => {
    const req: Request = { table, kind: 'select', columns: '*', count: false, head: false, filters: [], limit: Infinity, values: null }
    const builder = {
      select(columns: string, options: { count?: string; head?: boolean } = {}) {
        req.columns = columns
        req.count = Boolean(options.count)
        req.head = Boolean(options.head)
        return builder
      },
      update(values: Record<string, unknown>) {
        req.kind = 'update'
        req.values = values
        return builder
      },
      eq(column: string, value: unknown) {
        req.filters.push({ op: 'eq', column, value })
        return builder
      },
      is(column: string, value: unknown) {
        req.filters.push({ op: 'is', column, value })
        return builder
      },
      order: () => builder,
      limit(n: number) {
        req.limit = n
        return builder
      },
      abortSignal: () => builder,
      then<A, B>(onFulfilled: (r: Result) => A, onRejected?: (e: unknown) => B) {
        return execute(req).then(onFulfilled, onRejected)
      },
    }
    return builder
  })

  const rpcAnswers: Array<boolean | 'error'> = []
  const rpc = vi.fn((name: string, _args: { p_booking_id: string }) => {
    if (name !== 'notify_session_starting') throw new Error(`unexpected rpc ${name}`)
    const answer = rpcAnswers.shift() ?? true
    const result: Promise<Result> = Promise.resolve(
      answer === 'error' ? { data: null, error: { message: 'Failed to fetch' } } : { data: answer, error: null },
    )
    return { abortSignal: () => result, then: result.then.bind(result) }
  })

  return {
    rows,
    requests,
    from,
    rpc,
    /** A new notification arrives (written by a trigger). */
    insert(row: NotificationRow) {
      rows.push({ ...row })
    },
    /** Hold or fail the next update. */
    nextUpdate(respond: () => Promise<Result>) {
      nextUpdate = respond
    },
    /** What notify_session_starting answers next (default true: "written"; 'error': a failed request). */
    answerRpc(...answers: Array<boolean | 'error'>) {
      rpcAnswers.push(...answers)
    },
    updates: () => requests.filter((r) => r.kind === 'update'),
  }
}

export type NotificationServer = ReturnType<typeof createNotificationServer>

export function createTestQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  })
}

function LocationProbe() {
  const location = useLocation()
  return <output data-testid="location">{`${location.pathname}${location.hash}`}</output>
}

/** QueryClient + toasts (the live region) + a router whose current URL tests can read. */
export function providersFor(queryClient: QueryClient, initialPath = '/start') {
  return function Providers({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <MemoryRouter initialEntries={[initialPath]}>
            <button type="button">Antes</button>
            {children}
            <Routes>
              <Route path="*" element={<LocationProbe />} />
            </Routes>
            <button type="button">Depois</button>
          </MemoryRouter>
        </ToastProvider>
      </QueryClientProvider>
    )
  }
}
