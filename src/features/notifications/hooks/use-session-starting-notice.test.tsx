import { act, render, renderHook } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sessionKeys } from '@/features/sessions/api/keys'
import { notificationKeys } from '../api/keys'
import { createNotificationServer, createTestQueryClient, type NotificationServer } from '../test-support'
import SessionStartingWatcher from '../components/SessionStartingWatcher'
import { sessionStartingPlan, useSessionStartingNotice, type SessionStartingCandidate } from './use-session-starting-notice'

const holder = vi.hoisted(() => ({ server: null as null | { rpc: (...a: never[]) => unknown; from: (...a: never[]) => unknown } }))
vi.mock('@/lib/supabase', () => ({
  supabase: {
    rpc: (...args: never[]) => holder.server!.rpc(...args),
    from: (...args: never[]) => holder.server!.from(...args),
  },
}))

const MIN = 60_000
const NOW = Date.parse('2026-11-25T13:40:00Z')
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')

function session(id: string, startsInMs: number, overrides: Partial<SessionStartingCandidate> = {}): SessionStartingCandidate {
  return {
    id,
    starts_at: iso(NOW + startsInMs),
    ends_at: iso(NOW + startsInMs + 50 * MIN),
    meeting_type: 'virtual',
    status: 'scheduled',
    ...overrides,
  }
}

let server: NotificationServer
beforeEach(() => {
  server = createNotificationServer()
  holder.server = server as never
  vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  localStorage.clear()
})

const bookingIdsAsked = () => server.rpc.mock.calls.map((c) => (c[1] as { p_booking_id: string }).p_booking_id)

function setup(initial: SessionStartingCandidate[]) {
  const queryClient = createTestQueryClient()
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  const hook = renderHook((props: { sessions: SessionStartingCandidate[] }) => useSessionStartingNotice(props.sessions), {
    wrapper,
    initialProps: { sessions: initial },
  })
  return { queryClient, ...hook }
}

describe('sessionStartingPlan', () => {
  it('due: virtual, active, window open and not started; next: the earliest window still to open', () => {
    const plan = sessionStartingPlan(
      [
        session('open', 3 * MIN),
        session('started', -1 * MIN),
        session('later', 60 * MIN),
        session('sooner', 20 * MIN),
        session('phone', 3 * MIN, { meeting_type: 'phone' }),
        session('cancelled', 3 * MIN, { status: 'cancelled' }),
        session('completed', 3 * MIN, { status: 'completed' }),
        session('bad', 3 * MIN, { starts_at: '2026-11-25 13:43' }),
      ],
      NOW,
    )
    expect(plan).toEqual({ due: ['open'], nextAt: NOW + 15 * MIN })
  })
})

describe('useSessionStartingNotice', () => {
  it('asks once when the window opens, on a single timer, and refreshes the notifications', async () => {
    const { queryClient, rerender } = setup([session('a', 10 * MIN), session('far', 3 * 60 * MIN)])
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries')
    expect(server.rpc).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(1)
    await act(() => vi.advanceTimersByTimeAsync(5 * MIN - 10))
    expect(server.rpc).not.toHaveBeenCalled()
    await act(() => vi.advanceTimersByTimeAsync(5_000))
    expect(bookingIdsAsked()).toEqual(['a'])
    expect(invalidate).toHaveBeenCalledWith({ queryKey: notificationKeys.all })
    // The list refetches (same rows, new array): no second call.
    rerender({ sessions: [session('a', 10 * MIN), session('far', 3 * 60 * MIN)] })
    await act(() => vi.advanceTimersByTimeAsync(MIN))
    expect(bookingIdsAsked()).toEqual(['a'])
  })

  it('never for a session already under way, a phone session, or a cancelled one', async () => {
    setup([session('started', -2 * MIN), session('phone', 2 * MIN, { meeting_type: 'phone' }), session('x', 2 * MIN, { status: 'cancelled' })])
    await act(() => vi.advanceTimersByTimeAsync(10 * MIN))
    expect(server.rpc).not.toHaveBeenCalled()
  })

  it('asks again after a failure, when the tab comes back', async () => {
    server.answerRpc('error')
    setup([session('a', 3 * MIN)])
    await act(() => vi.advanceTimersByTimeAsync(1_100))
    expect(bookingIdsAsked()).toEqual(['a'])
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'))
    })
    // jsdom's visibilityState is not "visible": pretend it is.
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible')
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'))
    })
    expect(bookingIdsAsked()).toEqual(['a', 'a'])
  })

  it('shows the browser alert only in the tab whose call wrote the notice, and only when alerts are on', async () => {
    const shown = vi.fn()
    const FakeNotification = Object.assign(
      vi.fn(function (this: unknown, title: string, options: NotificationOptions) {
        shown(title, options)
      }),
      { permission: 'granted' as NotificationPermission, requestPermission: vi.fn() },
    )
    vi.stubGlobal('Notification', FakeNotification)
    localStorage.setItem('encontro.browser-alerts', 'on')
    server.answerRpc(false, true)
    setup([session('other-tab-won', 3 * MIN)])
    setup([session('this-tab-won', 3 * MIN)])
    await act(() => vi.advanceTimersByTimeAsync(1_100))
    expect(bookingIdsAsked().sort()).toEqual(['other-tab-won', 'this-tab-won'])
    expect(shown).toHaveBeenCalledTimes(1)
    expect(shown).toHaveBeenCalledWith('A sua sessão começa em 5 minutos', {
      body: 'O link da reunião já está disponível.',
      tag: 'encontro-session-starting-this-tab-won',
    })
  })
})

describe('SessionStartingWatcher', () => {
  it('follows the employee list in the cache without fetching it', async () => {
    const queryClient = createTestQueryClient()
    const key = sessionKeys.list({ role: 'user', userId: 'u-1' })
    render(
      <QueryClientProvider client={queryClient}>
        <SessionStartingWatcher userId="u-1" />
      </QueryClientProvider>,
    )
    await act(() => vi.advanceTimersByTimeAsync(MIN))
    expect(server.rpc).not.toHaveBeenCalled()
    expect(queryClient.getQueryState(key)?.fetchStatus).toBe('idle')
    // The page's query arrives with rows shaped like the employee list (embeds and all).
    await act(async () => {
      queryClient.setQueryData(key, [{ ...session('a', 3 * MIN), prestador: { id: 'p', specialty: 'x' }, booking_links: null }])
    })
    await act(() => vi.advanceTimersByTimeAsync(1_100))
    expect(bookingIdsAsked()).toEqual(['a'])
  })
})
