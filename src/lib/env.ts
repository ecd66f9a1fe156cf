export type SupabaseEnv =
  | { ok: true; url: string; anonKey: string }
  | { ok: false; missing: Array<'VITE_SUPABASE_URL' | 'VITE_SUPABASE_ANON_KEY'>; invalidUrl: boolean }

/** Reads the Supabase settings from Vite's env; never throws. */
export function readSupabaseEnv(env: Record<string, unknown>): SupabaseEnv {
  const url = typeof env.VITE_SUPABASE_URL === 'string' ? env.VITE_SUPABASE_URL.trim() : ''
  const anonKey = typeof env.VITE_SUPABASE_ANON_KEY === 'string' ? env.VITE_SUPABASE_ANON_KEY.trim() : ''
  const missing: Array<'VITE_SUPABASE_URL' | 'VITE_SUPABASE_ANON_KEY'> = []
  if (!url) missing.push('VITE_SUPABASE_URL')
  if (!anonKey) missing.push('VITE_SUPABASE_ANON_KEY')
  const invalidUrl = url !== '' && !isHttpUrl(url)
  if (missing.length > 0 || invalidUrl) return { ok: false, missing, invalidUrl }
  return { ok: true, url, anonKey }
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value)
    return u.protocol === 'http:' || u.protocol === 'https:'
  } catch {
    return false
  }
}
