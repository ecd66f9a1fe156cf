import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { Session } from '@supabase/supabase-js'
import { hasStoredSession, startedWithStoredSession, supabase } from '@/lib/supabase'
import { authKeys, fetchProfile } from '../api/profile'
import { AuthContext, type AuthContextValue } from '../auth-context'

// The first INITIAL_SESSION of the page load says whether the stored session survived
// start-up; later subscriptions (StrictMode, hot reload) must not ask again.
let startupSessionChecked = false

/**
 * Tracks the supabase-js session (restored from localStorage on load) and loads the
 * signed-in person's profile row with TanStack Query. Clears all cached data on sign-out
 * so nothing of one person is shown to the next.
 *
 * A session can also end by itself: supabase-js refreshes an expired access token silently,
 * but when the refresh token is refused (revoked, signed out elsewhere) it drops the session
 * — while a page is open (SIGNED_OUT) or on start-up (a stored session, then INITIAL_SESSION
 * without one). `sessionEnded` tells the login page to say so; the guards keep ?next=.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const [session, setSession] = useState<Session | null>(null)
  const [initialised, setInitialised] = useState(false)
  const [signedOutByUser, setSignedOutByUser] = useState(false)
  const [sessionEnded, setSessionEnded] = useState(false)
  // Read inside the auth callback, which outlives renders.
  const signingOut = useRef(false)

  useEffect(() => {
    // INITIAL_SESSION fires right away with the restored session (or null).
    // Keep this callback synchronous: awaiting supabase calls inside it can deadlock.
    const { data } = supabase.auth.onAuthStateChange((event, next) => {
      setSession((prev) => (prev?.user.id === next?.user.id && prev?.access_token === next?.access_token ? prev : next))
      setInitialised(true)
      if (event === 'INITIAL_SESSION' && !startupSessionChecked) {
        startupSessionChecked = true
        // Gone from storage = refused by the server. Still stored = the server could not be
        // reached: not "ended", supabase-js tries again.
        if (!next && startedWithStoredSession && !hasStoredSession()) setSessionEnded(true)
      }
      if (event === 'SIGNED_IN') {
        signingOut.current = false
        setSignedOutByUser(false)
        setSessionEnded(false)
      }
      if (event === 'SIGNED_OUT') {
        if (!signingOut.current) setSessionEnded(true)
        queryClient.clear()
      }
    })
    return () => data.subscription.unsubscribe()
  }, [queryClient])

  const userId = session?.user.id ?? null
  const profileQuery = useQuery({
    queryKey: authKeys.profile(userId ?? 'anonymous'),
    queryFn: () => fetchProfile(userId as string),
    enabled: userId !== null,
    staleTime: 5 * 60_000,
  })

  const signIn = useCallback(async (email: string, password: string) => {
    const { error } = await supabase.auth.signInWithPassword({ email, password })
    if (error) throw error
  }, [])

  const signOut = useCallback(async () => {
    signingOut.current = true
    setSignedOutByUser(true)
    setSessionEnded(false)
    const { error } = await supabase.auth.signOut()
    // When the server can't be reached, still forget the session on this device.
    if (error) await supabase.auth.signOut({ scope: 'local' })
    queryClient.clear()
  }, [queryClient])

  const { refetch } = profileQuery
  const refetchProfile = useCallback(() => void refetch(), [refetch])

  const value = useMemo<AuthContextValue>(
    () => ({
      status: !initialised ? 'loading' : session ? 'signed-in' : 'signed-out',
      session,
      profile: userId ? (profileQuery.data ?? null) : null,
      profileStatus: userId === null ? 'idle' : profileQuery.status,
      profileError: profileQuery.error,
      refetchProfile,
      signIn,
      signOut,
      signedOutByUser,
      sessionEnded,
    }),
    [
      initialised,
      session,
      userId,
      profileQuery.data,
      profileQuery.status,
      profileQuery.error,
      refetchProfile,
      signIn,
      signOut,
      signedOutByUser,
      sessionEnded,
    ],
  )

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}
