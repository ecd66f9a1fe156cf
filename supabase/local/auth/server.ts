/**
 * LOCAL STACK ONLY: a small stand-in for GoTrue (Supabase Auth) speaking the subset of its
 * HTTP API that supabase-js uses for email/password logins. Never imported by src/.
 *
 *   POST /token?grant_type=password | refresh_token     GET /user
 *   POST /logout?scope=global|local|others              GET /health, GET /settings
 *   GET|POST /admin/users, GET|PUT|DELETE /admin/users/:id   (service_role JWT)
 *   POST /recover, POST /invite, GET|POST /verify, PUT /user    (recovery.ts)
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose'
import type pg from 'pg'
import { secretKey } from '../keys.ts'
import { pool as makePool } from '../postgres.ts'
import { readMailerSettings, type MailerSettings } from './mailer.ts'
import { accountRoutes } from './recovery.ts'
import {
  adminCreateUser,
  adminDeleteUser,
  adminListUsers,
  adminUpdateUser,
  AuthError,
  checkPassword,
  createSession,
  findUserById,
  isBanned,
  logout,
  rotateRefreshToken,
  sessionExists,
  userJson,
  withTransaction,
  type AdminUserAttributes,
  type UserRow,
} from './users.ts'

export interface AuthServerOptions {
  /** superuser connection string (GoTrue uses supabase_auth_admin on hosted projects) */
  dbUrl: string
  jwtSecret: string
  /** access token lifetime, seconds (GoTrue default 3600) */
  accessTokenTtlSeconds?: number
  /** `iss` of access tokens, e.g. http://127.0.0.1:54321/auth/v1 */
  issuer: string
  port?: number
  /** e-mail settings of recovery / invite (default: supabase/config.toml, no SMTP server) */
  mail?: MailerSettings
}

export interface RunningAuthServer {
  url: string
  stop(): Promise<void>
}

const API_VERSION_HEADER = { 'x-supabase-api-version': '2024-01-01' }
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin'])

function send(res: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  const payload = body === undefined ? '' : JSON.stringify(body)
  res.writeHead(status, {
    ...API_VERSION_HEADER,
    ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    'content-length': Buffer.byteLength(payload),
    ...headers,
  })
  res.end(payload)
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > 1_000_000) throw new AuthError(413, 'request_too_large', 'Request body too large')
    chunks.push(chunk as Buffer)
  }
  if (size === 0) return {}
  try {
    const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {}
  } catch {
    throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON')
  }
}

export async function startAuthServer(opts: AuthServerOptions): Promise<RunningAuthServer> {
  const key = secretKey(opts.jwtSecret)
  const ttl = opts.accessTokenTtlSeconds ?? 3600
  const db: pg.Pool = makePool(opts.dbUrl, 5)

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

  /** Authenticated end user (GET /user, /logout): the sub must exist and so must the session. */
  async function requireUser(req: http.IncomingMessage): Promise<{ claims: JWTPayload; user: UserRow }> {
    const claims = await verify(req)
    if (!claims.sub) throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim')
    const user = await findUserById(db, claims.sub)
    if (!user) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist')
    const sessionId = claims.session_id
    if (typeof sessionId === 'string' && !(await sessionExists(db, sessionId))) {
      throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist')
    }
    return { claims, user }
  }

  async function requireAdmin(req: http.IncomingMessage): Promise<void> {
    const claims = await verify(req)
    if (!ADMIN_ROLES.has(String(claims.role))) throw new AuthError(403, 'not_admin', 'User not allowed')
  }

  async function tokenResponse(user: UserRow, sessionId: string, refreshToken: string) {
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
      amr: [{ method: 'password', timestamp: now }],
      session_id: sessionId,
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
      refresh_token: refreshToken,
      user: await userJson(db, user),
    }
  }

  const accounts = accountRoutes({
    db,
    settings: opts.mail ?? readMailerSettings(),
    externalUrl: opts.issuer.replace(/\/auth\/v1$/, ''),
    readJson,
    send,
    requireUser,
    requireAdmin,
    userJson: (u) => userJson(db, u),
    tokenResponse,
  })

  async function passwordGrant(body: Record<string, unknown>) {
    const email = typeof body.email === 'string' ? body.email : ''
    const password = typeof body.password === 'string' ? body.password : ''
    if (!email || !password) {
      throw new AuthError(400, 'validation_failed', 'missing email or phone')
    }
    const user = await checkPassword(db, email, password)
    if (!user) throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials')
    if (!user.email_confirmed_at) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed')
    if (isBanned(user)) throw new AuthError(400, 'user_banned', 'User is banned')
    const { sessionId, refreshToken } = await withTransaction(db, (c) => createSession(c, user.id))
    return tokenResponse((await findUserById(db, user.id))!, sessionId, refreshToken)
  }

  async function refreshGrant(body: Record<string, unknown>) {
    const token = typeof body.refresh_token === 'string' ? body.refresh_token : ''
    if (!token) throw new AuthError(400, 'validation_failed', 'refresh_token required')
    const rotated = await withTransaction(db, (c) => rotateRefreshToken(c, token))
    if (rotated === 'reused') {
      throw new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used')
    }
    const user = await findUserById(db, rotated.userId)
    if (!user || user.deleted_at) throw new AuthError(400, 'user_not_found', 'User not found')
    if (isBanned(user)) throw new AuthError(400, 'user_banned', 'User is banned')
    return tokenResponse(user, rotated.sessionId, rotated.refreshToken)
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://auth.local')
    const method = req.method ?? 'GET'
    const p = url.pathname.replace(/\/+$/, '') || '/'

    if (p === '/health' && method === 'GET') {
      return send(res, 200, { version: 'local', name: 'GoTrue', description: 'Encontro local auth (local stack only)' })
    }
    if (p === '/settings' && method === 'GET') {
      return send(res, 200, {
        external: { email: true, phone: false, anonymous_users: false },
        disable_signup: true,
        mailer_autoconfirm: false,
        phone_autoconfirm: false,
        sms_provider: '',
        saml_enabled: false,
      })
    }
    if (p === '/token' && method === 'POST') {
      const body = await readJson(req)
      const grant = url.searchParams.get('grant_type')
      if (grant === 'password') return send(res, 200, await passwordGrant(body))
      if (grant === 'refresh_token') return send(res, 200, await refreshGrant(body))
      throw new AuthError(400, 'validation_failed', 'unsupported_grant_type')
    }
    if (p === '/user' && method === 'GET') {
      const { user } = await requireUser(req)
      return send(res, 200, await userJson(db, user))
    }
    if (p === '/logout' && method === 'POST') {
      const { claims, user } = await requireUser(req)
      const scope = url.searchParams.get('scope') ?? 'global'
      if (!['global', 'local', 'others'].includes(scope)) {
        throw new AuthError(400, 'validation_failed', `Unsupported logout scope "${scope}"`)
      }
      await logout(db, user.id, typeof claims.session_id === 'string' ? claims.session_id : undefined, scope)
      return send(res, 204)
    }
    if (p === '/signup' && method === 'POST') {
      throw new AuthError(422, 'signup_disabled', 'Signups not allowed for this instance')
    }
    if (p === '/admin/users') {
      await requireAdmin(req)
      if (method === 'POST') {
        const user = await adminCreateUser(db, (await readJson(req)) as AdminUserAttributes)
        return send(res, 200, await userJson(db, user))
      }
      if (method === 'GET') {
        const page = Math.max(1, Number(url.searchParams.get('page')) || 1)
        const perPage = Math.min(1000, Math.max(1, Number(url.searchParams.get('per_page')) || 50))
        const { users, total } = await adminListUsers(db, page, perPage)
        const lastPage = Math.max(1, Math.ceil(total / perPage))
        const links = [`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`]
        if (page < lastPage) links.unshift(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`)
        return send(
          res,
          200,
          { aud: 'authenticated', users: await Promise.all(users.map((u) => userJson(db, u))) },
          { 'x-total-count': String(total), link: links.join(', ') },
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
        const user = await adminUpdateUser(db, id, (await readJson(req)) as AdminUserAttributes)
        return send(res, 200, await userJson(db, user))
      }
      if (method === 'DELETE') {
        await adminDeleteUser(db, id)
        return send(res, 200, {})
      }
    }
    if (await accounts(req, res, url, p, method)) return
    throw new AuthError(404, 'not_found', 'Not Found')
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy()
      if (err instanceof AuthError) {
        return send(res, err.status, { code: err.status, error_code: err.errorCode, msg: err.message })
      }
      process.stderr.write(`[auth] ${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}\n`)
      send(res, 500, { code: 500, error_code: 'unexpected_failure', msg: 'Unexpected failure, please check server logs for more information' })
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
