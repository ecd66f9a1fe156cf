import type { ReactNode } from 'react'
import { QueryClientProvider } from '@tanstack/react-query'
import type { Session } from '@supabase/supabase-js'
import { AuthContext, type AuthContextValue, type Profile } from '@/features/auth'
import { createQueryClient } from '@/lib/query-client'

export const PROFILES = {
  user: { id: 'u-1', role: 'user', name: 'João Silva', email: 'joao@encontro.test', company_id: 'c-1', time_zone: 'Europe/Lisbon' },
  prestador: { id: 'p-1', role: 'prestador', name: 'Pedro Costa', email: 'pedro@encontro.test', company_id: null, time_zone: 'Europe/Lisbon' },
  especialista: { id: 'e-1', role: 'especialista', name: 'Rita Sousa', email: 'rita@encontro.test', company_id: null, time_zone: 'Europe/Lisbon' },
  admin: { id: 'a-1', role: 'admin', name: 'Ana Admin', email: 'admin@encontro.test', company_id: null, time_zone: 'Europe/Lisbon' },
} as const satisfies Record<string, Profile>

function fakeSession(userId: string): Session {
  return {
    access_token: 'test-token',
    refresh_token: 'test-refresh',
    expires_in: 3600,
    token_type: 'bearer',
    user: { id: userId, app_metadata: {}, user_metadata: {}, aud: 'authenticated', created_at: '2025-01-01T00:00:00Z' },
  }
}

/** An AuthContext value; pass a profile for "signed in", nothing for "signed out". */
export function fakeAuth(overrides: Partial<AuthContextValue> & { profile?: Profile | null } = {}): AuthContextValue {
  const profile = overrides.profile ?? null
  const signedIn = overrides.status ? overrides.status === 'signed-in' : profile !== null
  return {
    status: signedIn ? 'signed-in' : 'signed-out',
    session: signedIn && profile ? fakeSession(profile.id) : null,
    profile,
    profileStatus: signedIn ? (profile ? 'success' : 'pending') : 'idle',
    profileError: null,
    refetchProfile: vi.fn(),
    signIn: vi.fn(async () => {}),
    signOut: vi.fn(async () => {}),
    signedOutByUser: false,
    sessionEnded: false,
    ...overrides,
  }
}

/** Wraps children in a fresh QueryClient and the given fake auth. */
export function AuthTestProviders({ auth, children }: { auth: AuthContextValue; children: ReactNode }) {
  return (
    <QueryClientProvider client={createQueryClient()}>
      <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>
    </QueryClientProvider>
  )
}
