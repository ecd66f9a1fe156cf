/**
 * LOCAL STACK ONLY: /admin/users as Supabase Auth answers it (internal/api/admin.go): the
 * service role creates, reads, updates, bans, lists and deletes users.
 */
import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { AuthError } from './errors.ts'
import {
  BCRYPT_COST,
  findUserById,
  mergeMetadata,
  setPassword,
  USER_COLUMNS,
  withTransaction,
  type UserRow,
} from './users.ts'
import { banUntil, checkPasswordStrength, isUuid, optionalObject, optionalString, validateEmail } from './validate.ts'

export interface AdminUserAttributes {
  id?: string
  email?: string
  phone?: string
  password?: string
  email_confirm: boolean
  phone_confirm: boolean
  user_metadata?: Record<string, unknown>
  app_metadata?: Record<string, unknown>
  /** undefined: unchanged; null: not banned */
  banned_until?: Date | null
  role?: string
}

/** The admin body, checked the way upstream checks it before touching the database. */
export function parseAdminAttributes(body: Record<string, unknown>, minPasswordLength: number): AdminUserAttributes {
  const email = optionalString(body, 'email')
  const password = optionalString(body, 'password')
  if (password !== undefined) checkPasswordStrength(password, minPasswordLength)
  const id = optionalString(body, 'id')
  if (id !== undefined && id !== '' && !isUuid(id)) {
    throw new AuthError(400, 'validation_failed', 'ID must conform to the uuid v4 format')
  }
  return {
    id: id || undefined,
    email: email ? validateEmail(email) : undefined,
    phone: optionalString(body, 'phone') || undefined,
    password,
    email_confirm: body.email_confirm === true,
    phone_confirm: body.phone_confirm === true,
    user_metadata: optionalObject(body, 'user_metadata'),
    app_metadata: optionalObject(body, 'app_metadata'),
    banned_until: banUntil(optionalString(body, 'ban_duration')),
    role: optionalString(body, 'role') || undefined,
  }
}

export async function adminCreateUser(pool: pg.Pool, a: AdminUserAttributes): Promise<UserRow> {
  if (!a.email && !a.phone) {
    throw new AuthError(400, 'validation_failed', 'Cannot create a user without either an email or phone')
  }
  // Upstream gives a user created without a password a random one nobody knows.
  const password = a.password || randomBytes(32).toString('base64url')
  return withTransaction(pool, async (c) => {
    if (a.email) {
      const dup = await c.query(`select 1 from auth.users where lower(email) = $1 and is_sso_user = false`, [a.email])
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
               extensions.crypt($4::text, extensions.gen_salt('bf', ${BCRYPT_COST})),
               case when $5::boolean then now() end, $6::text, case when $7::boolean then now() end,
               $8::jsonb, $9::jsonb, $10::timestamptz, now(), now(), false,
               '', '', '', '')
       returning ${USER_COLUMNS}`,
      [
        a.id ?? null,
        a.role ?? null,
        a.email ?? null,
        password,
        a.email_confirm,
        a.phone ?? null,
        a.phone_confirm,
        appMeta,
        a.user_metadata ?? {},
        a.banned_until ?? null,
      ],
    )
    const user = rows[0]!
    if (a.email) {
      await c.query(
        `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
         values ($1::text, $2::uuid, $3, 'email', now(), now())`,
        [user.id, user.id, { sub: user.id, email: a.email, email_verified: a.email_confirm, phone_verified: false }],
      )
    }
    return user
  })
}

/**
 * A new password ends every session of the user (User.UpdatePassword with no session).
 * A ban keeps the sessions, as upstream: /user answers 403 user_banned and refresh 400.
 */
export async function adminUpdateUser(pool: pg.Pool, id: string, a: AdminUserAttributes): Promise<UserRow> {
  if (!isUuid(id)) throw new AuthError(404, 'validation_failed', 'user_id must be an UUID')
  return withTransaction(pool, async (c) => {
    const { rows: locked } = await c.query<UserRow>(`select ${USER_COLUMNS} from auth.users where id = $1 for update`, [id])
    const user = locked[0]
    if (!user) throw new AuthError(404, 'user_not_found', 'User not found')
    if (a.password !== undefined) await setPassword(c, id, a.password, undefined)
    const { rows } = await c.query<UserRow>(
      `update auth.users set
         email = coalesce($2::text, email),
         email_confirmed_at = case when $3::boolean then coalesce(email_confirmed_at, now()) else email_confirmed_at end,
         raw_user_meta_data = $4::jsonb,
         raw_app_meta_data = $5::jsonb,
         banned_until = case when $6::boolean then $7::timestamptz else banned_until end,
         role = coalesce($8::text, role),
         updated_at = now()
       where id = $1
       returning ${USER_COLUMNS}`,
      [
        id,
        a.email ?? null,
        a.email_confirm,
        a.user_metadata ? mergeMetadata(user.raw_user_meta_data, a.user_metadata) : user.raw_user_meta_data,
        a.app_metadata ? mergeMetadata(user.raw_app_meta_data, a.app_metadata) : user.raw_app_meta_data,
        a.banned_until !== undefined,
        a.banned_until ?? null,
        a.role ?? null,
      ],
    )
    return rows[0]!
  })
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
