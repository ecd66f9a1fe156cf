import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { AuthApiError, AuthRetryableFetchError } from '@supabase/supabase-js'
import { AuthTestProviders, fakeAuth } from '@/test-utils/auth'
import type { AuthContextValue } from '../auth-context'
import { LoginForm } from './LoginForm'

function setup(signIn: AuthContextValue['signIn'] = vi.fn(async () => {}), onSuccess = vi.fn()) {
  const auth = fakeAuth({ signIn })
  render(
    <AuthTestProviders auth={auth}>
      <LoginForm onSuccess={onSuccess} />
    </AuthTestProviders>,
  )
  return {
    user: userEvent.setup(),
    email: screen.getByLabelText('E-mail'),
    password: screen.getByLabelText('Palavra-passe'),
    submit: screen.getByRole('button', { name: 'Entrar' }),
    signIn,
    onSuccess,
  }
}

describe('LoginForm', () => {
  it('asks for both fields next to them when submitted empty, without calling the server', async () => {
    const { user, email, password, submit, signIn } = setup()
    await user.click(submit)

    expect(email).toHaveAccessibleDescription('Indique o seu e-mail.')
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(password).toHaveAccessibleDescription('Indique a palavra-passe.')
    expect(password).toHaveAttribute('aria-invalid', 'true')
    expect(email).toHaveFocus()
    expect(signIn).not.toHaveBeenCalled()
  })

  it('rejects a malformed email and clears the message once fixed', async () => {
    const { user, email, password, submit, signIn } = setup()
    await user.type(email, 'joao@')
    await user.type(password, 'segredo')
    await user.click(submit)

    expect(email).toHaveAccessibleDescription('E-mail inválido.')
    expect(password).not.toHaveAttribute('aria-invalid')
    expect(signIn).not.toHaveBeenCalled()

    await user.type(email, 'encontro.test')
    expect(email).not.toHaveAttribute('aria-invalid')
    expect(screen.queryByText('E-mail inválido.')).not.toBeInTheDocument()
  })

  it('shows the wrong-password message and keeps what was typed', async () => {
    const signIn = vi.fn(async () => {
      throw new AuthApiError('Invalid login credentials', 400, 'invalid_credentials')
    })
    const { user, email, password, submit } = setup(signIn)
    await user.type(email, 'joao@encontro.test')
    await user.type(password, 'errada')
    await user.click(submit)

    expect(await screen.findByRole('alert')).toHaveTextContent('E-mail ou palavra-passe incorretos.')
    expect(signIn).toHaveBeenCalledWith('joao@encontro.test', 'errada')
    expect(email).toHaveValue('joao@encontro.test')
    expect(password).toHaveValue('errada')
    expect(submit).toBeEnabled()
  })

  it.each([
    ['a network failure', new AuthRetryableFetchError('Failed to fetch', 0)],
    ['a 5xx answer', new AuthApiError('upstream error', 502, undefined)],
    ['a fetch TypeError', new TypeError('Failed to fetch')],
  ])('shows the server-unreachable message on %s', async (_name, error) => {
    const { user, email, password, submit } = setup(vi.fn(async () => Promise.reject(error)))
    await user.type(email, 'joao@encontro.test')
    await user.type(password, 'encontro-demo')
    await user.click(submit)

    expect(await screen.findByRole('alert')).toHaveTextContent('Não foi possível contactar o servidor. Tente novamente.')
    expect(email).toHaveValue('joao@encontro.test')
    expect(password).toHaveValue('encontro-demo')
  })

  it('disables the button and says "A entrar..." while signing in', async () => {
    let finish!: () => void
    const signIn = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    const { user, email, password, submit, onSuccess } = setup(signIn)
    await user.type(email, 'joao@encontro.test')
    await user.type(password, 'encontro-demo')
    await user.click(submit)

    const pending = await screen.findByRole('button', { name: 'A entrar...' })
    expect(pending).toBeDisabled()
    await user.click(pending)
    expect(signIn).toHaveBeenCalledTimes(1)

    finish()
    expect(await screen.findByRole('button', { name: 'Entrar' })).toBeEnabled()
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })
})
