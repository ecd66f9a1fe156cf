import { createClient } from '@supabase/supabase-js'
import type { Database } from './database.types'
import { readSupabaseEnv } from './env'
import { createFetchWithTimeout, readApiTimeoutMs } from './fetch-with-timeout'

/**
 * Whether VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY are set. When they are not, `App`
 * renders the configuration error page and never touches `supabase`.
 */
export const supabaseEnv = readSupabaseEnv(import.meta.env)

// createClient throws on an empty URL, so an unconfigured build gets a client pointed at an
// address that can never resolve (.invalid is reserved); it is never used because App
// short-circuits to the configuration error page.
const UNCONFIGURED_URL = 'http://supabase-not-configured.invalid'

/** Deadline of every API request (VITE_API_TIMEOUT_MS, default 15 s): no endless spinners. */
export const apiTimeoutMs = readApiTimeoutMs(import.meta.env)

const apiUrl = supabaseEnv.ok ? supabaseEnv.url : UNCONFIGURED_URL

/**
 * Where supabase-js keeps the session in localStorage: its own default name, spelled out so
 * the auth feature can tell "a session was stored but is gone now" (it ended by itself).
 */
export const authStorageKey = `sb-${new URL(apiUrl).hostname.split('.')[0]}-auth-token`

/**
 * Whether this page load began with a stored session. Read before the client exists: on
 * start-up supabase-js drops a session it cannot refresh (revoked, expired refresh token)
 * without telling anyone, and the app wants to say "A sua sessão terminou" then.
 */
export const startedWithStoredSession = hasStoredSession()

/**
 * Whether supabase-js keeps a session in localStorage right now. It removes it when the
 * session really ended, and keeps it when the auth server could not be reached.
 */
export function hasStoredSession(): boolean {
  try {
    return globalThis.localStorage?.getItem(authStorageKey) != null
  } catch {
    return false
  }
}

/** The one supabase-js client. The session is persisted in localStorage (supabase-js default). */
export const supabase = createClient<Database>(apiUrl, supabaseEnv.ok ? supabaseEnv.anonKey : 'not-configured', {
  auth: { persistSession: true, autoRefreshToken: supabaseEnv.ok, storageKey: authStorageKey },
  global: { fetch: createFetchWithTimeout(apiTimeoutMs) },
})

export type SupabaseClient = typeof supabase
