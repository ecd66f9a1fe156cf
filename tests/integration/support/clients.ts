// supabase-js clients against the test stack started by tests/setup/integration-stack.ts.
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import { inject } from 'vitest'

const options = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } }

export const stack = () => inject('stack')

/** No login: the anon role (RLS applies). */
export function anonClient(): SupabaseClient {
  const { apiUrl, anonKey } = stack()
  return createClient(apiUrl, anonKey, options)
}

/** The service role: bypasses RLS. For fixtures and admin calls only. */
export function serviceClient(): SupabaseClient {
  const { apiUrl, serviceRoleKey } = stack()
  return createClient(apiUrl, serviceRoleKey, options)
}

/** A client signed in with email + password (seed users share the local-only demo password). */
export async function signedInClient(email: string, password = 'encontro-demo'): Promise<SupabaseClient> {
  const client = anonClient()
  const { error } = await client.auth.signInWithPassword({ email, password })
  if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`)
  return client
}
