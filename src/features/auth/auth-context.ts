import { createContext, useContext } from 'react'
import type { Session } from '@supabase/supabase-js'
import type { Profile } from './types'

export type AuthStatus = 'loading' | 'signed-out' | 'signed-in'

export type AuthContextValue = {
  /** 'loading' until supabase-js has told us whether a session was restored. */
  status: AuthStatus
  session: Session | null
  /** The signed-in person's profile; null while loading, on error, or when the row is missing. */
  profile: Profile | null
  profileStatus: 'idle' | 'pending' | 'error' | 'success'
  profileError: Error | null
  refetchProfile: () => void
  /** Resolves when signed in; rejects with the supabase AuthError otherwise. */
  signIn: (email: string, password: string) => Promise<void>
  /** Signs out (falls back to a local sign-out when the server can't be reached). */
  signOut: () => Promise<void>
  /**
   * True after the person pressed "Sair" (until the next sign-in). Guards then
   * send them to plain /login; a session that ended by itself (expired, signed out in
   * another tab) keeps ?next= so they come back to where they were.
   */
  signedOutByUser: boolean
  /**
   * True when the last session ended by itself — refresh token revoked or expired, signed
   * out elsewhere — rather than with "Sair" here (until the next sign-in). The
   * login page then says "A sua sessão terminou. Inicie sessão novamente."
   */
  sessionEnded: boolean
}

/** Exported so tests can provide a fake value; app code uses useAuth(). */
export const AuthContext = createContext<AuthContextValue | null>(null)

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext)
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>')
  return ctx
}

/**
 * The signed-in person's profile, for components rendered under <RequireRole> (which only
 * renders its children once the profile is loaded). Throws anywhere else.
 */
export function useProfile(): Profile {
  const { profile } = useAuth()
  if (!profile) throw new Error('useProfile must be used under <RequireRole> (no profile loaded)')
  return profile
}
