// Password recovery and invitations through supabase-js -> gateway -> local auth service, as
// Supabase Auth speaks them (POST /recover, GET|POST /verify, POST /invite). This file runs its
// own stack to read the e-mails the auth service sends (memoryMailer).
import { AuthApiError, createClient, type SupabaseClient } from '@supabase/supabase-js'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryMailer, type AuthEmail } from '../../supabase/local/auth/mailer'
import { localConfig } from '../../supabase/local/config'
import { LOOPBACK_CLIENTS, type RunningStack } from '../../supabase/local/stack'
import { startOwnStack } from './support/own-stack'

const PASSWORD = 'email-flows-password'
const NEW_PASSWORD = 'email-flows-new-password'
const REDIRECT = 'http://127.0.0.1:5173/nova-palavra-passe'
const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
const opts = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } }

const mailer = memoryMailer()
let stack: RunningStack
let stop: (() => Promise<void>) | undefined

beforeAll(async () => {
  ;({ stack, stop } = await startOwnStack('mail', {
    mailer,
    rateLimitExempt: LOOPBACK_CLIENTS,
    // config.toml's 2 e-mails per hour is the hosted default; this file sends more.
    auth: { rate_limit: { email_sent: 100 } },
  }))
}, 120_000)

afterAll(async () => {
  await stop?.()
})

const anon = (): SupabaseClient => createClient(stack.apiUrl, stack.anonKey, opts)
const service = (): SupabaseClient => createClient(stack.apiUrl, stack.serviceRoleKey, opts)

async function createUser(): Promise<string> {
  const email = `mail-${uniq()}@encontro.test`
  const { error } = await service().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true })
  expect(error).toBeNull()
  return email
}

async function sql(text: string, params: unknown[]): Promise<void> {
  const db = new pg.Client({ connectionString: stack.dbUrl })
  await db.connect()
  try {
    await db.query(text, params)
  } finally {
    await db.end()
  }
}

/** Follows the e-mail's link as a browser would, up to the redirect; returns the fragment. */
async function followLink(email: AuthEmail): Promise<{ location: URL; fragment: URLSearchParams }> {
  const res = await fetch(email.link, { redirect: 'manual' })
  expect(res.status).toBe(303)
  const location = new URL(res.headers.get('location')!)
  return { location, fragment: new URLSearchParams(location.hash.slice(1)) }
}

describe('password recovery', () => {
  it('resetPasswordForEmail -> e-mail -> link -> session -> updateUser -> signs in with the new password', async () => {
    const email = await createUser()
    const { error } = await anon().auth.resetPasswordForEmail(email, { redirectTo: REDIRECT })
    expect(error).toBeNull()
    const mail = mailer.last(email)!
    expect(mail).toMatchObject({ kind: 'recovery', subject: 'Recuperar a palavra-passe', redirectTo: REDIRECT })
    expect(mail.link.startsWith(`${stack.apiUrl}/auth/v1/verify?`)).toBe(true)
    expect(mail.text).toContain(mail.link)

    const { location, fragment } = await followLink(mail)
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT)
    expect(fragment.get('type')).toBe('recovery')
    expect(fragment.get('token_type')).toBe('bearer')

    const client = anon()
    const set = await client.auth.setSession({
      access_token: fragment.get('access_token')!,
      refresh_token: fragment.get('refresh_token')!,
    })
    expect(set.error).toBeNull()
    expect((await client.auth.updateUser({ password: NEW_PASSWORD })).error).toBeNull()
    expect((await anon().auth.signInWithPassword({ email, password: NEW_PASSWORD })).error).toBeNull()
    expect((await anon().auth.signInWithPassword({ email, password: PASSWORD })).error).toMatchObject({ code: 'invalid_credentials' })

    // The link works once.
    const again = await followLink(mail)
    expect(again.fragment.get('error_code')).toBe('otp_expired')
    expect(again.fragment.get('access_token')).toBeNull()
  })

  it('an unknown e-mail gets the same answer and no e-mail is sent', async () => {
    const before = mailer.sent.length
    const { data, error } = await anon().auth.resetPasswordForEmail(`nobody-${uniq()}@encontro.test`)
    expect(error).toBeNull()
    expect(data).toEqual({})
    expect(mailer.sent.length).toBe(before)
  })

  it(`a second request within max_frequency -> 429 over_email_send_rate_limit`, async () => {
    expect(localConfig().auth.email.max_frequency_seconds).toBeGreaterThan(5)
    const email = await createUser()
    expect((await anon().auth.resetPasswordForEmail(email)).error).toBeNull()
    const { error } = await anon().auth.resetPasswordForEmail(email)
    expect(error).toBeInstanceOf(AuthApiError)
    expect(error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' })
  })

  it('verifyOtp with the token hash gives a session; an expired one -> 403 otp_expired', async () => {
    const email = await createUser()
    expect((await anon().auth.resetPasswordForEmail(email)).error).toBeNull()
    const { data, error } = await anon().auth.verifyOtp({ token_hash: mailer.last(email)!.tokenHash, type: 'recovery' })
    expect(error).toBeNull()
    expect(data.user?.email).toBe(email)
    expect(data.session?.access_token).toBeTruthy()

    const late = await createUser()
    expect((await anon().auth.resetPasswordForEmail(late)).error).toBeNull()
    await sql(`update auth.users set recovery_sent_at = now() - make_interval(secs => $2) where email = $1`, [
      late,
      localConfig().auth.email.otp_expiry + 1,
    ])
    const expired = await anon().auth.verifyOtp({ token_hash: mailer.last(late)!.tokenHash, type: 'recovery' })
    expect(expired.error).toMatchObject({ status: 403, code: 'otp_expired' })
  })

  it('the 6-digit code works with the e-mail address (verifyOtp({ email, token }))', async () => {
    const email = await createUser()
    expect((await anon().auth.resetPasswordForEmail(email)).error).toBeNull()
    const { error } = await anon().auth.verifyOtp({ email, token: mailer.last(email)!.otp, type: 'recovery' })
    expect(error).toBeNull()
  })

  it('a redirect_to outside site_url and the allow list falls back to site_url', async () => {
    const email = await createUser()
    expect((await anon().auth.resetPasswordForEmail(email, { redirectTo: 'https://evil.example/steal' })).error).toBeNull()
    expect(mailer.last(email)!.redirectTo).toBe(localConfig().auth.site_url)
  })
})

describe('invitations', () => {
  it('inviteUserByEmail -> e-mail -> link -> session -> set a password -> signs in, metadata kept', async () => {
    const email = `invited-${uniq()}@encontro.test`
    const invited = await service().auth.admin.inviteUserByEmail(email, { data: { name: 'Convidada' }, redirectTo: REDIRECT })
    expect(invited.error).toBeNull()
    expect(invited.data.user).toMatchObject({ email, user_metadata: { name: 'Convidada' } })
    expect(invited.data.user!.email_confirmed_at).toBeFalsy()
    expect((await anon().auth.signInWithPassword({ email, password: NEW_PASSWORD })).error).toMatchObject({ status: 400 })

    const mail = mailer.last(email)!
    expect(mail).toMatchObject({ kind: 'invite', subject: 'Convite para o Encontro' })
    const { fragment } = await followLink(mail)
    expect(fragment.get('type')).toBe('invite')
    const client = anon()
    expect(
      (await client.auth.setSession({ access_token: fragment.get('access_token')!, refresh_token: fragment.get('refresh_token')! })).error,
    ).toBeNull()
    expect((await client.auth.updateUser({ password: NEW_PASSWORD })).error).toBeNull()

    const signIn = await anon().auth.signInWithPassword({ email, password: NEW_PASSWORD })
    expect(signIn.error).toBeNull()
    expect(signIn.data.user!.email_confirmed_at).toBeTruthy()
    expect(signIn.data.user!.user_metadata).toMatchObject({ name: 'Convidada' })
  })

  it('inviting again before acceptance sends a new link (the old one stops working)', async () => {
    const email = `reinvited-${uniq()}@encontro.test`
    expect((await service().auth.admin.inviteUserByEmail(email)).error).toBeNull()
    const first = mailer.last(email)!
    expect((await service().auth.admin.inviteUserByEmail(email)).error).toBeNull()
    const second = mailer.last(email)!
    expect(second.tokenHash).not.toBe(first.tokenHash)
    expect((await followLink(first)).fragment.get('error_code')).toBe('otp_expired')
    expect((await followLink(second)).fragment.get('access_token')).toBeTruthy()
  })

  it('an existing confirmed user -> 422 email_exists; the anon key -> 403', async () => {
    const email = await createUser()
    expect((await service().auth.admin.inviteUserByEmail(email)).error).toMatchObject({ status: 422, code: 'email_exists' })
    const asAnon = await anon().auth.admin.inviteUserByEmail(`x-${uniq()}@encontro.test`)
    expect(asAnon.error).toMatchObject({ status: 403, code: 'not_admin' })
  })
})
