/**
 * LOCAL STACK ONLY: auth.users / sessions / refresh_tokens access for the local auth service.
 * Passwords are bcrypt hashes made and checked by pgcrypto's crypt(), exactly the format
 * GoTrue stores ($2a$10$...), so seeds written for hosted Supabase work here and vice versa.
 */
import { randomBytes } from 'node:crypto'
import type pg from 'pg'

export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    msg: string,
  ) {
    super(msg)
  }
}

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

const USER_COLUMNS = `id, aud, role, email, phone, email_confirmed_at, phone_confirmed_at, confirmed_at,
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
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from auth.users where id = $1`, [id])
  return rows[0]
}

/** undefined when the email is unknown or the password does not match. */
export async function checkPassword(db: Db, email: string, password: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow & { password_ok: boolean | null }>(
    `select ${USER_COLUMNS},
            case when encrypted_password like '$2%'
                 then encrypted_password = extensions.crypt($2, encrypted_password)
                 else false end as password_ok
       from auth.users
      where lower(email) = lower($1) and deleted_at is null and is_sso_user = false
      limit 1`,
    [email, password],
  )
  const row = rows[0]
  return row?.password_ok ? row : undefined
}

export async function createSession(c: pg.PoolClient, userId: string): Promise<{ sessionId: string; refreshToken: string }> {
  const { rows } = await c.query<{ id: string }>(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal)
     values (gen_random_uuid(), $1, now(), now(), 'aal1') returning id`,
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
  return { sessionId, refreshToken }
}

/**
 * Rotating refresh: the presented token is revoked and a child token issued in the same session.
 * Returns 'reused' when the token had already been rotated (the caller answers 400 after commit).
 */
export async function rotateRefreshToken(
  c: pg.PoolClient,
  token: string,
): Promise<{ userId: string; sessionId: string; refreshToken: string } | 'reused'> {
  const { rows } = await c.query<{ id: string; user_id: string; revoked: boolean; session_id: string | null }>(
    `select rt.id, rt.user_id, rt.revoked, rt.session_id
       from auth.refresh_tokens rt
       join auth.sessions s on s.id = rt.session_id
      where rt.token = $1
      for update of rt`,
    [token],
  )
  const rt = rows[0]
  if (!rt || !rt.session_id) {
    throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
  }
  if (rt.revoked) {
    // Reuse of a rotated token: like GoTrue (reuse interval 0 here), revoke the whole token family.
    await c.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1`, [
      rt.session_id,
    ])
    return 'reused'
  }
  await c.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1`, [rt.id])
  const refreshToken = newRefreshToken()
  await c.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
    [refreshToken, rt.user_id, token, rt.session_id],
  )
  await c.query(`update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1`, [rt.session_id])
  return { userId: rt.user_id, sessionId: rt.session_id, refreshToken }
}

export async function sessionExists(db: Db, sessionId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return false
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

export interface AdminUserAttributes {
  id?: string
  email?: string
  phone?: string
  password?: string
  email_confirm?: boolean
  phone_confirm?: boolean
  user_metadata?: Record<string, unknown>
  app_metadata?: Record<string, unknown>
  ban_duration?: string
  role?: string
}

function validatePassword(password: string | undefined): void {
  if (password !== undefined && password.length < 6) {
    throw new AuthError(422, 'weak_password', 'Password should be at least 6 characters.')
  }
}

/** ban_duration as GoTrue accepts it: "none" or a Go duration like "24h", "30m", "10s". */
function banUntil(duration: string | undefined): Date | null | undefined {
  if (duration === undefined) return undefined
  if (duration === 'none') return null
  const m = /^(\d+(?:\.\d+)?)(h|m|s|ms)$/.exec(duration)
  if (!m) throw new AuthError(400, 'validation_failed', 'invalid format for ban duration')
  const ms = Number(m[1]) * { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }[m[2] as 'h' | 'm' | 's' | 'ms']
  return new Date(Date.now() + ms)
}

export async function adminCreateUser(pool: pg.Pool, a: AdminUserAttributes): Promise<UserRow> {
  const email = a.email?.trim().toLowerCase() || null
  if (!email && !a.phone) throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format')
  if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) {
    throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format')
  }
  validatePassword(a.password)
  const bannedUntil = banUntil(a.ban_duration) ?? null
  return withTransaction(pool, async (c) => {
    if (email) {
      const dup = await c.query(`select 1 from auth.users where lower(email) = $1 and is_sso_user = false`, [email])
      if (dup.rowCount) {
        throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
      }
    }
    const appMeta = { provider: 'email', providers: ['email'], ...(a.app_metadata ?? {}) }
    const { rows } = await c.query<UserRow>(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, phone,
                               phone_confirmed_at, raw_app_meta_data, raw_user_meta_data, banned_until,
                               created_at, updated_at, is_super_admin,
                               confirmation_token, recovery_token, email_change_token_new, email_change)
       values ('00000000-0000-0000-0000-000000000000', coalesce($1::uuid, gen_random_uuid()), 'authenticated',
               coalesce($2::text, 'authenticated'), $3::text,
               case when $4::text is null then '' else extensions.crypt($4::text, extensions.gen_salt('bf', 10)) end,
               case when $5::boolean then now() end, $6::text, case when $7::boolean then now() end,
               $8::jsonb, $9::jsonb, $10::timestamptz, now(), now(), false,
               '', '', '', '')
       returning ${USER_COLUMNS}`,
      [
        a.id ?? null,
        a.role ?? null,
        email,
        a.password ?? null,
        a.email_confirm === true,
        a.phone ?? null,
        a.phone_confirm === true,
        appMeta,
        a.user_metadata ?? {},
        bannedUntil,
      ],
    )
    const user = rows[0]!
    if (email) {
      await c.query(
        `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
         values ($1::text, $2::uuid, $3, 'email', now(), now())`,
        [user.id, user.id, { sub: user.id, email, email_verified: a.email_confirm === true, phone_verified: false }],
      )
    }
    return user
  })
}

export async function adminUpdateUser(pool: pg.Pool, id: string, a: AdminUserAttributes): Promise<UserRow> {
  validatePassword(a.password)
  const bannedUntil = banUntil(a.ban_duration)
  const user = await findUserById(pool, id)
  if (!user) throw new AuthError(404, 'user_not_found', 'User not found')
  const email = a.email?.trim().toLowerCase()
  const { rows } = await pool.query<UserRow>(
    `update auth.users set
       email = coalesce($2::text, email),
       encrypted_password = case when $3::text is null then encrypted_password
                                 else extensions.crypt($3::text, extensions.gen_salt('bf', 10)) end,
       email_confirmed_at = case when $4::boolean then coalesce(email_confirmed_at, now()) else email_confirmed_at end,
       raw_user_meta_data = case when $5::jsonb is null then raw_user_meta_data
                                 else coalesce(raw_user_meta_data, '{}'::jsonb) || $5::jsonb end,
       raw_app_meta_data = case when $6::jsonb is null then raw_app_meta_data
                                else coalesce(raw_app_meta_data, '{}'::jsonb) || $6::jsonb end,
       banned_until = case when $7::boolean then $8::timestamptz else banned_until end,
       role = coalesce($9::text, role),
       updated_at = now()
     where id = $1
     returning ${USER_COLUMNS}`,
    [
      id,
      email ?? null,
      a.password ?? null,
      a.email_confirm === true,
      a.user_metadata ?? null,
      a.app_metadata ?? null,
      bannedUntil !== undefined,
      bannedUntil ?? null,
      a.role ?? null,
    ],
  )
  return rows[0]!
}

export async function adminDeleteUser(pool: pg.Pool, id: string): Promise<void> {
  const user = await findUserById(pool, id)
  if (!user) throw new AuthError(404, 'user_not_found', 'User not found')
  await pool.query(`delete from auth.users where id = $1`, [id])
}

export async function adminListUsers(
  pool: pg.Pool,
  page: number,
  perPage: number,
): Promise<{ users: UserRow[]; total: number }> {
  const [{ rows }, count] = await Promise.all([
    pool.query<UserRow>(
      `select ${USER_COLUMNS} from auth.users where deleted_at is null
        order by created_at desc nulls last, id limit $1 offset $2`,
      [perPage, (page - 1) * perPage],
    ),
    pool.query<{ n: string }>(`select count(*) as n from auth.users where deleted_at is null`),
  ])
  return { users: rows, total: Number(count.rows[0]!.n) }
}
