/**
 * LOCAL STACK ONLY: a small stand-in for GoTrue (Supabase Auth) speaking the subset of its
 * HTTP API that supabase-js uses for email/password logins. Never imported by src/.
 * Settings come from supabase/config.toml [auth] (see ../config.ts).
 *
 *   POST /token?grant_type=password | refresh_token     GET /user, PUT /user
 *   POST /logout?scope=global|local|others              GET /health, GET /settings
 *   POST /recover, GET|POST /verify (recovery, invite)  POST /invite (service_role JWT)
 *   GET|POST /admin/users, GET|PUT|DELETE /admin/users/:id   (service_role JWT)
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose'
import type pg from 'pg'
import type { AuthSettings } from '../config.ts'
import { secretKey } from '../keys.ts'
import { pool as makePool } from '../postgres.ts'
import { adminCreateUser, adminDeleteUser, adminListUsers, adminUpdateUser, parseAdminAttributes } from './admin.ts'
import { inviteUser, newOtp, startRecovery, tokenHash, verifyTokenHash, verifyType, type VerifyType } from './email-flows.ts'
import { API_VERSION_HEADER, AuthError, errorAnswer, unexpectedFailure, wants2024Errors } from './errors.ts'
import { composeEmail, logMailer, type Mailer } from './mailer.ts'
import { authLimiters, clientAddress, normaliseAddress, TokenBuckets, tooManyRequests } from './rate-limit.ts'
import {
  checkPassword,
  createSession,
  findUserById,
  isBanned,
  isCurrentPassword,
  logout,
  makeDummyHash,
  mergeMetadata,
  rotateRefreshToken,
  sessionExists,
  setPassword,
  userJson,
  withTransaction,
  type IssuedSession,
  type UserRow,
} from './users.ts'
import { checkPasswordStrength, optionalObject, optionalString, pagination, redirectTarget, validateEmail } from './validate.ts'
export interface AuthServerOptions {
  /** Where the auth service reads and writes auth.* (the one place its connection is set up). */
  dbUrl: string
  jwtSecret: string
  /** `iss` of access tokens, e.g. http://127.0.0.1:54321/auth/v1 */
  issuer: string
  /** supabase/config.toml [auth], possibly with values a test overrides */
  settings: AuthSettings
  /**
   * Client addresses the rate limits skip. Test and bench stacks list 127.0.0.1, from which
   * their suites sign in hundreds of times; the rate-limit tests come from other loopback
   * addresses and meet config.toml's numbers.
   */
  rateLimitExempt?: string[]
  /** how recovery and invitation e-mails leave (default: printed on stderr) */
  mailer?: Mailer
  port?: number
}

export interface RunningAuthServer {
  url: string
  stop(): Promise<void>
}

const ADMIN_ROLES = new Set(['service_role', 'supabase_admin'])
const MAX_BODY_BYTES = 1 << 20 // upstream's limitRequestBody(1 MB)

/** Successful answers say which API version the service speaks; error answers follow errors.ts. */
const SPEAKS_2024 = { [API_VERSION_HEADER]: '2024-01-01' }

function send(res: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = SPEAKS_2024) {
  const payload = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    'content-length': Buffer.byteLength(payload),
    ...headers,
  })
  res.end(payload)
}

/** The JSON object body; anything else (not JSON, an array, a number) is 400 bad_json. */
async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) {
      throw new AuthError(413, 'request_entity_too_large', `Request body too large (max ${MAX_BODY_BYTES} bytes)`)
    }
    chunks.push(chunk as Buffer)
  }
  if (size === 0) return {}
  let v: unknown
  try {
    v = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON')
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON: expected an object')
  }
  return v as Record<string, unknown>
}

export async function startAuthServer(opts: AuthServerOptions): Promise<RunningAuthServer> {
  const key = secretKey(opts.jwtSecret)
  const settings = opts.settings
  const ttl = settings.jwt_expiry
  const db: pg.Pool = makePool(opts.dbUrl, 5)
  const dummyHash = await makeDummyHash(db).catch(async (err: unknown) => {
    await db.end()
    throw err
  })
  const limiters = authLimiters(settings.rate_limit)
  const mailer = opts.mailer ?? logMailer
  // Supabase Auth's email_sent: e-mails per hour for the whole project, not per address.
  const emailBudget = new TokenBuckets(settings.rate_limit.email_sent / 3600, settings.rate_limit.email_sent)
  /** Where the auth service is mounted on the gateway (the issuer's path, /auth/v1). */
  const basePath = new URL(opts.issuer).pathname.replace(/\/+$/, '')
  const exempt = new Set((opts.rateLimitExempt ?? []).map(normaliseAddress))

  function limit(bucket: TokenBuckets, req: http.IncomingMessage) {
    const client = clientAddress(req)
    if (!exempt.has(client) && !bucket.take(client)) throw tooManyRequests()
  }

  async function verify(req: http.IncomingMessage): Promise<JWTPayload> {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
    if (!m) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token')
    try {
      const { payload } = await jwtVerify(m[1]!, key, { algorithms: ['HS256'] })
      return payload
    } catch (err) {
      const reason =
        err instanceof joseErrors.JWTExpired
          ? 'token has invalid claims: token is expired'
          : err instanceof joseErrors.JWSSignatureVerificationFailed
            ? 'signature is invalid'
            : 'token is malformed'
      throw new AuthError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${reason}`)
    }
  }

  /**
   * Authenticated end user (/user, /logout), in upstream's order: the sub must exist, then the
   * session, then the user must not be banned (tokens issued before a ban are refused).
   */
  async function requireUser(req: http.IncomingMessage): Promise<{ sessionId?: string; user: UserRow }> {
    const claims = await verify(req)
    if (!claims.sub) throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim')
    const user = await findUserById(db, claims.sub)
    if (!user) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist')
    const sessionId = typeof claims.session_id === 'string' ? claims.session_id : undefined
    if (sessionId !== undefined && !(await sessionExists(db, sessionId))) {
      throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist')
    }
    if (isBanned(user)) throw new AuthError(403, 'user_banned', 'User is banned')
    return { sessionId, user }
  }

  async function requireAdmin(req: http.IncomingMessage): Promise<void> {
    const claims = await verify(req)
    if (!ADMIN_ROLES.has(String(claims.role))) throw new AuthError(403, 'not_admin', 'User not allowed')
  }

  async function tokenResponse(user: UserRow, issued: IssuedSession) {
    const now = Math.floor(Date.now() / 1000)
    const exp = now + ttl
    const accessToken = await new SignJWT({
      aud: 'authenticated',
      role: user.role ?? 'authenticated',
      email: user.email ?? '',
      phone: user.phone ?? '',
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      aal: 'aal1',
      // When the person signed in, not when this token was made (upstream keeps it in the session).
      amr: [{ method: 'password', timestamp: Math.floor(issued.authenticatedAt.getTime() / 1000) }],
      session_id: issued.sessionId,
      is_anonymous: false,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(opts.issuer)
      .setSubject(user.id)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(key)
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: ttl,
      expires_at: exp,
      refresh_token: issued.refreshToken,
      user: await userJson(db, user),
    }
  }

  async function passwordGrant(body: Record<string, unknown>) {
    const email = optionalString(body, 'email') ?? ''
    const password = optionalString(body, 'password') ?? ''
    if (!email) throw new AuthError(400, 'validation_failed', 'missing email or phone')
    const user = await checkPassword(db, email, password, dummyHash)
    if (!user) throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials')
    if (isBanned(user)) throw new AuthError(400, 'user_banned', 'User is banned')
    if (!user.email_confirmed_at) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed')
    const issued = await withTransaction(db, (c) => createSession(c, user.id))
    return tokenResponse((await findUserById(db, user.id))!, issued)
  }

  async function refreshGrant(body: Record<string, unknown>) {
    const token = optionalString(body, 'refresh_token') ?? ''
    if (!token) throw new AuthError(400, 'validation_failed', 'refresh_token required')
    const rotated = await withTransaction(db, (c) =>
      rotateRefreshToken(c, token, {
        reuseIntervalSeconds: settings.refresh_token_reuse_interval,
        rotation: settings.enable_refresh_token_rotation,
      }),
    )
    if (rotated === 'reused') {
      throw new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used')
    }
    const user = await findUserById(db, rotated.userId)
    if (!user || user.deleted_at) throw new AuthError(400, 'user_not_found', 'User not found')
    if (isBanned(user)) throw new AuthError(400, 'user_banned', 'Invalid Refresh Token: User Banned')
    return tokenResponse(user, rotated)
  }

  /** PUT /user (supabase-js updateUser): password and user_metadata, as internal/api/user.go. */
  async function updateUser(req: http.IncomingMessage, body: Record<string, unknown>) {
    const { sessionId, user } = await requireUser(req)
    const password = optionalString(body, 'password')
    const data = optionalObject(body, 'data')
    const email = optionalString(body, 'email')
    const phone = optionalString(body, 'phone')
    if (password !== undefined) checkPasswordStrength(password, settings.minimum_password_length)
    if (optionalObject(body, 'app_metadata') !== undefined) {
      throw new AuthError(403, 'not_admin', 'Updating app_metadata requires admin privileges')
    }
    if ((email && email.toLowerCase() !== user.email) || (phone && phone !== user.phone)) {
      // Upstream sends a confirmation message first; the local service sends no e-mail or SMS.
      throw new AuthError(422, 'validation_failed', 'Changing the email or phone is not supported by the local auth service')
    }
    if (password && (await isCurrentPassword(db, user.id, password))) {
      throw new AuthError(422, 'same_password', 'New password should be different from the old password.')
    }
    await withTransaction(db, async (c) => {
      if (password !== undefined) await setPassword(c, user.id, password, sessionId)
      if (data) {
        await c.query(`update auth.users set raw_user_meta_data = $2, updated_at = now() where id = $1`, [
          user.id,
          mergeMetadata(user.raw_user_meta_data, data),
        ])
      }
    })
    return userJson(db, (await findUserById(db, user.id))!)
  }

  const redirectFor = (requested: string | null | undefined) =>
    redirectTarget(requested, settings.site_url, settings.additional_redirect_urls)

  /** Sends one e-mail with the link GET /verify answers, counting it against email_sent. */
  async function sendEmail(type: VerifyType, to: string, otp: string, redirectTo: string, data: Record<string, unknown>) {
    if (!emailBudget.take('project')) {
      throw new AuthError(429, 'over_email_send_rate_limit', 'email rate limit exceeded')
    }
    const hash = tokenHash(to, otp)
    const link = `${opts.issuer}/verify?${new URLSearchParams({ token: hash, type, redirect_to: redirectTo })}`
    await mailer.send(composeEmail(type, { to, link, tokenHash: hash, otp, redirectTo, data }))
  }

  /** POST /verify (supabase-js verifyOtp) and GET /verify (the e-mail's link): uses the code. */
  async function verifyCode(type: VerifyType, hash: string) {
    const { user, issued } = await withTransaction(db, async (c) => {
      const verified = await verifyTokenHash(c, type, hash, settings.email.otp_expiry)
      return { user: verified, issued: await createSession(c, verified.id) }
    })
    return tokenResponse((await findUserById(db, user.id))!, issued)
  }

  /** The e-mail's link: 303 to redirect_to with the session (or the error) in the fragment, as upstream. */
  async function verifyLink(url: URL, res: http.ServerResponse) {
    const redirectTo = redirectFor(url.searchParams.get('redirect_to'))
    const fragment = new URLSearchParams()
    try {
      const token = url.searchParams.get('token')
      if (!token) throw new AuthError(400, 'validation_failed', 'Verify requires a token or a token hash')
      const type = verifyType(url.searchParams.get('type') ?? undefined)
      const session = await verifyCode(type, token)
      fragment.set('access_token', session.access_token)
      fragment.set('expires_at', String(session.expires_at))
      fragment.set('expires_in', String(session.expires_in))
      fragment.set('refresh_token', session.refresh_token)
      fragment.set('token_type', 'bearer')
      fragment.set('type', type)
    } catch (err) {
      if (!(err instanceof AuthError)) throw err
      const oauth: Record<number, string> = { 400: 'invalid_request', 401: 'unauthorized_client', 403: 'access_denied' }
      if (oauth[err.status]) fragment.set('error', oauth[err.status]!)
      fragment.set('error_code', err.errorCode)
      fragment.set('error_description', err.message)
    }
    fragment.set('sb', '')
    fragment.sort()
    const target = new URL(redirectTo)
    target.hash = fragment.toString()
    res.writeHead(303, { location: target.toString(), 'content-length': 0 })
    res.end()
  }

  /**
   * The request's path under the service. The gateway strips its route's prefix; for the
   * routes under /auth/v1 (e.g. /auth/v1/verify) the rest of it is in X-Forwarded-Prefix.
   */
  function servicePath(req: http.IncomingMessage, url: URL): string {
    const p = url.pathname.replace(/\/+$/, '') || '/'
    const prefix = String(req.headers['x-forwarded-prefix'] ?? '')
    const sub = prefix.startsWith(`${basePath}/`) ? prefix.slice(basePath.length) : ''
    if (!sub || p === sub || p.startsWith(`${sub}/`)) return p
    return p === '/' ? sub : sub + p
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://auth.local')
    const method = req.method ?? 'GET'
    const p = servicePath(req, url)

    if (p === '/health' && method === 'GET') {
      return send(res, 200, { version: 'local', name: 'GoTrue', description: 'Encontro local auth (local stack only)' })
    }
    if (p === '/settings' && method === 'GET') {
      return send(res, 200, {
        external: { email: true, phone: false, anonymous_users: false },
        disable_signup: !settings.enable_signup,
        mailer_autoconfirm: false,
        phone_autoconfirm: false,
        sms_provider: '',
        saml_enabled: false,
      })
    }
    if (p === '/token' && method === 'POST') {
      const grant = url.searchParams.get('grant_type')
      if (grant !== 'password' && grant !== 'refresh_token') {
        throw new AuthError(400, 'invalid_credentials', 'unsupported_grant_type')
      }
      limit(limiters.token, req)
      const body = await readJson(req)
      return send(res, 200, grant === 'password' ? await passwordGrant(body) : await refreshGrant(body))
    }
    if (p === '/user' && method === 'GET') {
      const { user } = await requireUser(req)
      return send(res, 200, await userJson(db, user))
    }
    if (p === '/user' && method === 'PUT') {
      limit(limiters.user, req)
      return send(res, 200, await updateUser(req, await readJson(req)))
    }
    if (p === '/logout' && method === 'POST') {
      const { sessionId, user } = await requireUser(req)
      const scope = url.searchParams.get('scope') ?? 'global'
      if (!['global', 'local', 'others'].includes(scope)) {
        throw new AuthError(400, 'validation_failed', `Unsupported logout scope "${scope}"`)
      }
      await logout(db, user.id, sessionId, scope)
      return send(res, 204)
    }
    if (p === '/recover' && method === 'POST') {
      limit(limiters.user, req)
      const email = validateEmail(optionalString(await readJson(req), 'email') ?? '')
      const otp = newOtp()
      // No answer says whether the e-mail has an account.
      await withTransaction(db, async (c) => {
        const found = await startRecovery(c, email, otp, settings.email.max_frequency_seconds)
        if (found) {
          await sendEmail('recovery', email, otp, redirectFor(url.searchParams.get('redirect_to')), found.raw_user_meta_data ?? {})
        }
      })
      return send(res, 200, {})
    }
    if (p === '/verify' && method === 'GET') {
      limit(limiters.verify, req)
      return verifyLink(url, res)
    }
    if (p === '/verify' && method === 'POST') {
      limit(limiters.verify, req)
      const body = await readJson(req)
      const type = verifyType(optionalString(body, 'type'))
      const hash = optionalString(body, 'token_hash')
      const code = optionalString(body, 'token')
      if (!hash === !code) throw new AuthError(400, 'validation_failed', 'Verify requires either a token or a token hash')
      const email = code ? validateEmail(optionalString(body, 'email') ?? '') : ''
      return send(res, 200, await verifyCode(type, hash ?? tokenHash(email, code!)))
    }
    if (p === '/invite' && method === 'POST') {
      await requireAdmin(req)
      const body = await readJson(req)
      const email = validateEmail(optionalString(body, 'email') ?? '')
      const data = optionalObject(body, 'data') ?? {}
      const otp = newOtp()
      const user = await withTransaction(db, async (c) => {
        const invited = await inviteUser(c, email, data, otp)
        await sendEmail('invite', email, otp, redirectFor(url.searchParams.get('redirect_to')), invited.raw_user_meta_data ?? data)
        return invited
      })
      return send(res, 200, await userJson(db, (await findUserById(db, user.id))!))
    }
    if (p === '/signup' && method === 'POST') {
      limit(limiters.user, req)
      if (!settings.enable_signup) throw new AuthError(422, 'signup_disabled', 'Signups not allowed for this instance')
      throw new AuthError(501, 'not_implemented', 'Sign-ups are not implemented by the local auth service')
    }
    if (p === '/admin/users') {
      await requireAdmin(req)
      if (method === 'POST') {
        const attrs = parseAdminAttributes(await readJson(req), settings.minimum_password_length)
        return send(res, 200, await userJson(db, await adminCreateUser(db, attrs)))
      }
      if (method === 'GET') {
        const { page, perPage } = pagination(url.searchParams)
        const { users, total } = await adminListUsers(db, page, perPage)
        const lastPage = Math.ceil(total / perPage)
        const links = [`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`]
        if (page < lastPage) links.unshift(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`)
        return send(
          res,
          200,
          { aud: 'authenticated', users: await Promise.all(users.map((u) => userJson(db, u))) },
          { ...SPEAKS_2024, 'x-total-count': String(total), link: links.join(', ') },
        )
      }
    }
    const adminUser = /^\/admin\/users\/([^/]+)$/.exec(p)
    if (adminUser) {
      await requireAdmin(req)
      const id = decodeURIComponent(adminUser[1]!)
      if (method === 'GET') {
        const user = await findUserById(db, id)
        if (!user) throw new AuthError(404, 'user_not_found', 'User not found')
        return send(res, 200, await userJson(db, user))
      }
      if (method === 'PUT') {
        const attrs = parseAdminAttributes(await readJson(req), settings.minimum_password_length)
        return send(res, 200, await userJson(db, await adminUpdateUser(db, id, attrs)))
      }
      if (method === 'DELETE') {
        await adminDeleteUser(db, id)
        return send(res, 200, {})
      }
    }
    throw new AuthError(404, 'not_found', 'Not Found')
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy()
      let known = err instanceof AuthError ? err : undefined
      // Postgres "data exception" (22xxx): input it cannot take, e.g. a malformed value. A client error.
      if (!known && /^22/.test(String((err as { code?: unknown }).code))) {
        known = new AuthError(400, 'validation_failed', 'Invalid input')
      }
      if (!known) {
        process.stderr.write(`[auth] ${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}\n`)
        known = unexpectedFailure()
      }
      const answer = errorAnswer(known, wants2024Errors(req))
      send(res, answer.status, answer.body, answer.headers)
    })
  })
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  let stopping: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}`,
    stop() {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
        await db.end()
      })()
      return stopping
    },
  }
}
