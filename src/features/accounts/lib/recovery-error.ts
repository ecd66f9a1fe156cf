import { isAuthApiError, isAuthRetryableFetchError } from '@supabase/supabase-js'

/** The neutral answer: it never tells whether an account exists for the address. */
export const RECOVERY_SENT =
  'Se existir uma conta com este e-mail, enviámos um link para escolher uma nova palavra-passe. Veja a sua caixa de correio.'

/** pt-PT for a refused or failed recovery request (rate limits, server unreachable). */
export function recoveryErrorMessage(error: unknown): string {
  if (isAuthApiError(error) && error.status === 429) {
    return 'Já foram pedidos vários links há pouco. Aguarde um minuto e tente de novo.'
  }
  if (isAuthApiError(error) && error.code === 'validation_failed') return 'E-mail inválido.'
  if (isAuthRetryableFetchError(error)) return 'Não foi possível contactar o servidor. Verifique a ligação e tente de novo.'
  return 'Não foi possível enviar o pedido. Tente de novo.'
}

/** pt-PT for a refused new password. */
export function newPasswordErrorMessage(error: unknown): string {
  if (isAuthApiError(error) && error.code === 'same_password') return 'A nova palavra-passe tem de ser diferente da anterior.'
  if (isAuthApiError(error) && error.code === 'weak_password') return 'Esta palavra-passe é demasiado fraca. Escolha outra.'
  if (isAuthApiError(error) && (error.status === 401 || error.status === 403)) {
    return 'O link já não é válido. Peça um novo link abaixo.'
  }
  if (isAuthRetryableFetchError(error)) return 'Não foi possível contactar o servidor. Verifique a ligação e tente de novo.'
  return 'Não foi possível guardar a palavra-passe. Tente de novo.'
}
