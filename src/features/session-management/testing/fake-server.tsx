// Test helpers for the session pages and the session-management feature (imported by
// *.test.tsx only, behind vi.mock('@/lib/supabase')).
//
// `createFakeSessionsServer` stands in for PostgREST: it keeps session rows shaped the way
// the list queries return them (embeds included), answers `from(table).select().eq()...`
// chains with them, and answers the lifecycle RPCs and save_meeting_link like the real
// functions do (same codes, hints and checks, overlap included), so refetches after an
// action return what the "server" now holds. RLS and the real SQL are tested elsewhere.

import type { ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router'
import { vi } from 'vitest'
import { AuthContext, type Profile } from '@/features/auth'
import { fakeAuth } from '@/test-utils/auth'

export type RpcResponse = { data: unknown; error: unknown; status: number }
type Row = Record<string, unknown> & { id: string }

/** A deferred promise, to hold a response until the test lets it through. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

/** Fields of a booking row that are embeds in the list queries, not bookings columns. */
const EMBEDS = ['prestador', 'client', 'company', 'booking_links', 'employee'] as const

export const PEDRO = '20000000-0000-4000-8000-000000000003'
export const JOAO = '20000000-0000-4000-8000-000000000001'

/** `updated_at` as PostgREST sends it: microseconds and an explicit offset. */
export const stamp = (n: number) => `2026-11-20T10:00:00.${String(123_000 + n).padStart(6, '0')}+00:00`

/** A session row as the prestador's / employee's list returns it, with every embed. */
export function sessionRow(overrides: Partial<Row> & { id: string; starts_at: string; ends_at: string }): Row {
  return {
    user_id: JOAO,
    prestador_id: PEDRO,
    company_id: 'c-1',
    pillar: 'saude_mental',
    meeting_type: 'virtual',
    status: 'scheduled',
    location: null,
    cancellation_reason: null,
    cancelled_by: null,
    cancelled_at: null,
    booking_source: 'direct',
    created_by: JOAO,
    created_at: '2026-11-01T10:00:00+00:00',
    updated_at: '2026-11-01T10:00:00+00:00',
    prestador: { id: PEDRO, specialty: 'Psicologia clínica', pillar: 'saude_mental', profile: { name: 'Dr. Pedro Santos' } },
    client: { name: 'João Silva', email: 'joao@encontro.test', phone: '+351 912 345 678' },
    company: { name: 'Acme Portugal' },
    employee: { phone: '+351 912 345 678' },
    booking_links: null,
    ...overrides,
  }
}

const raise = (message: string, code: string, hint: string, status = 400): RpcResponse => ({
  data: null,
  status,
  error: { code, message, details: null, hint },
})

export function createFakeSessionsServer({
  bookings = [] as Row[],
  callRequests = [] as Row[],
  profiles = { [PEDRO]: 'Dr. Pedro Santos' } as Record<string, string>,
  now = () => Date.now(),
  /** Who calls the RPCs: the booking's employee may cancel without a reason, before the start only. */
  callerId = PEDRO,
} = {}) {
  const rows = new Map(bookings.map((b) => [b.id, { ...b }]))
  let version = 100
  const overrides: Array<(name: string, args: Record<string, unknown>) => Promise<RpcResponse>> = []

  const columnsOf = (row: Row) => {
    const out: Record<string, unknown> = { ...row }
    for (const key of EMBEDS) delete out[key]
    return out
  }

  const answer = (name: string, args: Record<string, unknown>): RpcResponse => {
    const row = rows.get(args.p_booking_id as string)
    if (!row) return raise('booking_not_allowed', '42501', 'Não tem permissão para alterar esta sessão.', 403)
    const active = row.status === 'pending' || row.status === 'scheduled'
    if (name === 'save_meeting_link') {
      version += 1
      const link = { booking_id: row.id, meeting_link: args.p_meeting_link, updated_by: PEDRO, updated_at: stamp(version) }
      row.booking_links = { meeting_link: link.meeting_link, updated_at: link.updated_at, updated_by: link.updated_by }
      return { data: link, error: null, status: 200 }
    }
    if (name === 'cancel_booking') {
      const reason = String(args.p_reason ?? '').trim()
      const employee = row.user_id === callerId
      if (!reason && !employee) return raise('cancel_reason_required', '22023', 'Indique o motivo do cancelamento.')
      if ([...reason].length > 500) return raise('cancel_reason_too_long', '22023', 'O motivo pode ter no máximo 500 caracteres.')
      if (!active) return raise('booking_not_active', '22023', 'Esta sessão já não está ativa.')
      if (employee && now() >= Date.parse(row.starts_at as string)) {
        return raise('booking_already_started', '22023', 'A sessão já começou: já não pode ser cancelada.')
      }
      Object.assign(row, { status: 'cancelled', cancellation_reason: reason || null, cancelled_by: callerId, cancelled_at: new Date(now()).toISOString() })
      return { data: columnsOf(row), error: null, status: 200 }
    }
    if (name === 'complete_booking') {
      if (!active) return raise('booking_not_active', '22023', 'Esta sessão já não está ativa.')
      if (now() < Date.parse(row.starts_at as string)) {
        return raise('booking_not_started', '22023', 'Só pode marcar como realizada depois de a sessão começar.')
      }
      row.status = 'completed'
      return { data: columnsOf(row), error: null, status: 200 }
    }
    if (name === 'mark_booking_no_show') {
      if (row.status !== 'scheduled') return raise('booking_not_scheduled', '22023', 'Só pode registar a falta numa sessão agendada.')
      if (now() < Date.parse(row.starts_at as string)) {
        return raise('no_show_not_started', '22023', 'Só pode registar a falta depois de a sessão começar.')
      }
      row.status = 'no_show'
      return { data: columnsOf(row), error: null, status: 200 }
    }
    if (name === 'reschedule_booking') {
      if (!active) return raise('booking_not_active', '22023', 'Esta sessão já não está ativa.')
      const start = Date.parse(args.p_starts_at as string)
      const end = Date.parse(args.p_ends_at as string)
      if (!(end > start)) return raise('reschedule_invalid_range', '22023', 'A hora de fim tem de ser depois da hora de início.')
      if (start <= now()) return raise('reschedule_in_past', '22023', 'Escolha uma data e hora no futuro.')
      const overlaps = [...rows.values()].some(
        (other) =>
          other.id !== row.id &&
          other.prestador_id === row.prestador_id &&
          other.status !== 'cancelled' &&
          Date.parse(other.starts_at as string) < end &&
          start < Date.parse(other.ends_at as string),
      )
      if (overlaps) return raise('booking_overlap', 'PT409', 'O prestador já tem uma sessão nesse horário.', 409)
      // PostgREST sends timestamptz back with an explicit offset.
      row.starts_at = new Date(start).toISOString().replace('Z', '+00:00')
      row.ends_at = new Date(end).toISOString().replace('Z', '+00:00')
      return { data: columnsOf(row), error: null, status: 200 }
    }
    throw new Error(`unexpected rpc ${name}`)
  }

  const rpc = vi.fn((name: string, args: Record<string, unknown>) => {
    const respond = () => {
      const next = overrides.shift()
      return next ? next(name, args) : Promise.resolve(answer(name, args))
    }
    return { abortSignal: vi.fn(() => respond()) }
  })

  /** A PostgREST-like query: filters on top-level fields, thenable to `{ data, error }`. */
  const query = (source: () => Row[]) => {
    const filters: Array<(row: Row) => boolean> = []
    const builder = {
      select: () => builder,
      eq: (column: string, value: unknown) => {
        filters.push((row) => row[column] === value)
        return builder
      },
      not: (column: string, _op: string, _value: unknown) => {
        filters.push((row) => row[column] !== null && row[column] !== undefined)
        return builder
      },
      order: () => builder,
      maybeSingle: () => {
        const found = source().find((row) => filters.every((f) => f(row)))
        return Promise.resolve({ data: found ?? null, error: null })
      },
      then: <T,>(resolve: (value: { data: Row[]; error: null }) => T, reject?: (error: unknown) => T) =>
        Promise.resolve({ data: structuredClone(source().filter((row) => filters.every((f) => f(row)))), error: null }).then(
          resolve,
          reject,
        ),
    }
    return builder
  }

  const from = vi.fn((table: string) => {
    if (table === 'bookings') return query(() => [...rows.values()])
    if (table === 'call_requests') {
      return query(() =>
        callRequests.map((c) => ({ ...c, booking: c.booking_id ? rows.get(c.booking_id as string) ?? null : null }) as Row),
      )
    }
    if (table === 'profiles') return query(() => Object.entries(profiles).map(([id, name]) => ({ id, name })))
    throw new Error(`unexpected table ${table}`)
  })

  return {
    rows,
    rpc,
    from,
    /** Make the next RPC answer with this instead (e.g. a deferred, or a network failure). */
    nextRpc(respond: (name: string, args: Record<string, unknown>) => Promise<RpcResponse>) {
      overrides.push(respond)
    },
    /** What the fake would answer, for overrides that only delay. */
    answer,
  }
}

export type FakeSessionsServer = ReturnType<typeof createFakeSessionsServer>

export function createTestQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } } })
}

export function Providers({ queryClient, profile, children }: { queryClient: QueryClient; profile: Profile; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthContext.Provider value={fakeAuth({ profile })}>{children}</AuthContext.Provider>
    </QueryClientProvider>
  )
}

/** Renders `element` at `path` (hash included) inside a memory router. */
export function routerFor(path: string, element: ReactNode) {
  const routes: RouteObject[] = [{ path: path.replace(/[?#].*$/, ''), element }]
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  return <RouterProvider router={router} />
}
