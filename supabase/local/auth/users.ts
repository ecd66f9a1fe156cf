/**
 * LOCAL STACK ONLY: auth.users / sessions / refresh_tokens access for the local auth service.
 * Passwords are bcrypt hashes made and checked by pgcrypto's crypt(), exactly the format
 * GoTrue stores ($2a$10$...), so seeds written for hosted Supabase work here and vice versa.
 */
import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { AuthError } from './errors.ts'
import { isUuid } from './validate.ts'

/** GoTrue's bcrypt cost (bcrypt.DefaultCost). */
export const BCRYPT_COST = 10

export interface UserRow {
  id: string
  aud: string | null
  role: string | null
  email: string | null
  phone: string | null
  email_confirmed_at: Date | null
  phone_confirmed_at: Date | null
  confirmed_at: Date | null
  confirmation_sent_at: Date | null
  last_sign_in_at: Date | null
  raw_app_meta_data: Record<string, unknown> | null
  raw_user_meta_data: Record<string, unknown> | null
  banned_until: Date | null
  deleted_at: Date | null
  is_anonymous: boolean
  created_at: Date | null
  updated_at: Date | null
}

interface IdentityRow {
  id: string
  provider_id: string
  user_id: string
  identity_data: Record<string, unknown>
  provider: string
  last_sign_in_at: Date | null
  created_at: Date | null
  updated_at: Date | null
  email: string | null
}

export const USER_COLUMNS = `id, aud, role, email, phone, email_confirmed_at, phone_confirmed_at, confirmed_at,
  confirmation_sent_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data, banned_until, deleted_at,
  is_anonymous, created_at, updated_at`

export type Db = pg.Pool | pg.PoolClient

export async function withTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect()
  try {
    await c.query('begin')
    const out = await fn(c)
    await c.query('commit')
    return out
  } catch (err) {
    await c.query('rollback').catch(() => undefined)
    throw err
  } finally {
    c.release()
  }
}

export const newRefreshToken = () => randomBytes(16).toString('base64url')

export function isBanned(u: UserRow): boolean {
  return u.banned_until !== null && u.banned_until.getTime() > Date.now()
}

/** The user JSON GoTrue returns. */
export async function userJson(db: Db, u: UserRow): Promise<Record<string, unknown>> {
  const { rows } = await db.query<IdentityRow>(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
       from auth.identities where user_id = $1 order by created_at`,
    [u.id],
  )
  return {
    id: u.id,
    aud: u.aud ?? '',
    role: u.role ?? '',
    email: u.email ?? '',
    email_confirmed_at: u.email_confirmed_at ?? undefined,
    phone: u.phone ?? '',
    confirmation_sent_at: u.confirmation_sent_at ?? undefined,
    confirmed_at: u.confirmed_at ?? undefined,
    last_sign_in_at: u.last_sign_in_at ?? undefined,
    app_metadata: u.raw_app_meta_data ?? {},
    user_metadata: u.raw_user_meta_data ?? {},
    identities: rows.map((i) => ({
      identity_id: i.id,
      id: i.provider_id,
      user_id: i.user_id,
      identity_data: i.identity_data,
      provider: i.provider,
      last_sign_in_at: i.last_sign_in_at,
      created_at: i.created_at,
      updated_at: i.updated_at,
      email: i.email ?? undefined,
    })),
    created_at: u.created_at,
    updated_at: u.updated_at,
    banned_until: u.banned_until ?? undefined,
    is_anonymous: u.is_anonymous,
  }
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  if (!isUuid(id)) return undefined
  const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from auth.users where id = $1`, [id])
  return rows[0]
}

/**
 * undefined when the email is unknown or the password does not match. One bcrypt comparison
 * runs either way (against `dummyHash` for an unknown email or a user without a password), so
 * the answer takes as long for an address that has no account as for one that has.
 */
export async function checkPassword(
  db: Db,
  email: string,
  password: string,
  dummyHash: string,
): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow & { password_ok: boolean | null }>(
    `select u.*, extensions.crypt($2, coalesce(u.hash, $3)) = u.hash as password_ok
       from (select 1) one
       left join lateral (
         select ${USER_COLUMNS},
                case when encrypted_password like '$2%' then encrypted_password end as hash
           from auth.users
          where lower(email) = lower($1) and deleted_at is null and is_sso_user = false
          limit 1
       ) u on true`,
    [email, password, dummyHash],
  )
  const row = rows[0]
  return row?.id && row.password_ok ? row : undefined
}

/** A bcrypt hash of nothing anyone knows, same cost as real ones: the unknown-email comparison. */
export async function makeDummyHash(db: Db): Promise<string> {
  const { rows } = await db.query<{ h: string }>(
    `select extensions.crypt($1, extensions.gen_salt('bf', ${BCRYPT_COST})) as h`,
    [randomBytes(16).toString('hex')],
  )
  return rows[0]!.h
}

export interface IssuedSession {
  sessionId: string
  refreshToken: string
  /** when the person authenticated (the `amr` timestamp, kept across refreshes) */
  authenticatedAt: Date
}

export async function createSession(c: pg.PoolClient, userId: string): Promise<IssuedSession> {
  const { rows } = await c.query<{ id: string; created_at: Date }>(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal)
     values (gen_random_uuid(), $1, now(), now(), 'aal1') returning id, created_at`,
    [userId],
  )
  const sessionId = rows[0]!.id
  const refreshToken = newRefreshToken()
  await c.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), null, $3)`,
    [refreshToken, userId, sessionId],
  )
  await c.query(`update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1`, [userId])
  await c.query(`update auth.identities set last_sign_in_at = now() where user_id = $1 and provider = 'email'`, [userId])
  return { sessionId, refreshToken, authenticatedAt: rows[0]!.created_at }
}

export interface RefreshSettings {
  /** seconds a rotated token may still be used (config.toml refresh_token_reuse_interval) */
  reuseIntervalSeconds: number
  /** config.toml enable_refresh_token_rotation: a refused reuse revokes the session's tokens */
  rotation: boolean
}

/**
 * Supabase Auth's refresh (internal/tokens/service.go, refresh tokens v1):
 * - an active token is revoked and a child issued in the same session;
 * - a revoked token whose child is the session's active token (the client lost the answer,
 *   or two tabs refreshed at once) gets that active token back, nothing new is issued;
 * - another revoked token within the reuse interval of its rotation gets a new child;
 * - outside it: every token of the session is revoked ('reused'; the caller answers 400).
 */
export async function rotateRefreshToken(
  c: pg.PoolClient,
  token: string,
  settings: RefreshSettings,
): Promise<(IssuedSession & { userId: string }) | 'reused'> {
  const { rows } = await c.query<{
    id: string
    user_id: string
    revoked: boolean
    session_id: string
    session_created_at: Date
    reuse_expired: boolean
  }>(
    `select rt.id, rt.user_id, rt.revoked, rt.session_id, s.created_at as session_created_at,
            rt.updated_at + make_interval(secs => $2) < now() as reuse_expired
       from auth.refresh_tokens rt
       join auth.sessions s on s.id = rt.session_id
      where rt.token = $1
      for update of rt, s`,
    [token, settings.reuseIntervalSeconds],
  )
  const rt = rows[0]
  if (!rt) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
  const issued = (refreshToken: string) => ({
    userId: rt.user_id,
    sessionId: rt.session_id,
    refreshToken,
    authenticatedAt: rt.session_created_at,
  })
  if (rt.revoked) {
    const active = await c.query<{ token: string; parent: string | null }>(
      `select token, parent from auth.refresh_tokens
        where session_id = $1 and revoked is false order by id desc limit 1`,
      [rt.session_id],
    )
    if (active.rows[0]?.parent === token) {
      await touchSession(c, rt.session_id)
      return issued(active.rows[0].token)
    }
    if (rt.reuse_expired) {
      if (settings.rotation) {
        await c.query(
          `update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false`,
          [rt.session_id],
        )
      }
      return 'reused'
    }
  } else {
    await c.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1`, [rt.id])
  }
  const refreshToken = newRefreshToken()
  await c.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
    [refreshToken, rt.user_id, token, rt.session_id],
  )
  await touchSession(c, rt.session_id)
  return issued(refreshToken)
}

const touchSession = (c: pg.PoolClient, sessionId: string) =>
  c.query(`update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1`, [sessionId])

export async function sessionExists(db: Db, sessionId: string): Promise<boolean> {
  if (!isUuid(sessionId)) return false
  const { rowCount } = await db.query(`select 1 from auth.sessions where id = $1`, [sessionId])
  return (rowCount ?? 0) > 0
}

/** Deleting sessions cascades to their refresh tokens. */
export async function logout(db: Db, userId: string, sessionId: string | undefined, scope: string): Promise<void> {
  if (scope === 'global' || !sessionId) {
    await db.query(`delete from auth.sessions where user_id = $1`, [userId])
  } else if (scope === 'others') {
    await db.query(`delete from auth.sessions where user_id = $1 and id <> $2`, [userId, sessionId])
  } else {
    await db.query(`delete from auth.sessions where id = $1`, [sessionId])
  }
}

/**
 * A new password, as Supabase Auth's User.UpdatePassword stores it: pending e-mail tokens are
 * cleared and the user's sessions end, all of them (admin) or all but `keepSessionId` (the
 * person changing their own password keeps the session they did it from).
 */
export async function setPassword(
  c: pg.PoolClient,
  userId: string,
  password: string,
  keepSessionId: string | undefined,
): Promise<void> {
  await c.query(
    `update auth.users set
       encrypted_password = extensions.crypt($2, extensions.gen_salt('bf', ${BCRYPT_COST})),
       confirmation_token = '', confirmation_sent_at = null, recovery_token = '', recovery_sent_at = null,
       email_change_token_current = '', email_change_token_new = '', email_change_sent_at = null,
       phone_change_token = '', phone_change_sent_at = null,
       reauthentication_token = '', reauthentication_sent_at = null,
       updated_at = now()
     where id = $1`,
    [userId, password],
  )
  await logout(c, userId, keepSessionId, keepSessionId ? 'others' : 'global')
}

/** Whether `password` is the user's current one (PUT /user refuses it as same_password). */
export async function isCurrentPassword(db: Db, userId: string, password: string): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean | null }>(
    `select encrypted_password like '$2%' and encrypted_password = extensions.crypt($2, encrypted_password) as ok
       from auth.users where id = $1`,
    [userId, password],
  )
  return rows[0]?.ok === true
}

/** user_metadata / app_metadata updates as upstream merges them: keys set, null deletes a key. */
export function mergeMetadata(
  current: Record<string, unknown> | null,
  updates: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(current ?? {}) }
  for (const [k, v] of Object.entries(updates)) {
    if (v === null) delete out[k]
    else out[k] = v
  }
  return out
}
