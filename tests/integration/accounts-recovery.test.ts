// Recovery and invitation e-mails through the real parts: supabase-js -> gateway -> local auth
// service -> SMTP -> the maildev inbox, read back through its REST API. This file starts its own
// stack with the inbox (maildev takes ~3 s to start, so the shared test stack goes without).
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { latestMailTo, linkIn, waitForMailTo } from '../../supabase/local/mail'
import { startStack, type RunningStack } from '../../supabase/local/stack'

const opts = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } }
const APP = 'http://127.0.0.1:5173'
const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`

let stack: RunningStack
let tmp: string
const anon = (): SupabaseClient => createClient(stack.apiUrl, stack.anonKey, opts)
const service = (): SupabaseClient => createClient(stack.apiUrl, stack.serviceRoleKey, opts)

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'encontro-mail-'))
  await fs.chmod(tmp, 0o755)
  const t0 = performance.now()
  stack = await startStack({
    dataDir: path.join(tmp, 'db'),
    pgPort: 'free',
    apiPort: 'free',
    durable: false,
    quiet: true,
    mail: { smtpPort: 'free', webPort: 'free' },
  })
  console.log(`[accounts] stack with inbox started in ${Math.round(performance.now() - t0)} ms`)
}, 120_000)

afterAll(async () => {
  await stack?.stop()
  if (tmp) await fs.rm(tmp, { recursive: true, force: true })
})

async function createUser(password = 'palavra-antiga-1') {
  const email = `conta-${uniq()}@encontro.test`
  const { data, error } = await service().auth.admin.createUser({ email, password, email_confirm: true })
  expect(error).toBeNull()
  return { id: data.user!.id, email, password }
}

/** Follows the e-mail's link as a browser would, without following the redirect. */
async function follow(link: string): Promise<URLSearchParams> {
  const res = await fetch(link, { redirect: 'manual' })
  expect(res.status).toBe(303)
  const location = new URL(res.headers.get('location')!)
  expect(`${location.origin}${location.pathname}`).toBe(`${APP}/nova-palavra-passe`)
  return new URLSearchParams(location.hash.slice(1))
}

async function requestRecovery(email: string) {
  const { error } = await anon().auth.resetPasswordForEmail(email, { redirectTo: `${APP}/nova-palavra-passe` })
  return error
}

describe('password recovery', () => {
  it('goes from the e-mail in the inbox to signing in with the new password', async () => {
    const user = await createUser()
    expect(await requestRecovery(user.email)).toBeNull()
    const mail = await waitForMailTo(stack.mailUrl!, user.email)
    expect(mail.subject).toBe('Redefinir a palavra-passe do Encontro')
    expect(mail.html).toContain('Escolher uma nova palavra-passe')
    const link = linkIn(mail.html, '/auth/v1/verify')!
    expect(link).toContain('type=recovery')

    const fragment = await follow(link)
    expect(fragment.get('type')).toBe('recovery')
    const client = anon()
    const { error: sessionError } = await client.auth.setSession({
      access_token: fragment.get('access_token')!,
      refresh_token: fragment.get('refresh_token')!,
    })
    expect(sessionError).toBeNull()
    const { error: sameError } = await client.auth.updateUser({ password: user.password })
    expect(sameError?.code).toBe('same_password')
    const { error: updateError } = await client.auth.updateUser({ password: 'palavra-nova-2' })
    expect(updateError).toBeNull()

    const { error: oldLogin } = await anon().auth.signInWithPassword({ email: user.email, password: user.password })
    expect(oldLogin?.code).toBe('invalid_credentials')
    const { data, error: newLogin } = await anon().auth.signInWithPassword({ email: user.email, password: 'palavra-nova-2' })
    expect(newLogin).toBeNull()
    expect(data.user?.id).toBe(user.id)

    // Single use: the same link again is refused the way GoTrue refuses it.
    const again = await follow(link)
    expect(again.get('access_token')).toBeNull()
    expect(again.get('error_code')).toBe('otp_expired')
    expect(again.get('error_description')).toBe('Email link is invalid or has expired')
  })

  it('refuses an expired link', async () => {
    const user = await createUser()
    expect(await requestRecovery(user.email)).toBeNull()
    const link = linkIn((await waitForMailTo(stack.mailUrl!, user.email)).html, '/auth/v1/verify')!
    // Sent two hours ago (the link lives 1 h): move the clock of this one e-mail back.
    const db = new pg.Client({ connectionString: stack.dbUrl })
    await db.connect()
    await db.query(`update auth.users set recovery_sent_at = now() - interval '2 hours' where id = $1`, [user.id])
    await db.end()
    const fragment = await follow(link)
    expect(fragment.get('error_code')).toBe('otp_expired')
    expect(fragment.get('error')).toBe('access_denied')
  })

  it('answers the same for an unknown e-mail and sends nothing', async () => {
    const email = `ninguem-${uniq()}@encontro.test`
    expect(await requestRecovery(email)).toBeNull()
    await new Promise((r) => setTimeout(r, 500))
    expect(await latestMailTo(stack.mailUrl!, email)).toBeUndefined()
  })

  it('limits recovery e-mails like Supabase Auth: one per person per max_frequency, requests per IP', async () => {
    const user = await createUser()
    expect(await requestRecovery(user.email)).toBeNull()
    const first = await waitForMailTo(stack.mailUrl!, user.email)
    const error = await requestRecovery(user.email)
    expect(error?.status).toBe(429)
    expect(error?.code).toBe('over_email_send_rate_limit')
    expect(error?.message).toMatch(/^For security purposes, you can only request this after \d+ seconds\.$/)
    expect((await latestMailTo(stack.mailUrl!, user.email))?.id).toBe(first.id)

    // Per client IP (GoTrue's RATE_LIMIT_OTP, 30 per hour): the 31st request of one IP is refused.
    const fromIp = (email: string) =>
      fetch(`${stack.apiUrl}/auth/v1/recover`, {
        method: 'POST',
        headers: { apikey: stack.anonKey, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: JSON.stringify({ email }),
      })
    for (let i = 0; i < 30; i++) expect((await fromIp(`ip-${i}-${uniq()}@encontro.test`)).status).toBe(200)
    const refused = await fromIp(`ip-last-${uniq()}@encontro.test`)
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as { error_code: string }).error_code).toBe('over_request_rate_limit')
  })
})

describe('invitations', () => {
  it('lets the service role invite, and the invited person set a password and sign in', async () => {
    const email = `convite-${uniq()}@encontro.test`
    const { data, error } = await service().auth.admin.inviteUserByEmail(email, {
      data: { name: 'Pessoa Convidada' },
      redirectTo: `${APP}/nova-palavra-passe`,
    })
    expect(error).toBeNull()
    expect(data.user?.email).toBe(email)
    expect(data.user?.user_metadata).toMatchObject({ name: 'Pessoa Convidada' })

    const mail = await waitForMailTo(stack.mailUrl!, email)
    expect(mail.subject).toBe('Convite para o Encontro')
    const fragment = await follow(linkIn(mail.html, '/auth/v1/verify')!)
    expect(fragment.get('type')).toBe('invite')
    const client = anon()
    await client.auth.setSession({ access_token: fragment.get('access_token')!, refresh_token: fragment.get('refresh_token')! })
    expect((await client.auth.updateUser({ password: 'primeira-palavra-1' })).error).toBeNull()
    const { error: loginError } = await anon().auth.signInWithPassword({ email, password: 'primeira-palavra-1' })
    expect(loginError).toBeNull()

    // Confirmed now: inviting again is refused as by GoTrue.
    const { error: again } = await service().auth.admin.inviteUserByEmail(email)
    expect(again?.code).toBe('email_exists')
  })

  it('refuses invitations from anyone but the service role', async () => {
    const user = await createUser()
    const client = anon()
    await client.auth.signInWithPassword({ email: user.email, password: user.password })
    const { data } = await client.auth.getSession()
    const res = await fetch(`${stack.apiUrl}/auth/v1/invite`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, authorization: `Bearer ${data.session!.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: `intruso-${uniq()}@encontro.test` }),
    })
    expect(res.status).toBe(403)
  })
})
