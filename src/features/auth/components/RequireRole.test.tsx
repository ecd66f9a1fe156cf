import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router'
import { AuthTestProviders, PROFILES, fakeAuth } from '@/test-utils/auth'
import type { AuthContextValue } from '../auth-context'
import { RequireRole } from './RequireRole'

function LoginProbe() {
  const location = useLocation()
  return <p data-testid="login">{location.pathname + location.search}</p>
}

function renderAt(path: string, auth: AuthContextValue) {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginProbe /> },
      {
        path: '/user/sessions',
        element: <RequireRole roles={['user']} />,
        children: [{ index: true, element: <h1>Meu percurso</h1> }],
      },
      { path: '/prestador/sessions', element: <h1>Sessões do prestador</h1> },
    ],
    { initialEntries: [path] },
  )
  render(
    <AuthTestProviders auth={auth}>
      <RouterProvider router={router} />
    </AuthTestProviders>,
  )
  return router
}

describe('RequireRole', () => {
  it('sends a signed-out visitor to /login, keeping the page they wanted in ?next', async () => {
    const router = renderAt('/user/sessions?tab=past', fakeAuth())
    expect(await screen.findByTestId('login')).toHaveTextContent('/login?next=%2Fuser%2Fsessions%3Ftab%3Dpast')
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/user/sessions?tab=past')
    expect(screen.queryByRole('heading', { name: 'Meu percurso' })).not.toBeInTheDocument()
  })

  it('sends to plain /login right after "Sair" (no next for the next person)', async () => {
    const router = renderAt('/user/sessions', fakeAuth({ signedOutByUser: true }))
    expect(await screen.findByTestId('login')).toHaveTextContent(/^\/login$/)
    expect(router.state.location.search).toBe('')
  })

  it('shows "Sem acesso" with a link to their own home for the wrong role', async () => {
    renderAt('/user/sessions', fakeAuth({ profile: PROFILES.prestador }))
    expect(await screen.findByRole('heading', { name: 'Sem acesso' })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Meu percurso' })).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Ir para a minha página inicial' })).toHaveAttribute(
      'href',
      '/prestador/sessions',
    )
  })

  it('renders the page for the right role', async () => {
    renderAt('/user/sessions', fakeAuth({ profile: PROFILES.user }))
    expect(await screen.findByRole('heading', { name: 'Meu percurso' })).toBeInTheDocument()
  })

  it('waits (no redirect, no content) while the session is being restored', async () => {
    const router = renderAt('/user/sessions', fakeAuth({ status: 'loading' }))
    expect(await screen.findByRole('status')).toHaveTextContent('A carregar...')
    expect(router.state.location.pathname).toBe('/user/sessions')
    expect(screen.queryByRole('heading', { name: 'Meu percurso' })).not.toBeInTheDocument()
  })

  it('waits for the profile before deciding', async () => {
    renderAt('/user/sessions', fakeAuth({ status: 'signed-in', profile: null, profileStatus: 'pending' }))
    expect(await screen.findByRole('status')).toHaveTextContent('A carregar o seu perfil...')
  })

  it('offers a retry when the profile fails to load', async () => {
    const auth = fakeAuth({ status: 'signed-in', profile: null, profileStatus: 'error', profileError: new Error('x') })
    renderAt('/user/sessions', auth)
    const retry = await screen.findByRole('button', { name: 'Tentar novamente' })
    retry.click()
    expect(auth.refetchProfile).toHaveBeenCalled()
  })
})
