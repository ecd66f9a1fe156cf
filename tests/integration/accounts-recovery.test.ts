// Recovery and invitation e-mails through the real parts: supabase-js -> gateway -> local auth
// service -> SMTP -> the maildev inbox, read back through its REST API; the invite-user Edge
// Function served by Deno. This file starts its own stack with the inbox and Deno (a few seconds
// each to start, so the shared test stack goes without them).
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import { SignJWT } from 'jose'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { latestMailTo, linkIn, waitForMailTo } from '../../supabase/local/mail'
import { localConfig } from '../../supabase/local/config'
import { LOOPBACK_CLIENTS, startStack, type RunningStack } from '../../supabase/local/stack'
import { fetchFrom } from './support/from-address'

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
    functions: true,
    // This file signs in and asks for e-mails from 127.0.0.1 more often than the per-address limits
    // allow; the per-address test below comes from another loopback address.
    rateLimitExempt: LOOPBACK_CLIENTS,
    // config.toml's email_sent (2 per hour, hosted without custom SMTP) would stop the third e-mail.
    auth: { rate_limit: { email_sent: 100 } },
  })
  console.log(`[accounts] stack with inbox and Deno functions started in ${Math.round(performance.now() - t0)} ms`)
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

  it('verifies a token hash with verifyOtp (POST /verify), once', async () => {
    const user = await createUser()
    expect(await requestRecovery(user.email)).toBeNull()
    const link = new URL(linkIn((await waitForMailTo(stack.mailUrl!, user.email)).html, '/auth/v1/verify')!)
    const tokenHash = link.searchParams.get('token')!
    const { data, error } = await anon().auth.verifyOtp({ token_hash: tokenHash, type: 'recovery' })
    expect(error).toBeNull()
    expect(data.session?.user.id).toBe(user.id)
    const { error: again } = await anon().auth.verifyOtp({ token_hash: tokenHash, type: 'recovery' })
    expect(again?.status).toBe(403)
    expect(again?.code).toBe('otp_expired')
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

  it('limits recovery e-mails like Supabase Auth: one per person per max_frequency, requests per address', async () => {
    const user = await createUser()
    expect(await requestRecovery(user.email)).toBeNull()
    const first = await waitForMailTo(stack.mailUrl!, user.email)
    const error = await requestRecovery(user.email)
    expect(error?.status).toBe(429)
    expect(error?.code).toBe('over_email_send_rate_limit')
    expect(error?.message).toMatch(/^For security purposes, you can only request this after \d+ seconds\.$/)
    expect((await latestMailTo(stack.mailUrl!, user.email))?.id).toBe(first.id)

    // Per client address (config.toml sign_in_sign_ups, a bucket of 30 as Supabase Auth's): one
    // address gets 30 /recover answers, then 429 (the bucket refills slowly while the loop runs).
    const burst = 30
    expect(localConfig().auth.rate_limit.sign_in_sign_ups).toBe(30)
    const fromIp = (email: string) =>
      fetchFrom('127.0.0.41')(`${stack.apiUrl}/auth/v1/recover`, {
        method: 'POST',
        headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      })
    for (let i = 0; i < burst; i++) expect((await fromIp(`ip-${i}-${uniq()}@encontro.test`)).status).toBe(200)
    let refused = await fromIp(`ip-last-${uniq()}@encontro.test`)
    for (let i = 0; i < 5 && refused.status === 200; i++) refused = await fromIp(`ip-more-${i}-${uniq()}@encontro.test`)
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

describe('the invite-user Edge Function', () => {
  const signedIn = async (email: string, password = 'encontro-demo') => {
    const client = anon()
    const { error } = await client.auth.signInWithPassword({ email, password })
    expect(error).toBeNull()
    return client
  }
  const invoke = async (client: SupabaseClient, body: Record<string, unknown>) => {
    const { data, error } = await client.functions.invoke('invite-user', { body })
    const status = error ? ((error as { context?: Response }).context?.status ?? 0) : 200
    const payload = error ? await (error as { context: Response }).context.json() : data
    return { status, body: payload as Record<string, unknown> }
  }

  it('refuses callers who are not admins (403) or not signed in (401)', async () => {
    const employee = await signedIn('joao@encontro.test')
    const res = await invoke(employee, { action: 'invite', email: `x-${uniq()}@encontro.test`, name: 'X', role: 'admin' })
    expect(res.status).toBe(403)
    expect(res.body.message).toBe('Só um administrador pode gerir convites.')
    expect((await invoke(anon(), { action: 'list' })).status).toBe(401)

    // Before the function runs, the platform refuses a token that is not this project's (verify_jwt).
    const forged = await new SignJWT({ role: 'service_role' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-project-secret-but-32-characters-long'))
    const platform = await fetch(`${stack.apiUrl}/functions/v1/invite-user`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, authorization: `Bearer ${forged}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'list' }),
    })
    expect(platform.status).toBe(401)
    expect(await platform.json()).toEqual({ code: 401, message: 'Invalid JWT' })
  })

  it('invites an employee of a company who then signs in to an empty sessions list; resend and revoke', async () => {
    const admin = await signedIn('admin@encontro.test')
    const { data: company } = await admin.from('companies').select('id').limit(1).single()
    const email = `colaborador-${uniq()}@encontro.test`
    const redirectTo = `${APP}/nova-palavra-passe`
    const missing = await invoke(admin, { action: 'invite', email, name: 'Nova Pessoa', role: 'user', redirectTo })
    expect(missing.status).toBe(400)
    expect(missing.body.error).toBe('company_required')

    const invited = await invoke(admin, { action: 'invite', email, name: 'Nova Pessoa', role: 'user', companyId: company!.id, redirectTo })
    expect(invited.status).toBe(200)
    const id = invited.body.id as string
    const first = await waitForMailTo(stack.mailUrl!, email)
    const listed = await invoke(admin, { action: 'list' })
    expect((listed.body.people as { id: string; acceptedAt: string | null }[]).find((p) => p.id === id)).toMatchObject({ acceptedAt: null })

    // Resent: a new e-mail, and the first link no longer works.
    expect((await invoke(admin, { action: 'resend', userId: id, redirectTo })).status).toBe(200)
    const second = await waitForMailTo(stack.mailUrl!, email, first.id)
    expect((await follow(linkIn(first.html, '/auth/v1/verify')!)).get('error_code')).toBe('otp_expired')

    const fragment = await follow(linkIn(second.html, '/auth/v1/verify')!)
    const person = anon()
    await person.auth.setSession({ access_token: fragment.get('access_token')!, refresh_token: fragment.get('refresh_token')! })
    expect((await person.auth.updateUser({ password: 'primeira-palavra-1' })).error).toBeNull()
    const { data: profile } = await person.from('profiles').select('role, company_id, name').eq('id', id).single()
    expect(profile).toEqual({ role: 'user', company_id: company!.id, name: 'Nova Pessoa' })
    const { data: sessions, error } = await person.from('bookings').select('id')
    expect(error).toBeNull()
    expect(sessions).toEqual([])

    // Accepted: no resend, no revoke.
    expect((await invoke(admin, { action: 'revoke', userId: id })).status).toBe(409)
  })

  it('revokes a pending invitation: the person and the link are gone', async () => {
    const admin = await signedIn('admin@encontro.test')
    const email = `prestador-${uniq()}@encontro.test`
    const noArea = await invoke(admin, { action: 'invite', email, name: 'Prestador Novo', role: 'prestador' })
    expect(noArea.body.error).toBe('area_required')
    const invited = await invoke(admin, { action: 'invite', email, name: 'Prestador Novo', role: 'prestador', pillar: 'saude_mental', redirectTo: `${APP}/nova-palavra-passe` })
    expect(invited.status).toBe(200)
    const { data: entry } = await admin.from('prestadores').select('pillar').eq('id', invited.body.id as string).single()
    expect(entry).toEqual({ pillar: 'saude_mental' })
    const mail = await waitForMailTo(stack.mailUrl!, email)
    expect((await invoke(admin, { action: 'revoke', userId: invited.body.id })).status).toBe(200)
    expect((await follow(linkIn(mail.html, '/auth/v1/verify')!)).get('error_code')).toBe('otp_expired')
    const { data: gone } = await admin.from('profiles').select('id').eq('id', invited.body.id as string)
    expect(gone).toEqual([])
  })
})
