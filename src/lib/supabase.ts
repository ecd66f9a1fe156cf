import { AuthClient } from '@supabase/auth-js'
import { PostgrestClient } from '@supabase/postgrest-js'
import type { Database } from './database.types'
import { readSupabaseEnv } from './env'
import { createFetchWithTimeout, readApiTimeoutMs } from './fetch-with-timeout'

/**
 * Whether VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY are set. When they are not, `App`
 * renders the configuration error page and never touches `supabase`.
 */
export const supabaseEnv = readSupabaseEnv(import.meta.env)

// `new URL('')` throws (the storage key below), so an unconfigured build gets a client pointed
// at an address that can never resolve (.invalid is reserved); it is never used because App
// short-circuits to the configuration error page.
const UNCONFIGURED_URL = 'http://supabase-not-configured.invalid'

/** Deadline of every API request (VITE_API_TIMEOUT_MS, default 15 s): no endless spinners. */
export const apiTimeoutMs = readApiTimeoutMs(import.meta.env)

export const apiUrl = supabaseEnv.ok ? supabaseEnv.url : UNCONFIGURED_URL

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

const apiKey = supabaseEnv.ok ? supabaseEnv.anonKey : 'not-configured'
const timedFetch = createFetchWithTimeout(apiTimeoutMs)

/**
 * The auth half of supabase-js (the same class createClient builds, with its defaults): the
 * session is persisted in localStorage and refreshed before it expires.
 */
const auth = new AuthClient({
  url: `${apiUrl}/auth/v1`,
  headers: { Authorization: `Bearer ${apiKey}`, apikey: apiKey },
  storageKey: authStorageKey,
  persistSession: true,
  autoRefreshToken: supabaseEnv.ok,
  detectSessionInUrl: true,
  flowType: 'implicit',
  fetch: timedFetch,
})

/**
 * Every PostgREST (and Edge Function) request as the signed-in person (their access token), else
 * as anon (as supabase-js does).
 */
export const fetchAsSession: typeof fetch = async (input, init) => {
  const { data } = await auth.getSession()
  const headers = new Headers(init?.headers)
  if (!headers.has('apikey')) headers.set('apikey', apiKey)
  if (!headers.has('Authorization')) headers.set('Authorization', `Bearer ${data.session?.access_token ?? apiKey}`)
  return timedFetch(input, { ...init, headers })
}

const rest = new PostgrestClient<Database>(`${apiUrl}/rest/v1`, { fetch: fetchAsSession })

/**
 * The one API client: what the app uses of supabase-js (`auth`, `from`, `rpc`), built from its
 * auth and PostgREST parts directly, so the first load carries no realtime, storage or
 * functions client (~35 kB gz) it never uses.
 */
export const supabase = {
  auth,
  from: rest.from.bind(rest) as typeof rest.from,
  rpc: rest.rpc.bind(rest) as typeof rest.rpc,
}

export type SupabaseClient = typeof supabase
