import { authLinkErrorMessage, readAuthLink } from './auth-link'

describe('readAuthLink', () => {
  it.each([
    ['', { kind: 'none' }],
    ['#access_token=a.b.c&expires_in=3600&refresh_token=r&token_type=bearer&type=recovery', { kind: 'session', type: 'recovery' }],
    ['#access_token=a.b.c&type=invite', { kind: 'session', type: 'invite' }],
    [
      '#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired&sb=', // GoTrue's English text; vocabulary: allow
      { kind: 'error', code: 'otp_expired' },
    ],
    ['#error=server_error', { kind: 'error', code: 'unknown' }],
  ])('%s', (hash, expected) => {
    expect(readAuthLink(hash)).toEqual(expected)
  })
})

describe('authLinkErrorMessage', () => {
  it('says a used or expired link is used or expired, and offers a new one', () => {
    expect(authLinkErrorMessage('otp_expired')).toBe('Este link já foi usado ou expirou. Peça um novo link abaixo.')
  })
  it('falls back to a generic pt-PT message', () => {
    expect(authLinkErrorMessage('whatever')).toBe('Este link não é válido. Peça um novo link abaixo.')
  })
})
