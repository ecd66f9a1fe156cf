import { AuthApiError, AuthRetryableFetchError, AuthUnknownError } from '@supabase/supabase-js'
import { SIGN_IN_MESSAGES, signInErrorMessage } from './sign-in-error'

describe('signInErrorMessage', () => {
  it.each([
    ['invalid_credentials code', new AuthApiError('Invalid login credentials', 400, 'invalid_credentials'), 'invalidCredentials'],
    ['400 without code (older servers)', new AuthApiError('Invalid login credentials', 400, undefined), 'invalidCredentials'],
    ['network failure', new AuthRetryableFetchError('Failed to fetch', 0), 'unreachable'],
    ['502 from the gateway', new AuthApiError('Bad gateway', 502, undefined), 'unreachable'],
    ['503 retryable', new AuthRetryableFetchError('Service Unavailable', 503), 'unreachable'],
    ['unknown auth error (no status)', new AuthUnknownError('boom', null), 'unreachable'],
    ['fetch TypeError', new TypeError('Failed to fetch'), 'unreachable'],
    ['rate limited', new AuthApiError('Too many requests', 429, 'over_request_rate_limit'), 'rateLimited'],
    ['another API error', new AuthApiError('Signups not allowed for this instance', 422, 'signup_disabled'), 'generic'],
    ['something else', new Error('?'), 'generic'],
  ] as const)('%s', (_name, error, key) => {
    expect(signInErrorMessage(error)).toBe(SIGN_IN_MESSAGES[key])
  })
})
