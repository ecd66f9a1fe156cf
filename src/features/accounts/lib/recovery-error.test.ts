import { AuthApiError, AuthRetryableFetchError } from '@supabase/supabase-js'
import { newPasswordErrorMessage, recoveryErrorMessage } from './recovery-error'

describe('recoveryErrorMessage', () => {
  it.each([
    [new AuthApiError('For security purposes, you can only request this after 42 seconds.', 429, 'over_email_send_rate_limit'), 'Já foram pedidos vários links há pouco. Aguarde um minuto e tente de novo.'],
    [new AuthApiError('Request rate limit reached', 429, 'over_request_rate_limit'), 'Já foram pedidos vários links há pouco. Aguarde um minuto e tente de novo.'],
    [new AuthApiError('Unable to validate email address: invalid format', 400, 'validation_failed'), 'E-mail inválido.'],
    [new AuthRetryableFetchError('Failed to fetch', 0), 'Não foi possível contactar o servidor. Verifique a ligação e tente de novo.'],
    [new AuthApiError('Error sending recovery email', 500, 'unexpected_failure'), 'Não foi possível enviar o pedido. Tente de novo.'],
  ])('%s', (error, message) => {
    expect(recoveryErrorMessage(error)).toBe(message)
  })
})

describe('newPasswordErrorMessage', () => {
  it.each([
    [new AuthApiError('New password should be different from the old password.', 422, 'same_password'), 'A nova palavra-passe tem de ser diferente da anterior.'],
    [new AuthApiError('Password should be at least 6 characters.', 422, 'weak_password'), 'Esta palavra-passe é demasiado fraca. Escolha outra.'],
    [new AuthApiError('Session from session_id claim in JWT does not exist', 403, 'session_not_found'), 'O link já não é válido. Peça um novo link abaixo.'],
    [new Error('boom'), 'Não foi possível guardar a palavra-passe. Tente de novo.'],
  ])('%s', (error, message) => {
    expect(newPasswordErrorMessage(error)).toBe(message)
  })
})
