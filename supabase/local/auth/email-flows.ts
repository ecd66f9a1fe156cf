/**
 * LOCAL STACK ONLY: password recovery and invitations as Supabase Auth stores them
 * (internal/api/recover.go, invite.go, verify.go): the e-mail carries a 6-digit code and the
 * hash of e-mail + code; the hash sits in auth.users.recovery_token / confirmation_token until
 * it is used once or `otp_expiry` seconds have passed.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto'
import type pg from 'pg'
import { AuthError } from './errors.ts'
import { setPassword, USER_COLUMNS, type UserRow } from './users.ts'

export type VerifyType = 'recovery' | 'invite'

/** crypto.GenerateTokenHash upstream: sha224 of e-mail + code, hex. */
export const tokenHash = (email: string, otp: string) => createHash('sha224').update(email + otp).digest('hex')
export const newOtp = () => String(randomInt(0, 1_000_000)).padStart(6, '0')

const linkExpired = () => new AuthError(403, 'otp_expired', 'Email link is invalid or has expired')

const tooSoon = (secondsLeft: number) =>
  new AuthError(429, 'over_email_send_rate_limit', `For security purposes, you can only request this after ${secondsLeft} seconds.`)

/**
 * Stores a new recovery code for `email`. undefined when there is no such user (the caller
 * answers 200 all the same); 429 when the last recovery e-mail is under `maxFrequency` old.
 */
export async function startRecovery(
  c: pg.PoolClient,
  email: string,
  otp: string,
  maxFrequencySeconds: number,
): Promise<UserRow | undefined> {
  const { rows } = await c.query<UserRow & { wait: number | null }>(
    `select ${USER_COLUMNS},
            ceil(extract(epoch from recovery_sent_at + make_interval(secs => $2) - now()))::int as wait
       from auth.users where lower(email) = $1 and deleted_at is null and is_sso_user = false
      for update`,
    [email, maxFrequencySeconds],
  )
  const user = rows[0]
  if (!user) return undefined
  if (user.wait !== null && user.wait > 0) throw tooSoon(user.wait)
  await c.query(`update auth.users set recovery_token = $2, recovery_sent_at = now() where id = $1`, [
    user.id,
    tokenHash(email, otp),
  ])
  return user
}

/** Creates the invited user (no password yet) or renews the code of one not yet confirmed. */
export async function inviteUser(
  c: pg.PoolClient,
  email: string,
  data: Record<string, unknown>,
  otp: string,
): Promise<UserRow> {
  const hash = tokenHash(email, otp)
  const { rows: found } = await c.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where lower(email) = $1 and is_sso_user = false for update`,
    [email],
  )
  const existing = found[0]
  if (existing?.email_confirmed_at) {
    throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered')
  }
  if (existing) {
    await c.query(
      `update auth.users set confirmation_token = $2, confirmation_sent_at = now(), invited_at = now(), updated_at = now()
        where id = $1`,
      [existing.id, hash],
    )
    return existing
  }
  const { rows } = await c.query<UserRow>(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, invited_at, confirmation_token,
                             confirmation_sent_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                             is_super_admin, recovery_token, email_change_token_new, email_change)
     values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1, '',
             now(), $2, now(), $3::jsonb, $4::jsonb, now(), now(), false, '', '', '')
     returning ${USER_COLUMNS}`,
    [email, hash, { provider: 'email', providers: ['email'] }, data],
  )
  const user = rows[0]!
  await c.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1::text, $2::uuid, $3, 'email', now(), now())`,
    [user.id, user.id, { sub: user.id, email, email_verified: false, phone_verified: false }],
  )
  return user
}

const COLUMNS: Record<VerifyType, { token: string; sentAt: string }> = {
  recovery: { token: 'recovery_token', sentAt: 'recovery_sent_at' },
  invite: { token: 'confirmation_token', sentAt: 'confirmation_sent_at' },
}

export function verifyType(type: string | undefined): VerifyType {
  if (type === 'recovery' || type === 'invite') return type
  throw new AuthError(400, 'validation_failed', 'Unsupported verification type')
}

/**
 * Uses a code: the user whose token matches, confirmed, the token cleared (it works once).
 * An invited user without a password gets a random one, as upstream, until they set theirs.
 */
export async function verifyTokenHash(
  c: pg.PoolClient,
  type: VerifyType,
  hash: string,
  otpExpirySeconds: number,
): Promise<UserRow> {
  const col = COLUMNS[type]
  const { rows } = await c.query<UserRow & { expired: boolean; has_password: boolean }>(
    `select ${USER_COLUMNS},
            coalesce(${col.sentAt} + make_interval(secs => $2) < now(), true) as expired,
            coalesce(encrypted_password, '') <> '' as has_password
       from auth.users where ${col.token} = $1 and $1 <> '' for update`,
    [hash, otpExpirySeconds],
  )
  const user = rows[0]
  if (!user) throw linkExpired()
  if (user.banned_until && user.banned_until.getTime() > Date.now()) throw new AuthError(403, 'user_banned', 'User is banned')
  if (user.expired) throw linkExpired()
  if (type === 'invite' && !user.has_password) {
    await setPassword(c, user.id, randomBytes(32).toString('base64url'), undefined)
  }
  await c.query(
    `update auth.users set ${col.token} = '', email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now()
      where id = $1`,
    [user.id],
  )
  await c.query(
    `update auth.identities set identity_data = identity_data || '{"email_verified": true}'::jsonb
      where user_id = $1 and provider = 'email'`,
    [user.id],
  )
  return user
}
