/**
 * LOCAL STACK ONLY: request validation as Supabase Auth does it (internal/api/mail.go
 * validateEmail, password.go checkPasswordStrength, admin.go ban_duration, pagination.go),
 * plus refusing what Postgres cannot store (a NUL byte) with 400 instead of a 500.
 */
import { AuthError, WeakPasswordError } from './errors.ts'

const invalid = (msg: string) => new AuthError(400, 'validation_failed', msg)

/** A string field of a JSON body: absent -> undefined; another type or a NUL byte -> 400. */
export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') throw new AuthError(400, 'bad_json', `Could not parse request body as JSON: ${key} must be a string`)
  if (v.includes('\u0000')) throw invalid(`${key} contains a NUL character`)
  return v
}

/** An object field (user_metadata, app_metadata, data): absent -> undefined; otherwise must be an object. */
export function optionalObject(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = body[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new AuthError(400, 'bad_json', `Could not parse request body as JSON: ${key} must be an object`)
  }
  if (JSON.stringify(v).includes('\\u0000')) throw invalid(`${key} contains a NUL character`)
  return v as Record<string, unknown>
}

// github.com/badoux/checkmail ValidateFormat, which Supabase Auth uses.
const EMAIL_FORMAT =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/

/** Returns the e-mail lower-cased, or throws 400 validation_failed with upstream's messages. */
export function validateEmail(email: string): string {
  if (email === '') throw invalid('An email address is required')
  if (email.length > 255) throw invalid('An email address is too long')
  if (!EMAIL_FORMAT.test(email)) throw invalid('Unable to validate email address: invalid format')
  return email.toLowerCase()
}

/** bcrypt reads 72 bytes at most. */
export const MAX_PASSWORD_LENGTH = 72

export function checkPasswordStrength(password: string, minLength: number): void {
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw invalid(`Password cannot be longer than ${MAX_PASSWORD_LENGTH} characters`)
  }
  if (password.length < minLength) {
    throw new WeakPasswordError(`Password should be at least ${minLength} characters.`, ['length'])
  }
}

const GO_UNITS_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
}

/** Go's time.ParseDuration ("24h", "1h30m", "1.5s", "0"), in milliseconds; undefined when invalid. */
export function parseGoDuration(text: string): number | undefined {
  const m = /^([-+]?)(.*)$/.exec(text)!
  const sign = m[1] === '-' ? -1 : 1
  const rest = m[2]!
  if (rest === '0') return 0
  if (rest === '') return undefined
  const part = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y
  let total = 0
  let at = 0
  while (at < rest.length) {
    part.lastIndex = at
    const p = part.exec(rest)
    if (!p) return undefined
    total += Number(p[1]) * GO_UNITS_MS[p[2]!]!
    at = part.lastIndex
  }
  return sign * total
}

/** ban_duration: "none" lifts a ban (null); a Go duration bans until now + duration. */
export function banUntil(duration: string | undefined, now = Date.now()): Date | null | undefined {
  if (duration === undefined || duration === '') return undefined
  if (duration === 'none') return null
  const ms = parseGoDuration(duration)
  if (ms === undefined) throw invalid(`invalid format for ban duration: time: invalid duration "${duration}"`)
  return ms === 0 ? null : new Date(now + ms)
}

/**
 * ?page=&per_page= as upstream parses them: unsigned integers (else 400), absent -> 1 and 50,
 * 0 -> 1 and 20 (what its pagination library does with values below 1).
 */
export function pagination(params: URLSearchParams): { page: number; perPage: number } {
  const parse = (key: string, absent: number, zero: number) => {
    const raw = params.get(key)
    if (raw === null || raw === '') return absent
    if (!/^\d+$/.test(raw)) {
      throw invalid(`Bad Pagination Parameters: strconv.ParseUint: parsing ${JSON.stringify(raw)}: invalid syntax`)
    }
    return Number(raw) || zero
  }
  return { page: parse('page', 1, 1), perPage: parse('per_page', 50, 20) }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (s: string) => UUID.test(s)

/**
 * redirect_to as upstream accepts it: same host as site_url, or listed in
 * additional_redirect_urls (exactly, or as a prefix when the entry ends in "**"); anything
 * else falls back to site_url.
 */
export function redirectTarget(requested: string | null | undefined, siteUrl: string, allowList: string[]): string {
  if (!requested) return siteUrl
  try {
    if (new URL(requested).hostname === new URL(siteUrl).hostname) return requested
  } catch {
    return siteUrl
  }
  const listed = allowList.some((a) => a === requested || (a.endsWith('**') && requested.startsWith(a.slice(0, -2))))
  return listed ? requested : siteUrl
}
