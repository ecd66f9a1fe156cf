// Auth through supabase-js -> gateway -> local auth service / PostgREST, as the app does it.
import { AuthApiError, createClient, isAuthSessionMissingError, type SupabaseClient } from '@supabase/supabase-js'
import { decodeJwt, SignJWT } from 'jose'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { localConfig } from '../../supabase/local/config'
import { LOCAL_JWT_SECRET } from '../../supabase/local/keys'
import type { RunningStack } from '../../supabase/local/stack'
import { anonClient, serviceClient } from './support/clients'
import { startOwnStack } from './support/own-stack'

const PASSWORD = 'auth-test-password'
const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
const opts = { auth: { persistSession: false, autoRefreshToken: false } }

/** A confirmed user of this file, made through the admin API (not the seed). */
async function createUser(): Promise<{ id: string; email: string }> {
  const email = `auth-${uniq()}@encontro.test`
  const { data, error } = await serviceClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true })
  expect(error).toBeNull()
  return { id: data.user!.id, email }
}

async function signIn(email: string, password = PASSWORD): Promise<SupabaseClient> {
  const client = anonClient()
  const { error } = await client.auth.signInWithPassword({ email, password })
  expect(error).toBeNull()
  return client
}

/** A token the way the auth service makes them, but with our own secret / expiry. */
async function signAccessToken(sub: string, { secret = LOCAL_JWT_SECRET, expiresInSeconds = 3600 } = {}) {
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT({ role: 'authenticated', aud: 'authenticated', email: 'x@encontro.test' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt(now - 7200)
    .setExpirationTime(now + expiresInSeconds)
    .sign(new TextEncoder().encode(secret))
}

/** Straight to the test database as its superuser (to age a refresh token). */
async function sql<R extends pg.QueryResultRow>(text: string, params: unknown[]): Promise<R[]> {
  const db = new pg.Client({ connectionString: inject('stack').dbUrl })
  await db.connect()
  try {
    return (await db.query<R>(text, params)).rows
  } finally {
    await db.end()
  }
}

/** Raw PostgREST call through the gateway with a given bearer token. */
async function rest(path: string, token: string): Promise<Response> {
  const { apiUrl, anonKey } = inject('stack')
  return fetch(`${apiUrl}/rest/v1/${path}`, { headers: { apikey: anonKey, authorization: `Bearer ${token}` } })
}

let user: { id: string; email: string }
beforeAll(async () => {
  user = await createUser()
})

describe('password sign-in', () => {
  it('returns a session with a GoTrue-shaped access token', async () => {
    const { data, error } = await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD })
    expect(error).toBeNull()
    const session = data.session!
    expect(session.token_type).toBe('bearer')
    expect(session.expires_in).toBe(3600)
    expect(session.expires_at).toBeGreaterThan(Date.now() / 1000)
    expect(session.refresh_token).toBeTruthy()
    expect(data.user).toMatchObject({ id: user.id, email: user.email, aud: 'authenticated', role: 'authenticated' })
    expect(data.user!.email_confirmed_at).toBeTruthy()
    expect(data.user!.app_metadata).toMatchObject({ provider: 'email' })
    const claims = decodeJwt(session.access_token)
    expect(claims).toMatchObject({
      sub: user.id,
      role: 'authenticated',
      aud: 'authenticated',
      email: user.email,
      aal: 'aal1',
      is_anonymous: false,
    })
    expect(claims.session_id).toEqual(expect.any(String))
    expect(claims.exp! - claims.iat!).toBe(3600)
  })

  it('email is case-insensitive', async () => {
    const { error } = await anonClient().auth.signInWithPassword({ email: user.email.toUpperCase(), password: PASSWORD })
    expect(error).toBeNull()
  })

  it('wrong password -> AuthApiError 400 invalid_credentials', async () => {
    const { data, error } = await anonClient().auth.signInWithPassword({ email: user.email, password: 'nope-nope' })
    expect(data.session).toBeNull()
    expect(error).toBeInstanceOf(AuthApiError)
    expect(error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' })
  })

  it('unknown email -> the same error (no account enumeration)', async () => {
    const { error } = await anonClient().auth.signInWithPassword({ email: `nobody-${uniq()}@encontro.test`, password: PASSWORD })
    expect(error).toBeInstanceOf(AuthApiError)
    expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' })
  })

  it('unconfirmed email -> 400 email_not_confirmed', async () => {
    const email = `unconfirmed-${uniq()}@encontro.test`
    await serviceClient().auth.admin.createUser({ email, password: PASSWORD })
    const { error } = await anonClient().auth.signInWithPassword({ email, password: PASSWORD })
    expect(error).toMatchObject({ status: 400, code: 'email_not_confirmed' })
  })

  it('seed users sign in with the demo password (hashes made by pgcrypto in seed.sql)', async () => {
    const { data, error } = await anonClient().auth.signInWithPassword({ email: 'joao@encontro.test', password: 'encontro-demo' })
    expect(error).toBeNull()
    expect(data.user?.email).toBe('joao@encontro.test')
  })
})

describe('refresh tokens', () => {
  it('refreshSession rotates; reusing the rotated token gives back the current one (lost answer, two tabs)', async () => {
    const client = await signIn(user.email)
    const first = (await client.auth.getSession()).data.session!
    const { data, error } = await client.auth.refreshSession({ refresh_token: first.refresh_token })
    expect(error).toBeNull()
    const second = data.session!
    expect(second.refresh_token).not.toBe(first.refresh_token)
    expect(decodeJwt(second.access_token).session_id).toBe(decodeJwt(first.access_token).session_id)

    // Supabase Auth: the revoked parent of the active token answers with that active token.
    const reuse = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token })
    expect(reuse.error).toBeNull()
    expect(reuse.data.session!.refresh_token).toBe(second.refresh_token)
    expect(decodeJwt(reuse.data.session!.access_token).session_id).toBe(decodeJwt(first.access_token).session_id)

    // Nothing was revoked: the current token still refreshes.
    const after = await anonClient().auth.refreshSession({ refresh_token: second.refresh_token })
    expect(after.error).toBeNull()
  })

  it('reuse of an older token within refresh_token_reuse_interval gets a new token of the same session', async () => {
    const a = (await (await signIn(user.email)).auth.getSession()).data.session!
    const b = (await anonClient().auth.refreshSession({ refresh_token: a.refresh_token })).data.session!
    const c = (await anonClient().auth.refreshSession({ refresh_token: b.refresh_token })).data.session!
    const reuse = await anonClient().auth.refreshSession({ refresh_token: a.refresh_token })
    expect(reuse.error).toBeNull()
    expect(reuse.data.session!.refresh_token).not.toBe(c.refresh_token)
    expect(decodeJwt(reuse.data.session!.access_token).session_id).toBe(decodeJwt(a.access_token).session_id)
    expect((await anonClient().auth.refreshSession({ refresh_token: c.refresh_token })).error).toBeNull()
  })

  it('reuse outside the interval revokes the whole token family (refresh_token_already_used)', async () => {
    const a = (await (await signIn(user.email)).auth.getSession()).data.session!
    const b = (await anonClient().auth.refreshSession({ refresh_token: a.refresh_token })).data.session!
    const c = (await anonClient().auth.refreshSession({ refresh_token: b.refresh_token })).data.session!
    // `a` was rotated longer ago than config.toml's refresh_token_reuse_interval.
    const interval = localConfig().auth.refresh_token_reuse_interval
    await sql(`update auth.refresh_tokens set updated_at = now() - make_interval(secs => $2) where token = $1`, [
      a.refresh_token,
      interval + 1,
    ])
    const reuse = await anonClient().auth.refreshSession({ refresh_token: a.refresh_token })
    expect(reuse.data.session).toBeNull()
    expect(reuse.error).toBeInstanceOf(AuthApiError)
    expect(reuse.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' })
    const sessionId = decodeJwt(a.access_token).session_id
    const tokens = await sql<{ revoked: boolean }>(`select revoked from auth.refresh_tokens where session_id = $1`, [sessionId])
    expect(tokens.length).toBe(3)
    expect(tokens.every((t) => t.revoked)).toBe(true)
    // As upstream, a token revoked moments ago is still inside its own reuse interval; once that
    // has passed too, the newest token of the family is refused.
    await sql(`update auth.refresh_tokens set updated_at = now() - make_interval(secs => $2) where session_id = $1`, [
      sessionId,
      interval + 1,
    ])
    const newest = await anonClient().auth.refreshSession({ refresh_token: c.refresh_token })
    expect(newest.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' })
  })

  it('the amr timestamp is the sign-in time and survives refreshes', async () => {
    const first = (await (await signIn(user.email)).auth.getSession()).data.session!
    const signedInAt = (decodeJwt(first.access_token).amr as Array<{ method: string; timestamp: number }>)[0]!
    expect(signedInAt.method).toBe('password')
    await new Promise((r) => setTimeout(r, 1100))
    const refreshed = (await anonClient().auth.refreshSession({ refresh_token: first.refresh_token })).data.session!
    const claims = decodeJwt(refreshed.access_token)
    expect(claims.iat).toBeGreaterThan(decodeJwt(first.access_token).iat!)
    expect(claims.amr).toEqual([{ method: 'password', timestamp: signedInAt.timestamp }])
  })

  it('unknown refresh token -> 400 refresh_token_not_found', async () => {
    const { error } = await anonClient().auth.refreshSession({ refresh_token: 'not-a-token' })
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' })
  })
})

describe('getUser and signOut', () => {
  it('getUser returns the signed-in user', async () => {
    const client = await signIn(user.email)
    const { data, error } = await client.auth.getUser()
    expect(error).toBeNull()
    expect(data.user).toMatchObject({ id: user.id, email: user.email })
    expect(data.user!.identities?.[0]).toMatchObject({ provider: 'email', user_id: user.id })
  })

  it('signOut ends the session: refresh refused, /user refuses the old access token', async () => {
    const client = await signIn(user.email)
    const session = (await client.auth.getSession()).data.session!
    const { error } = await client.auth.signOut()
    expect(error).toBeNull()

    const refresh = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token })
    expect(refresh.error).toBeInstanceOf(AuthApiError)
    expect(refresh.error?.status).toBe(400)

    // GoTrue answers 403 session_not_found; supabase-js turns that into AuthSessionMissingError.
    const me = await anonClient().auth.getUser(session.access_token)
    expect(me.data.user).toBeNull()
    expect(isAuthSessionMissingError(me.error)).toBe(true)
    const { apiUrl, anonKey } = inject('stack')
    const raw = await fetch(`${apiUrl}/auth/v1/user`, {
      headers: { apikey: anonKey, authorization: `Bearer ${session.access_token}` },
    })
    expect(raw.status).toBe(403)
    expect(await raw.json()).toMatchObject({ code: 403, error_code: 'session_not_found' })
  })

  it("signOut({ scope: 'local' }) keeps the user's other sessions", async () => {
    const a = await signIn(user.email)
    const b = await signIn(user.email)
    const bSession = (await b.auth.getSession()).data.session!
    expect((await a.auth.signOut({ scope: 'local' })).error).toBeNull()
    expect((await anonClient().auth.getUser(bSession.access_token)).error).toBeNull()
    const refreshed = await anonClient().auth.refreshSession({ refresh_token: bSession.refresh_token })
    expect(refreshed.error).toBeNull()
  })
})

describe('access tokens at PostgREST and /user', () => {
  it('a valid access token is accepted by PostgREST', async () => {
    const client = await signIn(user.email)
    const token = (await client.auth.getSession()).data.session!.access_token
    const res = await rest('profiles?select=id', token)
    expect(res.status).toBe(200)
  })

  it('expired access token: PostgREST 401 (PGRST301), /user 403 bad_jwt', async () => {
    const expired = await signAccessToken(user.id, { expiresInSeconds: -60 })
    const res = await rest('profiles?select=id', expired)
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ code: 'PGRST301' })

    const me = await anonClient().auth.getUser(expired)
    expect(me.error).toBeInstanceOf(AuthApiError)
    expect(me.error).toMatchObject({ status: 403, code: 'bad_jwt' })
  })

  it('token signed with another secret: PostgREST 401, /user 403 bad_jwt', async () => {
    const forged = await signAccessToken(user.id, { secret: 'another-secret-another-secret-another-secret!!' })
    const res = await rest('profiles?select=id', forged)
    expect(res.status).toBe(401)
    expect((await anonClient().auth.getUser(forged)).error).toMatchObject({ status: 403, code: 'bad_jwt' })
  })

  it('no token: /user answers 403 (the apikey is the anon key, not a user)', async () => {
    const { apiUrl, anonKey } = inject('stack')
    const res = await fetch(`${apiUrl}/auth/v1/user`, { headers: { apikey: anonKey, 'x-supabase-api-version': '2024-01-01' } })
    expect(res.status).toBe(403)
    expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01')
  })
})

describe('anon key without login', () => {
  it('sees no rows that RLS keeps for signed-in users', async () => {
    const all = await serviceClient().from('profiles').select('id')
    expect(all.error).toBeNull()
    expect(all.data!.length).toBeGreaterThan(0)

    const anon = await anonClient().from('profiles').select('id')
    // Either RLS filters every row, or the anon role has no grant at all: never any data.
    if (anon.error) expect(['42501', 'PGRST301']).toContain(anon.error.code)
    else expect(anon.data).toEqual([])
  })

  it('a signed-in user sees their own profile', async () => {
    const client = await signIn(user.email)
    const { data, error } = await client.from('profiles').select('id').eq('id', user.id)
    expect(error).toBeNull()
    expect(data).toEqual([{ id: user.id }])
  })
})

describe('admin API', () => {
  it('service role can create, read, update, list and delete users', async () => {
    const admin = serviceClient().auth.admin
    const email = `admin-api-${uniq()}@encontro.test`
    const created = await admin.createUser({ email, password: PASSWORD, email_confirm: true, user_metadata: { name: 'Teste' } })
    expect(created.error).toBeNull()
    expect(created.data.user).toMatchObject({ email, user_metadata: { name: 'Teste' } })
    const id = created.data.user!.id

    const dup = await admin.createUser({ email, password: PASSWORD })
    expect(dup.error).toMatchObject({ status: 422, code: 'email_exists' })

    expect((await admin.getUserById(id)).data.user?.email).toBe(email)
    const updated = await admin.updateUserById(id, { password: 'a-new-password' })
    expect(updated.error).toBeNull()
    expect((await anonClient().auth.signInWithPassword({ email, password: 'a-new-password' })).error).toBeNull()

    const list = await admin.listUsers({ page: 1, perPage: 1000 })
    expect(list.error).toBeNull()
    expect(list.data.users.map((u) => u.id)).toContain(id)

    // Profiles reference auth.users; remove the profile the signup trigger made first.
    await serviceClient().from('profiles').delete().eq('id', id)
    expect((await admin.deleteUser(id)).error).toBeNull()
    expect((await admin.getUserById(id)).error).toMatchObject({ status: 404 })
  })

  it('anon key is refused (403 not_admin)', async () => {
    const { data, error } = await anonClient().auth.admin.createUser({ email: `x-${uniq()}@encontro.test`, password: PASSWORD })
    expect(data.user).toBeNull()
    expect(error).toBeInstanceOf(AuthApiError)
    expect(error).toMatchObject({ status: 403, code: 'not_admin' })
    expect((await anonClient().auth.admin.listUsers()).error).toMatchObject({ status: 403 })
  })

  it("a signed-in user's token is refused", async () => {
    const client = await signIn(user.email)
    const token = (await client.auth.getSession()).data.session!.access_token
    const { apiUrl, anonKey } = inject('stack')
    const asUser = createClient(apiUrl, anonKey, { ...opts, global: { headers: { Authorization: `Bearer ${token}` } } })
    const { error } = await asUser.auth.admin.listUsers()
    expect(error).toMatchObject({ status: 403, code: 'not_admin' })
  })

  it('signups are disabled (users are created by admins)', async () => {
    const { error } = await anonClient().auth.signUp({ email: `s-${uniq()}@encontro.test`, password: PASSWORD })
    expect(error).toMatchObject({ status: 422, code: 'signup_disabled' })
  })
})

describe('short access-token lifetime (own stack)', () => {
  let stack: RunningStack
  beforeAll(async () => {
    const own = await startOwnStack('ttl', { accessTokenTtlSeconds: 1, seed: true })
    stack = own.stack
    return own.stop
  })

  it('the access token expires after the configured TTL (/user refuses it); refresh gives a fresh one', async () => {
    const client = createClient(stack.apiUrl, stack.anonKey, opts)
    const { data, error } = await client.auth.signInWithPassword({ email: 'joao@encontro.test', password: 'encontro-demo' })
    expect(error).toBeNull()
    expect(data.session!.expires_in).toBe(1)
    const token = data.session!.access_token
    await new Promise((r) => setTimeout(r, 2100))

    // The auth service has no leeway. (PostgREST, here as on hosted Supabase, accepts tokens up to
    // 30 s past exp as clock skew: the -60 s token test above covers its refusal.)
    expect((await client.auth.getUser(token)).error).toMatchObject({ status: 403, code: 'bad_jwt' })

    const refreshed = await client.auth.refreshSession()
    expect(refreshed.error).toBeNull()
    const ok = await fetch(`${stack.apiUrl}/rest/v1/profiles?select=id`, {
      headers: { apikey: stack.anonKey, authorization: `Bearer ${refreshed.data.session!.access_token}` },
    })
    expect(ok.status).toBe(200)
  })
})
