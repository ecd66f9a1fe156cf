import { readSupabaseEnv } from './env'

describe('readSupabaseEnv', () => {
  it('accepts both values', () => {
    expect(
      readSupabaseEnv({ VITE_SUPABASE_URL: ' http://127.0.0.1:54321 ', VITE_SUPABASE_ANON_KEY: 'anon' }),
    ).toEqual({ ok: true, url: 'http://127.0.0.1:54321', anonKey: 'anon' })
  })

  it.each([
    [{}, ['VITE_SUPABASE_URL', 'VITE_SUPABASE_ANON_KEY'], false],
    [{ VITE_SUPABASE_URL: 'https://x.supabase.co' }, ['VITE_SUPABASE_ANON_KEY'], false],
    [{ VITE_SUPABASE_URL: '  ', VITE_SUPABASE_ANON_KEY: 'k' }, ['VITE_SUPABASE_URL'], false],
    [{ VITE_SUPABASE_URL: 'localhost:54321', VITE_SUPABASE_ANON_KEY: 'k' }, [], true],
  ])('%j is not usable', (env, missing, invalidUrl) => {
    expect(readSupabaseEnv(env)).toEqual({ ok: false, missing, invalidUrl })
  })
})
