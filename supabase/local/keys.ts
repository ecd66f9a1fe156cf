/**
 * LOCAL-ONLY secrets for the embedded stack.
 *
 * The JWT secret is the Supabase CLI's well-known public default for local
 * development. It protects nothing and must never be used for a hosted project
 * (hosted projects have their own secret and keys; the app reads them from
 * VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY).
 */
import { SignJWT } from 'jose'

export const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long'

/**
 * Local-only database roles and passwords. As on hosted Supabase, the cluster's superuser is
 * `supabase_admin` (it runs bootstrap.sql only); migrations and the seed run as the
 * non-superuser `postgres`, the auth service as `supabase_auth_admin`.
 */
export const LOCAL_DB_SUPERUSER = 'supabase_admin'
export const LOCAL_DB_SUPERUSER_PASSWORD = 'postgres'
export const LOCAL_DB_OWNER = 'postgres' // must match bootstrap.sql (as the CLI's local default)
export const LOCAL_DB_OWNER_PASSWORD = 'postgres'
export const LOCAL_AUTHENTICATOR_PASSWORD = 'authenticator-local-only' // must match bootstrap.sql
export const LOCAL_AUTH_ADMIN = 'supabase_auth_admin'
export const LOCAL_AUTH_ADMIN_PASSWORD = 'auth-admin-local-only' // must match bootstrap.sql

export const secretKey = (secret: string = LOCAL_JWT_SECRET): Uint8Array =>
  new TextEncoder().encode(secret)

// Same claims (and claim order) as the Supabase CLI's demo keys, so with the
// default secret these are byte-for-byte the well-known local anon/service keys.
const EXP = 1983812996 // 2032-11-12

async function apiKey(role: 'anon' | 'service_role', secret: string): Promise<string> {
  return new SignJWT({ iss: 'supabase-demo', role, exp: EXP })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(secretKey(secret))
}

export interface ApiKeys {
  jwtSecret: string
  anonKey: string
  serviceRoleKey: string
}

/** Deterministic keys (same secret + same claims => same token on every run). */
export async function localApiKeys(secret: string = LOCAL_JWT_SECRET): Promise<ApiKeys> {
  const [anonKey, serviceRoleKey] = await Promise.all([
    apiKey('anon', secret),
    apiKey('service_role', secret),
  ])
  return { jwtSecret: secret, anonKey, serviceRoleKey }
}
