// Local auth under attack (issue 10, finding 2), through supabase-js -> gateway -> auth service:
// per-address limits with config.toml's numbers and Supabase Auth's 429, the same work for an
// unknown e-mail as for a known one, and 400 (not 500) for malformed input.
// Each test that spends a limit comes from its own loopback address (support/from-address.ts).
import { AuthApiError } from '@supabase/supabase-js'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { localConfig } from '../../supabase/local/config'
import { anonClient, serviceClient } from './support/clients'
import { anonClientFrom, fetchFrom } from './support/from-address'

const PASSWORD = 'rate-limit-test-password'
const uniq = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
/** Supabase Auth's bucket size for every per-address limit (apilimiter.go SetBurst(30)). */
const BURST = 30
const limits = localConfig().auth.rate_limit

let email: string
beforeAll(async () => {
  email = `limits-${uniq()}@encontro.test`
  const { error } = await serviceClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true })
  expect(error).toBeNull()
})

describe('per-address limit on /token (config.toml auth.rate_limit.token_refresh)', () => {
  it('config.toml holds the hosted numbers', () => {
    expect(limits).toMatchObject({ token_refresh: 150, sign_in_sign_ups: 30, email_sent: 2 })
  })

  it(`lets ${BURST} wrong passwords through, then answers 429 over_request_rate_limit, even to the right password`, async () => {
    const attacker = anonClientFrom('127.0.0.2')
    const attempts = BURST + 10
    const t0 = performance.now()
    const results = await Promise.all(
      Array.from({ length: attempts }, () => attacker.auth.signInWithPassword({ email, password: 'wrong-password' })),
    )
    const seconds = (performance.now() - t0) / 1000
    const statuses = results.map((r) => (r.error as AuthApiError).status)
    const passed = statuses.filter((s) => s === 400).length
    const limited = results.filter((r) => r.error?.status === 429)
    expect(passed + limited.length).toBe(attempts)
    // The bucket starts full and refills at token_refresh per 5 minutes while the requests run.
    const refill = (limits.token_refresh / 300) * seconds
    expect(passed).toBeGreaterThanOrEqual(BURST)
    expect(passed).toBeLessThanOrEqual(BURST + Math.ceil(refill))
    expect(limited.length).toBeGreaterThan(0)
    expect(limited[0]!.error).toBeInstanceOf(AuthApiError)
    expect(limited[0]!.error).toMatchObject({ status: 429, code: 'over_request_rate_limit', message: 'Request rate limit reached' })

    // Drain what refilled meanwhile; right after a 429 the right password is refused too.
    let drained = 0
    while ((await attacker.auth.signInWithPassword({ email, password: 'wrong-password' })).error?.status !== 429) {
      expect(++drained).toBeLessThan(20)
    }
    const right = await attacker.auth.signInWithPassword({ email, password: PASSWORD })
    expect(right.data.session).toBeNull()
    expect(right.error).toMatchObject({ status: 429, code: 'over_request_rate_limit' })

    // Another address is not affected.
    const other = await anonClientFrom('127.0.0.4').auth.signInWithPassword({ email, password: PASSWORD })
    expect(other.error).toBeNull()
    expect(other.data.session).not.toBeNull()
  })

  it('the 429 has the legacy shape without the API version header, with x-sb-error-code either way', async () => {
    const { apiUrl, anonKey } = inject('stack')
    const from5 = fetchFrom('127.0.0.5')
    let res: Response | undefined
    for (let i = 0; i < BURST + 20 && res?.status !== 429; i++) {
      res = await from5(`${apiUrl}/auth/v1/token?grant_type=refresh_token`, {
        method: 'POST',
        headers: { apikey: anonKey, 'content-type': 'application/json' },
        body: JSON.stringify({ refresh_token: `not-a-token-${i}` }),
      })
    }
    expect(res!.status).toBe(429)
    expect(res!.headers.get('x-sb-error-code')).toBe('over_request_rate_limit')
    expect(await res!.json()).toEqual({ code: 429, error_code: 'over_request_rate_limit', msg: 'Request rate limit reached' })
  })

  it('a client cannot pick its address with X-Forwarded-For (the gateway sets it)', async () => {
    const { apiUrl, anonKey } = inject('stack')
    const from6 = fetchFrom('127.0.0.6')
    const answers = await Promise.all(
      Array.from({ length: BURST + 5 }, (_, i) =>
        from6(`${apiUrl}/auth/v1/token?grant_type=refresh_token`, {
          method: 'POST',
          headers: { apikey: anonKey, 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${i}` },
          body: JSON.stringify({ refresh_token: `nope-${i}` }),
        }).then((r) => r.status),
      ),
    )
    expect(answers.filter((s) => s === 429).length).toBeGreaterThan(0)
  })
})

describe('per-address limit on PUT /user (config.toml auth.rate_limit.sign_in_sign_ups)', () => {
  it(`answers 429 after ${BURST} updates`, async () => {
    const client = anonClientFrom('127.0.0.7')
    expect((await client.auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull()
    const results = await Promise.all(
      Array.from({ length: BURST + 5 }, (_, i) => client.auth.updateUser({ data: { attempt: i } })),
    )
    const limited = results.filter((r) => r.error?.status === 429)
    expect(limited.length).toBeGreaterThan(0)
    expect(limited[0]!.error).toMatchObject({ code: 'over_request_rate_limit' })
    expect(results.filter((r) => r.error === null).length).toBeGreaterThanOrEqual(BURST)
  })
})

describe('no account enumeration by timing', () => {
  it('an unknown e-mail takes as long as a known one with a wrong password (medians within 1.6x)', async () => {
    // Own address: 2 warm-up + 2 x 12 attempts stay inside one bucket of 30.
    const client = anonClientFrom('127.0.0.3')
    const time = async (address: string) => {
      const t0 = performance.now()
      const { error } = await client.auth.signInWithPassword({ email: address, password: 'not-the-password' })
      expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' })
      return performance.now() - t0
    }
    await time(email)
    await time(`nobody-${uniq()}@encontro.test`)
    const known: number[] = []
    const unknown: number[] = []
    // Interleaved, so load on the machine hits both series alike.
    for (let i = 0; i < 12; i++) {
      known.push(await time(email))
      unknown.push(await time(`nobody-${uniq()}@encontro.test`))
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const ratio = median(known) / median(unknown)
    console.log(`[timing] median known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`)
    expect(ratio).toBeGreaterThan(1 / 1.6)
    expect(ratio).toBeLessThan(1.6)
  })
})

describe('malformed input is a 400, never a 500', () => {
  const raw = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const { apiUrl, anonKey } = inject('stack')
    const res = await fetch(`${apiUrl}/auth/v1${path}`, {
      method: 'POST',
      headers: { apikey: anonKey, 'content-type': 'application/json', ...headers },
      body,
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }

  it.each([
    ['a NUL byte in the password', JSON.stringify({ email: 'joao@encontro.test', password: 'encontro\u0000demo' }), 'validation_failed'],
    ['a NUL byte in the e-mail', JSON.stringify({ email: 'joao\u0000@encontro.test', password: 'x' }), 'validation_failed'],
    ['a body that is not JSON', 'email=joao@encontro.test&password=x', 'bad_json'],
    ['a JSON array', '[1, 2]', 'bad_json'],
    ['a JSON string', '"joao"', 'bad_json'],
    ['an e-mail that is a number', JSON.stringify({ email: 42, password: 'x' }), 'bad_json'],
    ['a password that is an object', JSON.stringify({ email: 'joao@encontro.test', password: { a: 1 } }), 'bad_json'],
  ])('sign-in with %s -> 400 %s', async (_what, body, code) => {
    const res = await raw('/token?grant_type=password', body)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: 400, error_code: code })
  })

  it('supabase-js gets an AuthApiError 400 for a NUL byte in the password', async () => {
    const { error } = await anonClient().auth.signInWithPassword({ email: 'joao@encontro.test', password: 'encontro\u0000demo' })
    expect(error).toBeInstanceOf(AuthApiError)
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' })
  })

  it('admin: a NUL byte in user_metadata -> 400', async () => {
    const { error } = await serviceClient().auth.admin.createUser({
      email: `nul-${uniq()}@encontro.test`,
      password: PASSWORD,
      user_metadata: { name: 'a\u0000b' },
    })
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' })
  })
})
