/** The rules of a new password, said the same way in the hint and in the errors. */
export const PASSWORD_MIN_LENGTH = 8

export const NEW_PASSWORD_HINT = `Pelo menos ${PASSWORD_MIN_LENGTH} caracteres, com letras e algarismos.`

export type NewPasswordErrors = { password?: string; confirm?: string }

/** Field errors of the "new password twice" form; empty when it may be sent. */
export function validateNewPassword(password: string, confirm: string): NewPasswordErrors {
  const errors: NewPasswordErrors = {}
  if (!password) errors.password = 'Indique a nova palavra-passe.'
  else if (password.length < PASSWORD_MIN_LENGTH) errors.password = `A palavra-passe precisa de pelo menos ${PASSWORD_MIN_LENGTH} caracteres.`
  else if (!/\p{L}/u.test(password) || !/\d/.test(password)) errors.password = 'A palavra-passe precisa de letras e algarismos.'
  if (!confirm) errors.confirm = 'Repita a nova palavra-passe.'
  else if (password && confirm !== password) errors.confirm = 'As duas palavras-passe não são iguais.'
  return errors
}
