// The local auth service's pure rules, table-driven (no stack needed): the token bucket behind
// the rate limits, Go durations for ban_duration, redirect_to, e-mail format, error shapes.
import type http from 'node:http'
import { describe, expect, it } from 'vitest'
import { AuthError, errorAnswer, wants2024Errors, WeakPasswordError } from '../../supabase/local/auth/errors'
import { clientAddress, TokenBuckets } from '../../supabase/local/auth/rate-limit'
import { parseGoDuration, redirectTarget, validateEmail } from '../../supabase/local/auth/validate'

describe('TokenBuckets', () => {
  it('a full bucket of `burst`, refilled at `perSecond`, one per key', () => {
    let now = 0
    const buckets = new TokenBuckets(0.5, 3, () => now)
    expect([1, 2, 3, 4].map(() => buckets.take('a'))).toEqual([true, true, true, false])
    expect(buckets.take('b')).toBe(true)
    now = 1_000 // half a request refilled
    expect(buckets.take('a')).toBe(false)
    now = 2_000 // one more whole request (the refused take above spent nothing)
    expect(buckets.take('a')).toBe(true)
    expect(buckets.take('a')).toBe(false)
    now = 1_000_000 // never more than the burst
    expect([1, 2, 3, 4].map(() => buckets.take('a'))).toEqual([true, true, true, false])
  })
})

describe('clientAddress', () => {
  const req = (xff: string | undefined, remote = '::ffff:127.0.0.1') =>
    ({ headers: xff === undefined ? {} : { 'x-forwarded-for': xff }, socket: { remoteAddress: remote } }) as unknown as http.IncomingMessage
  it.each([
    [undefined, '::ffff:127.0.0.9', '127.0.0.9'],
    ['127.0.0.2', '::ffff:127.0.0.1', '127.0.0.2'],
    ['::ffff:127.0.0.3, 10.0.0.1', '::ffff:127.0.0.1', '127.0.0.3'],
    ['', '127.0.0.4', '127.0.0.4'],
  ])('X-Forwarded-For %j from %s -> %s', (xff, remote, expected) => {
    expect(clientAddress(req(xff, remote))).toBe(expected)
  })
})

describe('parseGoDuration (ban_duration)', () => {
  it.each([
    ['24h', 86_400_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1_500],
    ['300ms', 300],
    ['-2m', -120_000],
    ['0', 0],
    ['1h1h', 7_200_000],
    ['', undefined],
    ['24', undefined],
    ['1d', undefined],
    ['a week', undefined],
    ['h', undefined],
  ])('%j -> %s', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms)
  })
})

describe('redirectTarget', () => {
  const site = 'http://127.0.0.1:5173'
  const allow = ['http://localhost:5173', 'https://app.example.pt/**']
  it.each([
    [undefined, site],
    ['http://127.0.0.1:5173/nova-palavra-passe', 'http://127.0.0.1:5173/nova-palavra-passe'],
    ['http://127.0.0.1:4000/x', 'http://127.0.0.1:4000/x'],
    ['http://localhost:5173', 'http://localhost:5173'],
    ['http://localhost:5173/other', site],
    ['https://app.example.pt/convite', 'https://app.example.pt/convite'],
    ['https://evil.example/', site],
    ['not a url', site],
  ])('%j -> %s', (requested, expected) => {
    expect(redirectTarget(requested, site, allow)).toBe(expected)
  })
})

describe('validateEmail', () => {
  it.each([
    ['Ana@Encontro.TEST', 'ana@encontro.test'],
    ["o'neil+x@sub.encontro.pt", "o'neil+x@sub.encontro.pt"],
  ])('%j is valid -> %j', (email, expected) => {
    expect(validateEmail(email)).toBe(expected)
  })
  it.each(['', 'a@b@c.pt', 'joão@encontro.test', 'a@-b.pt', 'a@b..pt', `${'a'.repeat(251)}@b.pt`])('%j -> 400', (email) => {
    expect(() => validateEmail(email)).toThrow(AuthError)
  })
})

describe('error shapes', () => {
  const withVersion = (v?: string) => ({ headers: v === undefined ? {} : { 'x-supabase-api-version': v } }) as http.IncomingMessage
  it.each([
    [undefined, false],
    ['2024-01-01', true],
    ['2025-06-30', true],
    ['2023-12-31', false],
    ['yesterday', false],
  ])('X-Supabase-Api-Version %j -> 2024 shape %s', (v, modern) => {
    expect(wants2024Errors(withVersion(v))).toBe(modern)
  })

  it('weak_password: reasons in both shapes, x-sb-error-code only in the legacy one (as upstream)', () => {
    const err = new WeakPasswordError('Password should be at least 6 characters.', ['length'])
    expect(errorAnswer(err, true)).toEqual({
      status: 422,
      headers: { 'x-supabase-api-version': '2024-01-01' },
      body: { code: 'weak_password', message: err.message, weak_password: { reasons: ['length'] } },
    })
    expect(errorAnswer(err, false).headers).toEqual({ 'x-sb-error-code': 'weak_password' })
  })
})
