/**
 * LOCAL STACK ONLY: Supabase Auth's per-IP limits (internal/api/apilimiter): for each limited
 * endpoint a token bucket per client address holding 30 requests, refilled at the rate written
 * in supabase/config.toml [auth.rate_limit] (e.g. token_refresh = 150 per 5 minutes), idle
 * buckets forgotten after an hour.
 */
import type http from 'node:http'
import type { AuthRateLimits } from '../config.ts'
import { AuthError } from './errors.ts'

const BURST = 30
const FIVE_MINUTES = 300
const IDLE_MS = 3_600_000

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()
  private lastSweep: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number = BURST,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now()
  }

  /** Takes one request from `key`'s bucket; false when it is empty. */
  take(key: string): boolean {
    const t = this.now()
    if (t - this.lastSweep > IDLE_MS) this.sweep(t)
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t }
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond)
    b.at = t
    this.buckets.set(key, b)
    if (b.tokens < 1) return false
    b.tokens -= 1
    return true
  }

  private sweep(t: number) {
    this.lastSweep = t
    for (const [k, b] of this.buckets) if (t - b.at > IDLE_MS) this.buckets.delete(k)
  }
}

/** The limiters of the endpoints the local auth service has, named as upstream names them. */
export function authLimiters(limits: AuthRateLimits) {
  return {
    /** POST /token, every grant (GOTRUE_RATE_LIMIT_TOKEN_REFRESH). */
    token: new TokenBuckets(limits.token_refresh / FIVE_MINUTES),
    /** PUT /user, /recover, /otp, /signup (GOTRUE_RATE_LIMIT_OTP = sign_in_sign_ups). */
    user: new TokenBuckets(limits.sign_in_sign_ups / FIVE_MINUTES),
    /** GET|POST /verify (GOTRUE_RATE_LIMIT_VERIFY). */
    verify: new TokenBuckets(limits.token_verifications / FIVE_MINUTES),
  }
}

/**
 * The client's address: the first X-Forwarded-For entry (what upstream uses behind its
 * gateway; the local gateway sets it, see stack.ts), else the peer's address.
 */
export function clientAddress(req: http.IncomingMessage): string {
  const xff = req.headers['x-forwarded-for']
  const first = (Array.isArray(xff) ? xff[0] : xff)?.split(',')[0]?.trim()
  return normaliseAddress(first || req.socket.remoteAddress || '')
}

/** "::ffff:127.0.0.2" and "127.0.0.2" are one client. */
export const normaliseAddress = (a: string) => a.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1')

export const tooManyRequests = () => new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached')
