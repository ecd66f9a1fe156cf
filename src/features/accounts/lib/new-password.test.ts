import { validateNewPassword } from './new-password'

describe('validateNewPassword', () => {
  it.each([
    ['', '', { password: 'Indique a nova palavra-passe.', confirm: 'Repita a nova palavra-passe.' }],
    ['abc12', 'abc12', { password: 'A palavra-passe precisa de pelo menos 8 caracteres.' }],
    ['abcdefgh', 'abcdefgh', { password: 'A palavra-passe precisa de letras e algarismos.' }],
    ['12345678', '12345678', { password: 'A palavra-passe precisa de letras e algarismos.' }],
    ['palavra-nova-1', 'palavra-nova-2', { confirm: 'As duas palavras-passe não são iguais.' }],
    ['palavra-nova-1', '', { confirm: 'Repita a nova palavra-passe.' }],
    ['ção-segura-9', 'ção-segura-9', {}],
  ])('%j / %j', (password, confirm, expected) => {
    expect(validateNewPassword(password, confirm)).toEqual(expected)
  })
})
