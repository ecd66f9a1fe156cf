/**
 * What the link of a recovery or invitation e-mail brought back in the URL fragment. Supabase
 * Auth redirects with `#access_token=...&type=recovery|invite` (supabase-js signs in from it)
 * or with `#error_code=otp_expired&error_description=...` when the link is used or expired.
 */
export type AuthLinkResult = { kind: 'none' } | { kind: 'session'; type: string } | { kind: 'error'; code: string }

export function readAuthLink(hash: string): AuthLinkResult {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const code = params.get('error_code') ?? (params.get('error') ? 'unknown' : null)
  if (code) return { kind: 'error', code }
  if (params.get('access_token')) return { kind: 'session', type: params.get('type') ?? '' }
  return { kind: 'none' }
}

/** pt-PT for a link that did not work. */
export function authLinkErrorMessage(code: string): string {
  if (code === 'otp_expired') return 'Este link já foi usado ou expirou. Peça um novo link abaixo.'
  if (code === 'user_banned') return 'Esta conta está bloqueada. Contacte o administrador da plataforma.'
  return 'Este link não é válido. Peça um novo link abaixo.'
}
