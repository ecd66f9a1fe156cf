import { act, render, screen } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import type { Session } from '@supabase/supabase-js'
import { createQueryClient } from '@/lib/query-client'

type Listener = (event: string, session: Session | null) => void

const h = vi.hoisted(() => ({
  listeners: [] as Array<(event: string, session: unknown) => void>,
  stored: true,
  startedWithStoredSession: true,
}))

vi.mock('@/lib/supabase', () => ({
  get startedWithStoredSession() {
    return h.startedWithStoredSession
  },
  hasStoredSession: () => h.stored,
  supabase: {
    auth: {
      onAuthStateChange: (listener: Listener) => {
        h.listeners.push(listener as (event: string, session: unknown) => void)
        return { data: { subscription: { unsubscribe: () => (h.listeners = h.listeners.filter((l) => l !== listener)) } } }
      },
      signOut: vi.fn(async () => ({ error: null })),
      signInWithPassword: vi.fn(async () => ({ error: null })),
    },
  },
}))

vi.mock('../api/profile', () => ({
  authKeys: { profile: (id: string) => ['profile', id] },
  fetchProfile: vi.fn(async (id: string) => ({ id, role: 'prestador', name: 'Ana', email: 'ana@x.test', company_id: null, time_zone: 'Europe/Lisbon' })),
}))

const session = { access_token: 't1', refresh_token: 'r1', user: { id: 'u-1' } } as unknown as Session

function emit(event: string, next: Session | null) {
  act(() => h.listeners.forEach((l) => l(event, next)))
}

async function renderProvider() {
  // AuthProvider checks the start-up session once per page load (module state): a fresh module per test.
  vi.resetModules()
  const { AuthProvider } = await import('./AuthProvider')
  const { useAuth } = await import('../auth-context')
  let api: ReturnType<typeof useAuth> | null = null
  function Probe() {
    api = useAuth()
    return <p data-testid="auth">{`${api.status} ended=${api.sessionEnded} byUser=${api.signedOutByUser}`}</p>
  }
  render(
    <QueryClientProvider client={createQueryClient()}>
      <AuthProvider>
        <Probe />
      </AuthProvider>
    </QueryClientProvider>,
  )
  return { text: () => screen.getByTestId('auth').textContent, api: () => api! }
}

beforeEach(() => {
  h.listeners = []
  h.stored = true
  h.startedWithStoredSession = true
})

describe('AuthProvider: sessions that end by themselves', () => {
  it('a stored session refused on start-up (gone from storage) is "ended"', async () => {
    const auth = await renderProvider()
    h.stored = false
    emit('INITIAL_SESSION', null)
    expect(auth.text()).toBe('signed-out ended=true byUser=false')
  })

  it('a stored session that could not be confirmed (auth server unreachable, still stored) is not', async () => {
    const auth = await renderProvider()
    emit('INITIAL_SESSION', null)
    expect(auth.text()).toBe('signed-out ended=false byUser=false')
  })

  it('a first visit (nothing stored) is not', async () => {
    h.startedWithStoredSession = false
    h.stored = false
    const auth = await renderProvider()
    emit('INITIAL_SESSION', null)
    expect(auth.text()).toBe('signed-out ended=false byUser=false')
  })

  it('SIGNED_OUT while signed in, without "Sair", is "ended" until the next sign-in', async () => {
    const auth = await renderProvider()
    emit('INITIAL_SESSION', session)
    expect(auth.text()).toBe('signed-in ended=false byUser=false')
    emit('TOKEN_REFRESHED', { ...session, access_token: 't2' } as Session)
    expect(auth.text()).toBe('signed-in ended=false byUser=false')
    h.stored = false
    emit('SIGNED_OUT', null)
    expect(auth.text()).toBe('signed-out ended=true byUser=false')
    emit('SIGNED_IN', session)
    expect(auth.text()).toBe('signed-in ended=false byUser=false')
  })

  it('"Sair" is not "ended"', async () => {
    const auth = await renderProvider()
    emit('INITIAL_SESSION', session)
    await act(async () => {
      const done = auth.api().signOut()
      h.stored = false
      h.listeners.forEach((l) => l('SIGNED_OUT', null))
      await done
    })
    expect(auth.text()).toBe('signed-out ended=false byUser=true')
  })
})
