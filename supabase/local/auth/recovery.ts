/**
 * LOCAL STACK ONLY: Supabase Auth's e-mail flows as supabase-js calls them (implicit flow, the
 * app's setting): POST /recover, POST /invite (service role), GET /verify (the link in the
 * e-mail: redirect with the session or the error in the #fragment), POST /verify (verifyOtp
 * with token_hash), and PUT /user for the new password. Modelled on supabase/auth
 * internal/api/{recover,invite,verify,mail,user}.go.
 */
import type http from 'node:http'
import type { JWTPayload } from 'jose'
import type pg from 'pg'
import { newEmailToken, redirectOrSite, sendAuthEmail, type EmailKind, type MailerSettings } from './mailer.ts'
import { AuthError, createSession, findUserById, isBanned, withTransaction, type UserRow } from './users.ts'

export interface AccountRouteDeps {
  db: pg.Pool
  settings: MailerSettings
  /** the API's public URL (links in e-mails point at its /auth/v1/verify) */
  externalUrl: string
  readJson(req: http.IncomingMessage): Promise<Record<string, unknown>>
  send(res: http.ServerResponse, status: number, body?: unknown, headers?: Record<string, string>): void
  requireUser(req: http.IncomingMessage): Promise<{ claims: JWTPayload; user: UserRow }>
  requireAdmin(req: http.IncomingMessage): Promise<void>
  userJson(user: UserRow): Promise<Record<string, unknown>>
  tokenResponse(user: UserRow, sessionId: string, refreshToken: string): Promise<Record<string, unknown> & { access_token: string; refresh_token: string; expires_in: number; expires_at: number; token_type: string }>
}

/** A sliding one-hour window of events per key (GoTrue keeps these in memory too). */
export class HourlyLimiter {
  private readonly events = new Map<string, number[]>()
  constructor(private readonly perHour: number) {}
  allow(key: string, now = Date.now()): boolean {
    const recent = (this.events.get(key) ?? []).filter((t) => t > now - 3_600_000)
    const ok = recent.length < this.perHour
    if (ok) recent.push(now)
    this.events.set(key, recent)
    return ok
  }
}

const LINK_INVALID = 'Email link is invalid or has expired'

function validEmail(v: unknown): string {
  const email = typeof v === 'string' ? v.trim().toLowerCase() : ''
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format')
  }
  return email
}

const clientIp = (req: http.IncomingMessage) =>
  String(req.headers['x-forwarded-for'] ?? '').split(',')[0]!.trim() || req.socket.remoteAddress || 'unknown'

export function accountRoutes(deps: AccountRouteDeps) {
  const { db, settings: s } = deps
  const emailLimiter = new HourlyLimiter(s.emailsPerHour)
  const recoverIpLimiter = new HourlyLimiter(s.recoverPerIpPerHour)

  async function findByEmail(email: string): Promise<(UserRow & { recovery_sent_at: Date | null }) | undefined> {
    const { rows } = await db.query<{ id: string; recovery_sent_at: Date | null }>(
      `select id, recovery_sent_at from auth.users
        where lower(email) = $1 and deleted_at is null and is_sso_user = false limit 1`,
      [email],
    )
    if (!rows[0]) return undefined
    return { ...(await findUserById(db, rows[0].id))!, recovery_sent_at: rows[0].recovery_sent_at }
  }

  /** mail.go sendEmail: the project-wide e-mail limit, then the e-mail through SMTP. */
  async function mail(kind: EmailKind, user: UserRow, otp: string, tokenHash: string, redirectTo: string) {
    if (!emailLimiter.allow('project')) {
      throw new AuthError(429, 'over_email_send_rate_limit', 'email rate limit exceeded')
    }
    const confirmationUrl = `${deps.externalUrl}/auth/v1/verify?${new URLSearchParams({ token: tokenHash, type: kind, redirect_to: redirectTo })}`
    try {
      await sendAuthEmail(
        s,
        kind,
        user.email!,
        { ConfirmationURL: confirmationUrl, Token: otp, TokenHash: tokenHash, SiteURL: s.siteUrl, Email: user.email!, RedirectTo: redirectTo },
        user.raw_user_meta_data ?? {},
      )
    } catch (err) {
      process.stderr.write(`[auth] sending ${kind} e-mail: ${(err as Error).message}\n`)
      throw new AuthError(500, 'unexpected_failure', `Error sending ${kind} email`)
    }
  }

  async function recover(req: http.IncomingMessage, url: URL) {
    if (!recoverIpLimiter.allow(clientIp(req))) {
      throw new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached')
    }
    const body = await deps.readJson(req)
    if (!body.email) throw new AuthError(400, 'validation_failed', 'Password recovery requires an email')
    const email = validEmail(body.email)
    const user = await findByEmail(email)
    // Unknown addresses get the same answer: nobody learns who has an account.
    if (!user) return {}
    const sentAt = user.recovery_sent_at
    if (sentAt && sentAt.getTime() + s.maxFrequencySeconds * 1000 > Date.now()) {
      const left = Math.floor((sentAt.getTime() + s.maxFrequencySeconds * 1000 - Date.now()) / 1000)
      throw new AuthError(429, 'over_email_send_rate_limit', `For security purposes, you can only request this after ${left} seconds.`)
    }
    const { otp, tokenHash } = newEmailToken(email)
    await mail('recovery', user, otp, tokenHash, redirectOrSite(s, url.searchParams.get('redirect_to')))
    await db.query(`update auth.users set recovery_token = $2, recovery_sent_at = now() where id = $1`, [user.id, tokenHash])
    return {}
  }

  async function invite(req: http.IncomingMessage, url: URL) {
    await deps.requireAdmin(req)
    const body = await deps.readJson(req)
    const email = validEmail(body.email)
    const data = body.data && typeof body.data === 'object' ? (body.data as Record<string, unknown>) : {}
    let user: UserRow | undefined = await findByEmail(email)
    if (user?.email_confirmed_at) {
      throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
    }
    if (!user) {
      user = await withTransaction(db, async (c) => {
        const { rows } = await c.query<{ id: string }>(
          `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data,
                                   raw_user_meta_data, created_at, updated_at, is_super_admin,
                                   confirmation_token, recovery_token, email_change_token_new, email_change)
           values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1,
                   '', '{"provider":"email","providers":["email"]}', $2, now(), now(), false, '', '', '', '')
           returning id`,
          [email, data],
        )
        const id = rows[0]!.id
        await c.query(
          `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
           values ($1::text, $1::uuid, $2, 'email', now(), now())`,
          [id, { sub: id, email, email_verified: false, phone_verified: false }],
        )
        return (await findUserById(c, id))!
      })
    }
    const { otp, tokenHash } = newEmailToken(email)
    await mail('invite', user, otp, tokenHash, redirectOrSite(s, url.searchParams.get('redirect_to')))
    await db.query(
      `update auth.users set confirmation_token = $2, confirmation_sent_at = now(), invited_at = now() where id = $1`,
      [user.id, tokenHash],
    )
    return deps.userJson((await findUserById(db, user.id))!)
  }

  /** verify.go verifyTokenHash + signupVerify / recoverVerify: single use, expiring. */
  async function consume(type: string, tokenHash: string) {
    if (type !== 'recovery' && type !== 'invite') {
      throw new AuthError(400, 'validation_failed', 'Unsupported verification type')
    }
    if (!tokenHash) throw new AuthError(403, 'otp_expired', LINK_INVALID)
    const [tokenCol, sentCol] = type === 'recovery' ? ['recovery_token', 'recovery_sent_at'] : ['confirmation_token', 'confirmation_sent_at']
    return withTransaction(db, async (c) => {
      const { rows } = await c.query<{ id: string; sent_at: Date | null }>(
        `select id, ${sentCol} as sent_at from auth.users where ${tokenCol} = $1 and deleted_at is null for update`,
        [tokenHash],
      )
      const row = rows[0]
      if (!row) throw new AuthError(403, 'otp_expired', LINK_INVALID)
      const user = (await findUserById(c, row.id))!
      if (isBanned(user)) throw new AuthError(403, 'user_banned', 'User is banned')
      if (!row.sent_at || row.sent_at.getTime() + s.otpExpirySeconds * 1000 < Date.now()) {
        throw new AuthError(403, 'otp_expired', LINK_INVALID)
      }
      // Following the link proves the address, for an invitation and a recovery alike.
      await c.query(
        `update auth.users set ${tokenCol} = '', email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() where id = $1`,
        [row.id],
      )
      await c.query(
        `update auth.identities set identity_data = identity_data || '{"email_verified": true}' where user_id = $1 and provider = 'email'`,
        [row.id],
      )
      const { sessionId, refreshToken } = await createSession(c, row.id)
      return { user: (await findUserById(c, row.id))!, sessionId, refreshToken }
    })
  }

  /** GET /verify: the link in the e-mail. Redirects (303) with the session, or the error, in the fragment. */
  async function verifyGet(url: URL, res: http.ServerResponse) {
    const type = url.searchParams.get('type') ?? ''
    const redirectTo = redirectOrSite(s, url.searchParams.get('redirect_to'))
    const target = new URL(redirectTo)
    try {
      const { user, sessionId, refreshToken } = await consume(type, url.searchParams.get('token') ?? '')
      const t = await deps.tokenResponse(user, sessionId, refreshToken)
      target.hash = new URLSearchParams({
        access_token: t.access_token,
        expires_at: String(t.expires_at),
        expires_in: String(t.expires_in),
        refresh_token: t.refresh_token,
        token_type: t.token_type,
        type,
      }).toString()
    } catch (err) {
      if (!(err instanceof AuthError) || err.status >= 500) throw err
      const hq = new URLSearchParams()
      const oauth = { 400: 'invalid_request', 401: 'unauthorized_client', 403: 'access_denied', 429: 'temporarily_unavailable' }[err.status]
      if (oauth) hq.set('error', oauth)
      hq.set('error_code', err.errorCode)
      hq.set('error_description', err.message)
      hq.set('sb', '')
      target.hash = hq.toString()
    }
    res.writeHead(303, { location: target.toString(), 'content-length': '0' })
    res.end()
  }

  /** POST /verify {type, token_hash}: supabase-js verifyOtp. */
  async function verifyPost(req: http.IncomingMessage) {
    const body = await deps.readJson(req)
    const { user, sessionId, refreshToken } = await consume(String(body.type ?? ''), String(body.token_hash ?? ''))
    return deps.tokenResponse(user, sessionId, refreshToken)
  }

  /** Handles the request if it is one of these routes; false otherwise. */
  return async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL, p: string, method: string): Promise<boolean> {
    if (p === '/recover' && method === 'POST') {
      deps.send(res, 200, await recover(req, url))
    } else if (p === '/invite' && method === 'POST') {
      deps.send(res, 200, await invite(req, url))
    } else if (p === '/verify' && method === 'GET') {
      await verifyGet(url, res)
    } else if (p === '/verify' && method === 'POST') {
      deps.send(res, 200, await verifyPost(req))
    } else if (p === '/user' && method === 'PUT') {
      deps.send(res, 200, await updateUser(deps, req))
    } else {
      return false
    }
    return true
  }
}

/**
 * PUT /user (user.go UserUpdate), password and user_metadata only. A new password ends the
 * user's other sessions, as GoTrue does. (Kept apart: the auth-parity branch adds one too.)
 */
export async function updateUser(deps: Pick<AccountRouteDeps, 'db' | 'readJson' | 'requireUser' | 'userJson'>, req: http.IncomingMessage) {
  const { claims, user } = await deps.requireUser(req)
  const body = await deps.readJson(req)
  const password = typeof body.password === 'string' ? body.password : undefined
  const data = body.data && typeof body.data === 'object' ? body.data : undefined
  await withTransaction(deps.db, async (c) => {
    if (password !== undefined) {
      if (password.length < 6) throw new AuthError(422, 'weak_password', 'Password should be at least 6 characters.')
      const { rows } = await c.query<{ same: boolean }>(
        `select encrypted_password like '$2%' and encrypted_password = extensions.crypt($2, encrypted_password) as same
           from auth.users where id = $1`,
        [user.id, password],
      )
      if (rows[0]?.same) {
        throw new AuthError(422, 'same_password', 'New password should be different from the old password.')
      }
      await c.query(
        `update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf', 10)), updated_at = now() where id = $1`,
        [user.id, password],
      )
      const sessionId = typeof claims.session_id === 'string' ? claims.session_id : undefined
      if (sessionId) await c.query(`delete from auth.sessions where user_id = $1 and id <> $2`, [user.id, sessionId])
    }
    if (data) {
      await c.query(
        `update auth.users set raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || $2::jsonb, updated_at = now() where id = $1`,
        [user.id, data],
      )
    }
  })
  return deps.userJson((await findUserById(deps.db, user.id))!)
}

