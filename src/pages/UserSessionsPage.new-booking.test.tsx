// After booking, /user/book lands here with the new session's #session-<id> and its id in the
// history state: that card is scrolled to, focused and marked "Nova"; no other card is.
import { render, screen, waitFor, within } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PROFILES } from '@/test-utils/auth'
import { createFakeSessionsServer, createTestQueryClient, JOAO, Providers, sessionRow } from '@/features/session-management/testing/fake-server'
import { UserSessionsPage } from './UserSessionsPage'

const holder = vi.hoisted(() => ({ server: null as null | { rpc: (...a: never[]) => unknown; from: (...a: never[]) => unknown } }))
vi.mock('@/lib/supabase', () => ({
  supabase: {
    rpc: (...args: never[]) => holder.server!.rpc(...args),
    from: (...args: never[]) => holder.server!.from(...args),
  },
}))

const NOW = Date.parse('2026-11-20T10:00:00Z')
const OLDER = sessionRow({ id: 'b-older', starts_at: '2026-11-21T10:00:00+00:00', ends_at: '2026-11-21T10:50:00+00:00' })
const NEW = sessionRow({ id: 'b-new', starts_at: '2026-12-03T15:00:00+00:00', ends_at: '2026-12-03T15:50:00+00:00' })

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW })
  holder.server = createFakeSessionsServer({ bookings: [OLDER, NEW], now: () => Date.now() }) as never
})
afterEach(() => {
  vi.useRealTimers()
})

function renderAt(entry: { pathname: string; hash?: string; state?: unknown }) {
  const router = createMemoryRouter([{ path: '/user/sessions', element: <UserSessionsPage /> }], { initialEntries: [entry] })
  render(
    <Providers queryClient={createTestQueryClient()} profile={{ ...PROFILES.user, id: JOAO }}>
      <RouterProvider router={router} />
    </Providers>,
  )
}

describe('UserSessionsPage after booking', () => {
  it('scrolls to the new session, focuses it and marks it "Nova"', async () => {
    const scrolled = vi.fn()
    Element.prototype.scrollIntoView = scrolled
    renderAt({ pathname: '/user/sessions', hash: '#session-b-new', state: { newBookingId: 'b-new' } })
    const card = await waitFor(() => {
      const el = document.getElementById('session-b-new')
      expect(el).not.toBeNull()
      return el!
    })
    await waitFor(() => expect(card).toHaveFocus())
    expect(scrolled).toHaveBeenCalled()
    expect(card).toHaveAttribute('data-highlighted', 'true')
    expect(within(card).getByText('Nova')).toBeInTheDocument()
    const other = document.getElementById('session-b-older')!
    expect(other).not.toHaveAttribute('data-highlighted')
    expect(within(other).queryByText('Nova')).not.toBeInTheDocument()
  })

  it('marks nothing on an ordinary visit', async () => {
    renderAt({ pathname: '/user/sessions' })
    await screen.findAllByRole('article')
    expect(screen.queryByText('Nova')).not.toBeInTheDocument()
  })
})
