// Supabase Auth's behaviour where supabase-js depends on it (issue 11, point 5), through
// supabase-js -> gateway -> local auth service: updateUser, admin password change and ban,
// the 2024-01-01 error shape, and admin validation as upstream (internal/api/user.go, admin.go,
// errors.go, mail.go).
import {
  AuthApiError,
  AuthWeakPasswordError,
  isAuthSessionMissingError,
  type AuthChangeEvent,
  type Session,
  type SupabaseClient,
} from '@supabase/supabase-js'
import { describe, expect, inject, it } from 'vitest'
import { anonClient, serviceClient } from './support/clients'

const PASSWORD = 'updates-test-password'
const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`

async function createUser(): Promise<{ id: string; email: string }> {
  const email = `updates-${uniq()}@encontro.test`
  const { data, error } = await serviceClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true })
  expect(error).toBeNull()
  return { id: data.user!.id, email }
}

async function signIn(email: string, password = PASSWORD): Promise<{ client: SupabaseClient; session: Session }> {
  const client = anonClient()
  const { data, error } = await client.auth.signInWithPassword({ email, password })
  expect(error).toBeNull()
  return { client, session: data.session! }
}

/** Whether a session still counts for Supabase Auth: /user and a refresh. */
async function sessionAlive(session: Session): Promise<{ user: boolean; refresh: boolean }> {
  const me = await anonClient().auth.getUser(session.access_token)
  const refreshed = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token })
  return { user: me.error === null, refresh: refreshed.error === null }
}

const rawAuth = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) => {
  const { apiUrl, anonKey } = inject('stack')
  return fetch(`${apiUrl}/auth/v1${path}`, { ...init, headers: { apikey: anonKey, ...init.headers } })
}

describe('updateUser (PUT /user)', () => {
  it('changes the password, emits USER_UPDATED, keeps this session and signs the others out', async () => {
    const user = await createUser()
    const here = await signIn(user.email)
    const elsewhere = await signIn(user.email)
    const events: AuthChangeEvent[] = []
    here.client.auth.onAuthStateChange((event) => events.push(event))

    const { data, error } = await here.client.auth.updateUser({ password: 'a-brand-new-password' })
    expect(error).toBeNull()
    expect(data.user?.id).toBe(user.id)
    expect(events).toContain('USER_UPDATED')

    const gone = await anonClient().auth.getUser(elsewhere.session.access_token)
    expect(isAuthSessionMissingError(gone.error)).toBe(true)
    expect(await sessionAlive(elsewhere.session)).toEqual({ user: false, refresh: false })
    expect((await here.client.auth.getUser()).error).toBeNull()

    expect((await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD })).error).toMatchObject({
      status: 400,
      code: 'invalid_credentials',
    })
    expect((await anonClient().auth.signInWithPassword({ email: user.email, password: 'a-brand-new-password' })).error).toBeNull()
  })

  it('the same password again -> 422 same_password', async () => {
    const user = await createUser()
    const { client } = await signIn(user.email)
    const { error } = await client.auth.updateUser({ password: PASSWORD })
    expect(error).toBeInstanceOf(AuthApiError)
    expect(error).toMatchObject({ status: 422, code: 'same_password', message: 'New password should be different from the old password.' })
  })

  it('a short password -> AuthWeakPasswordError with the reasons', async () => {
    const user = await createUser()
    const { client } = await signIn(user.email)
    const { error } = await client.auth.updateUser({ password: 'abc' })
    expect(error).toBeInstanceOf(AuthWeakPasswordError)
    expect(error).toMatchObject({ status: 422, code: 'weak_password', reasons: ['length'] })
  })

  it('merges user_metadata (null removes a key)', async () => {
    const user = await createUser()
    const { client } = await signIn(user.email)
    expect((await client.auth.updateUser({ data: { name: 'Ana', city: 'Porto' } })).error).toBeNull()
    const { data, error } = await client.auth.updateUser({ data: { city: null, team: 'Lisboa' } })
    expect(error).toBeNull()
    expect(data.user?.user_metadata).toEqual({ name: 'Ana', team: 'Lisboa' })
  })

  it('app_metadata is for admins only (403 not_admin)', async () => {
    const user = await createUser()
    const { session } = await signIn(user.email)
    const res = await rawAuth('/user', {
      method: 'PUT',
      headers: { authorization: `Bearer ${session.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ app_metadata: { app_role: 'admin' } }),
    })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error_code: 'not_admin' })
  })
})

describe('admin password change and ban', () => {
  it('an admin password change ends every session of the user', async () => {
    const user = await createUser()
    const a = await signIn(user.email)
    const b = await signIn(user.email)
    const { error } = await serviceClient().auth.admin.updateUserById(user.id, { password: 'admin-set-password' })
    expect(error).toBeNull()
    expect(await sessionAlive(a.session)).toEqual({ user: false, refresh: false })
    expect(await sessionAlive(b.session)).toEqual({ user: false, refresh: false })
  })

  it('a ban: /user 403 user_banned, refresh and sign-in 400 user_banned; lifting it lets the session go on', async () => {
    const user = await createUser()
    const { session } = await signIn(user.email)
    expect((await serviceClient().auth.admin.updateUserById(user.id, { ban_duration: '1h30m' })).error).toBeNull()
    const banned = (await serviceClient().auth.admin.getUserById(user.id)).data.user!
    const minutes = (Date.parse(banned.banned_until!) - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(88)
    expect(minutes).toBeLessThan(91)

    const me = await anonClient().auth.getUser(session.access_token)
    expect(me.error).toBeInstanceOf(AuthApiError)
    expect(me.error).toMatchObject({ status: 403, code: 'user_banned' })
    expect((await anonClient().auth.refreshSession({ refresh_token: session.refresh_token })).error).toMatchObject({
      status: 400,
      code: 'user_banned',
    })
    expect((await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD })).error).toMatchObject({
      status: 400,
      code: 'user_banned',
    })

    // Upstream's ban leaves the session rows; lifting the ban makes them usable again.
    expect((await serviceClient().auth.admin.updateUserById(user.id, { ban_duration: 'none' })).error).toBeNull()
    expect((await anonClient().auth.getUser(session.access_token)).error).toBeNull()
  })

  it('an invalid ban_duration -> 400 validation_failed', async () => {
    const user = await createUser()
    const { error } = await serviceClient().auth.admin.updateUserById(user.id, { ban_duration: 'a week' })
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(error!.message).toMatch(/invalid format for ban duration/)
  })
})

describe('error shape by X-Supabase-Api-Version', () => {
  const badToken = { authorization: 'Bearer not.a.jwt' }

  it('2024-01-01: {code, message}, the version echoed and x-sb-error-code', async () => {
    const res = await rawAuth('/user', { headers: { ...badToken, 'x-supabase-api-version': '2024-01-01' } })
    expect(res.status).toBe(403)
    expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01')
    expect(res.headers.get('x-sb-error-code')).toBe('bad_jwt')
    const body = (await res.json()) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(['code', 'message'])
    expect(body.code).toBe('bad_jwt')
  })

  it('no header: the legacy {code: status, error_code, msg}, no version echoed', async () => {
    const res = await rawAuth('/user', { headers: badToken })
    expect(res.status).toBe(403)
    expect(res.headers.get('x-supabase-api-version')).toBeNull()
    expect(res.headers.get('x-sb-error-code')).toBe('bad_jwt')
    expect(await res.json()).toMatchObject({ code: 403, error_code: 'bad_jwt', msg: expect.any(String) })
  })

  it('weak_password carries its reasons in both shapes', async () => {
    const admin = { authorization: `Bearer ${inject('stack').serviceRoleKey}`, 'content-type': 'application/json' }
    const body = JSON.stringify({ email: `weak-${uniq()}@encontro.test`, password: 'abc' })
    const modern = await rawAuth('/admin/users', { method: 'POST', headers: { ...admin, 'x-supabase-api-version': '2024-01-01' }, body })
    expect(modern.status).toBe(422)
    expect(await modern.json()).toEqual({
      code: 'weak_password',
      message: 'Password should be at least 6 characters.',
      weak_password: { reasons: ['length'] },
    })
    const legacy = await rawAuth('/admin/users', { method: 'POST', headers: admin, body })
    expect(legacy.headers.get('x-sb-error-code')).toBe('weak_password')
    expect(await legacy.json()).toEqual({
      code: 422,
      error_code: 'weak_password',
      msg: 'Password should be at least 6 characters.',
      weak_password: { reasons: ['length'] },
    })
  })
})

describe('admin validation as upstream', () => {
  it.each([
    'not-an-email',
    'a@b@encontro.test',
    'joão@encontro.test',
    'a b@encontro.test',
    '@encontro.test',
    'ana@',
    'ana@-encontro.test',
    'ana@encontro..test',
  ])('createUser(%j) -> 400 validation_failed', async (email) => {
    const { data, error } = await serviceClient().auth.admin.createUser({ email, password: PASSWORD })
    expect(data.user).toBeNull()
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Unable to validate email address: invalid format' })
  })

  it('an e-mail is stored lower-cased', async () => {
    const local = `Mixed.Case+${uniq()}`
    const { data, error } = await serviceClient().auth.admin.createUser({ email: `${local}@Encontro.TEST`, password: PASSWORD })
    expect(error).toBeNull()
    expect(data.user!.email).toBe(`${local}@encontro.test`.toLowerCase())
  })

  it('createUser with a short password -> AuthWeakPasswordError; over 72 characters -> 400', async () => {
    const admin = serviceClient().auth.admin
    const weak = await admin.createUser({ email: `w-${uniq()}@encontro.test`, password: 'abc' })
    expect(weak.error).toBeInstanceOf(AuthWeakPasswordError)
    expect(weak.error).toMatchObject({ status: 422, reasons: ['length'] })
    const long = await admin.createUser({ email: `l-${uniq()}@encontro.test`, password: 'x'.repeat(73) })
    expect(long.error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Password cannot be longer than 72 characters' })
  })

  it('listUsers: a page below 0 or not a number -> 400; page 0 is the first page', async () => {
    const admin = serviceClient().auth.admin
    expect((await admin.listUsers({ page: -1, perPage: 10 })).error).toMatchObject({ status: 400, code: 'validation_failed' })
    const first = await admin.listUsers({ page: 1, perPage: 5 })
    const zero = await admin.listUsers({ page: 0, perPage: 5 })
    expect(zero.error).toBeNull()
    expect(zero.data.users.map((u) => u.id)).toEqual(first.data.users.map((u) => u.id))
    const res = await rawAuth('/admin/users?page=abc', { headers: { authorization: `Bearer ${inject('stack').serviceRoleKey}` } })
    expect(res.status).toBe(400)
  })
})
