import { isAuthApiError, isAuthError, isAuthRetryableFetchError } from '@supabase/supabase-js'

export const SIGN_IN_MESSAGES = {
  invalidCredentials: 'E-mail ou palavra-passe incorretos.',
  unreachable: 'Não foi possível contactar o servidor. Tente novamente.',
  rateLimited: 'Demasiadas tentativas. Aguarde um pouco e tente novamente.',
  generic: 'Não foi possível entrar. Tente novamente.',
  /** On /login after a session ended by itself (not "Sair"). */
  sessionEnded: 'A sua sessão terminou. Inicie sessão novamente.',
} as const

/** Maps whatever signInWithPassword failed with to a pt-PT message for the form. */
export function signInErrorMessage(error: unknown): string {
  if (isAuthApiError(error)) {
    if (error.code === 'invalid_credentials') return SIGN_IN_MESSAGES.invalidCredentials
    // Older auth servers send no code, only the message.
    if (error.status === 400 && /invalid login credentials/i.test(error.message)) {
      return SIGN_IN_MESSAGES.invalidCredentials
    }
    if (error.status === 429) return SIGN_IN_MESSAGES.rateLimited
    if (error.status >= 500) return SIGN_IN_MESSAGES.unreachable
    return SIGN_IN_MESSAGES.generic
  }
  if (isAuthRetryableFetchError(error)) return SIGN_IN_MESSAGES.unreachable
  if (isAuthError(error) && (error.status === undefined || error.status === 0 || error.status >= 500)) {
    return SIGN_IN_MESSAGES.unreachable
  }
  // fetch() rejects with a TypeError when the network is down.
  if (error instanceof TypeError) return SIGN_IN_MESSAGES.unreachable
  return SIGN_IN_MESSAGES.generic
}
