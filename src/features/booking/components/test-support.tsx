// Test helpers for the booking components (imported by *.test.tsx only): a small booking
// world answered from memory through the fake supabase client, and the providers of a
// signed-in page. Security is tested elsewhere, against the real API
// (tests/integration/booking-paths.test.ts).

import type { ReactNode } from 'react'
import { waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { expect } from 'vitest'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { ToastProvider } from '@/components/ui'
import { AuthContext, type Profile } from '@/features/auth'
import { fakeAuth } from '@/test-utils/auth'
import { filterValue, type FakeHandler } from './fake-supabase'

export { fakeSupabase, filterValue, FakeSupabase, type FakeHandler, type FakeRequest, type FakeResponse } from './fake-supabase'

// ---------------------------------------------------------------------------------------
// A small booking world: two prestadores with weekly hours, busy times kept in memory.
// ---------------------------------------------------------------------------------------

export const ANA = '20000000-0000-4000-8000-000000000004'
export const PEDRO = '20000000-0000-4000-8000-000000000003'

const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start_time: from, end_time: to }))

export const PRESTADOR_ROWS = [
  {
    id: ANA,
    pillar: 'bem_estar_fisico',
    specialty: 'Fisioterapia',
    session_minutes: 45,
    buffer_minutes: 10,
    address: 'Rua de Santa Catarina 200, Porto',
    profile: { name: 'Dra. Ana Ferreira', time_zone: 'Europe/Lisbon' },
  },
  {
    id: PEDRO,
    pillar: 'saude_mental',
    specialty: 'Psicologia clínica',
    session_minutes: 50,
    buffer_minutes: 10,
    address: 'Rua Garrett 50, Lisboa',
    profile: { name: 'Dr. Pedro Santos', time_zone: 'Europe/Lisbon' },
  },
]

export const WEEKLY_HOURS: Record<string, Array<{ weekday: number; start_time: string; end_time: string }>> = {
  [ANA]: weekdays('09:00:00', '12:00:00'),
  [PEDRO]: weekdays('14:00:00', '16:00:00'),
}

/** A weekday at least a week ahead ("YYYY-MM-DD"), so every slot of it is in the future. */
export function futureWeekday(isoWeekday = 2, now = Date.now()): string {
  const d = new Date(now + 8 * 86_400_000)
  while (((d.getUTCDay() + 6) % 7) + 1 !== isoWeekday) d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/**
 * Answers the reads every booking form makes (prestadores, hours, blocked dates, busy times)
 * from memory; anything else goes to `fallback`.
 */
export function bookingWorld(fallback: FakeHandler = () => ({ data: null, error: { code: 'TEST', message: 'unexpected request' } })) {
  const busy: Array<{ prestador_id: string; starts_at: string; ends_at: string }> = []
  const handler: FakeHandler = (request) => {
    if (request.table === 'prestadores' && request.op === 'select') {
      const id = filterValue(request, 'eq', 'id')
      const pillar = filterValue(request, 'eq', 'pillar')
      const rows = PRESTADOR_ROWS.filter((p) => (id === undefined || p.id === id) && (pillar === undefined || p.pillar === pillar))
      return { data: request.single ? (rows[0] ?? null) : rows }
    }
    if (request.table === 'prestador_availability') {
      return { data: WEEKLY_HOURS[filterValue(request, 'eq', 'prestador_id') as string] ?? [] }
    }
    if (request.table === 'prestador_blocked_dates') return { data: [] }
    if (request.rpc === 'prestador_busy_times') {
      const args = request.args as { p_prestador_id: string }
      return { data: busy.filter((b) => b.prestador_id === args.p_prestador_id).map(({ starts_at, ends_at }) => ({ starts_at, ends_at })) }
    }
    return fallback(request)
  }
  return {
    handler,
    /** Someone else books this interval on the server. */
    takeSlot(prestadorId: string, slot: { starts_at: string; ends_at: string }) {
      busy.push({ prestador_id: prestadorId, ...slot })
    },
  }
}

// ---------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------

export function createTestQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } } })
}

function LocationProbe() {
  const location = useLocation()
  return (
    <p data-testid="location">
      {location.pathname}
      {location.search}
      {location.hash}
    </p>
  )
}

/** Providers of a signed-in page: query client, toasts, auth, a router at `path`. */
export function TestApp({
  profile,
  path,
  routes,
  queryClient = createTestQueryClient(),
}: {
  profile: Profile
  path: string
  routes: Array<{ path: string; element: ReactNode }>
  queryClient?: QueryClient
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <AuthContext.Provider value={fakeAuth({ profile })}>
          <MemoryRouter initialEntries={[path]}>
            <LocationProbe />
            <Routes>
              {routes.map((r) => (
                <Route key={r.path} path={r.path} element={r.element} />
              ))}
            </Routes>
          </MemoryRouter>
        </AuthContext.Provider>
      </ToastProvider>
    </QueryClientProvider>
  )
}

// ---------------------------------------------------------------------------------------
// The day picker
// ---------------------------------------------------------------------------------------

/** The day picker's button of `day` ("YYYY-MM-DD"), or null when its page is not shown. */
export const dayButton = (day: string, scope: ParentNode = document) => scope.querySelector<HTMLButtonElement>(`button[data-day="${day}"]`)

/** Chooses `day` in the day picker, turning pages forward until it is shown. */
export async function pickDay(user: UserEvent, day: string, scope: HTMLElement = document.body): Promise<HTMLButtonElement> {
  for (let page = 0; page < 4; page++) {
    // The first answers can take seconds on a loaded machine.
    await waitFor(() => expect(within(scope).getByRole('group', { name: /^Dias de / })).toBeInTheDocument(), { timeout: 15_000 })
    const button = dayButton(day, scope)
    if (button) {
      await user.click(button)
      expect(button).toHaveAttribute('aria-pressed', 'true')
      return button
    }
    await user.click(within(scope).getByRole('button', { name: 'Semanas seguintes' }))
  }
  throw new Error(`${day} is not in the next four pages of the day picker`)
}
