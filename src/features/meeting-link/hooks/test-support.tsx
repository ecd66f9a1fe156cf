// Test helpers for the meeting-link hooks and components (imported by *.test.tsx only).
//
// `createFakeServer` stands in for PostgREST behind a vi.mock('@/lib/supabase'): it keeps
// booking_links rows and answers `save_meeting_link` like the real RPC (stale check on
// updated_at, PT409 with the current row in `details`), so list refetches after a save
// return what the server now holds. Security is tested elsewhere, against the real API.

import type { ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { vi } from 'vitest'
import type { BookingLinkRow } from '../api/save-meeting-link'
import type { MeetingLinkBooking } from './use-meeting-link'

export const STAFF_ID = '00000000-0000-4000-8000-0000000000aa'
export const OTHER_STAFF_ID = '00000000-0000-4000-8000-0000000000bb'

export type RpcArgs = { p_booking_id: string; p_meeting_link: string | null; p_expected_updated_at: string | null }
export type RpcResponse = { data: unknown; error: unknown; status: number }

/** A deferred promise, to hold a response until the test lets it through. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

/** `updated_at` as PostgREST sends it: microseconds and an explicit offset. */
export function stamp(n: number): string {
  return `2026-11-20T10:00:00.${String(123_000 + n).padStart(6, '0')}+00:00`
}

export function linkRow(bookingId: string, meetingLink: string | null, n: number, updatedBy = STAFF_ID): BookingLinkRow {
  return { booking_id: bookingId, meeting_link: meetingLink, updated_by: updatedBy, updated_at: stamp(n) }
}

export function createFakeServer({
  profiles = { [STAFF_ID]: 'Dr. Pedro Santos', [OTHER_STAFF_ID]: 'Ana Especialista' } as Record<string, string>,
} = {}) {
  const links = new Map<string, BookingLinkRow>()
  let version = 100
  /** When set, the next RPC gets this response instead of the fake's own answer. */
  let override: ((args: RpcArgs) => Promise<RpcResponse>) | null = null

  const answer = (args: RpcArgs): RpcResponse => {
    const current = links.get(args.p_booking_id) ?? null
    if ((current?.updated_at ?? null) !== args.p_expected_updated_at) {
      return {
        data: null,
        status: 409,
        error: {
          code: 'PT409',
          message: 'stale_meeting_link',
          details: current ? JSON.stringify(current) : 'null',
          hint: 'O link foi alterado por outra pessoa.',
        },
      }
    }
    version += 1
    const row = linkRow(args.p_booking_id, args.p_meeting_link, version)
    links.set(args.p_booking_id, row)
    return { data: row, error: null, status: 200 }
  }

  const rpc = vi.fn((name: string, args: RpcArgs) => {
    if (name !== 'save_meeting_link') throw new Error(`unexpected rpc ${name}`)
    const respond = () => {
      if (override) {
        const next = override
        override = null
        return next(args)
      }
      return Promise.resolve(answer(args))
    }
    return { abortSignal: vi.fn(() => respond()) }
  })

  const from = vi.fn((table: string) => {
    if (table !== 'profiles') throw new Error(`unexpected table ${table}`)
    return {
      select: () => ({
        eq: (_column: string, id: string) => ({
          maybeSingle: () => Promise.resolve({ data: id in profiles ? { name: profiles[id] } : null, error: null }),
        }),
      }),
    }
  })

  return {
    links,
    rpc,
    /** What the fake RPC answers (for nextRpc overrides that only delay). */
    answer,
    from,
    /** Another person saves a link directly on the server. */
    saveAs(bookingId: string, meetingLink: string | null, updatedBy = OTHER_STAFF_ID): BookingLinkRow {
      version += 1
      const row = linkRow(bookingId, meetingLink, version, updatedBy)
      links.set(bookingId, row)
      return row
    },
    /** The embed a session query would return for this booking. */
    embed(bookingId: string) {
      const row = links.get(bookingId)
      return row ? { meeting_link: row.meeting_link, updated_at: row.updated_at, updated_by: row.updated_by } : null
    },
    /** Make the next RPC answer with this instead. */
    nextRpc(respond: (args: RpcArgs) => Promise<RpcResponse>) {
      override = respond
    },
  }
}

export type FakeServer = ReturnType<typeof createFakeServer>

export function virtualBooking(overrides: Partial<MeetingLinkBooking & Record<string, unknown>> = {}) {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    starts_at: '2026-11-25T14:00:00+00:00',
    ends_at: '2026-11-25T15:00:00+00:00',
    meeting_type: 'virtual' as const,
    status: 'scheduled' as const,
    booking_links: null,
    cancellation_reason: null,
    location: null,
    ...overrides,
  }
}

export function createTestQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  })
}

export function wrapperFor(queryClient: QueryClient) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  }
}
