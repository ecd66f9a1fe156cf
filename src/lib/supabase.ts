import { createClient } from '@supabase/supabase-js'
import type { Database } from './database.types'
import { readSupabaseEnv } from './env'

/**
 * Whether VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY are set. When they are not, `App`
 * renders the configuration error page and never touches `supabase`.
 */
export const supabaseEnv = readSupabaseEnv(import.meta.env)

// createClient throws on an empty URL, so an unconfigured build gets a client pointed at an
// address that can never resolve (.invalid is reserved); it is never used because App
// short-circuits to the configuration error page.
const UNCONFIGURED_URL = 'http://supabase-not-configured.invalid'

/** The one supabase-js client. The session is persisted in localStorage (supabase-js default). */
export const supabase = createClient<Database>(
  supabaseEnv.ok ? supabaseEnv.url : UNCONFIGURED_URL,
  supabaseEnv.ok ? supabaseEnv.anonKey : 'not-configured',
  {
    auth: { persistSession: true, autoRefreshToken: supabaseEnv.ok },
  },
)

export type SupabaseClient = typeof supabase
