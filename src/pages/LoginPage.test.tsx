import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { AuthTestProviders, PROFILES, fakeAuth } from '@/test-utils/auth'
import type { AuthContextValue } from '@/features/auth'
import { LoginPage } from './LoginPage'

function renderLogin(path: string, auth: AuthContextValue) {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '*', element: <p>landed</p> },
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

describe('LoginPage', () => {
  it('shows the form when signed out', () => {
    renderLogin('/login', fakeAuth())
    expect(screen.getByRole('heading', { name: 'Entrar' })).toBeInTheDocument()
    expect(screen.getByLabelText('E-mail')).toBeInTheDocument()
  })

  it('says the session ended when it ended by itself (expired, revoked), and not otherwise', () => {
    const { unmount } = render(
      <AuthTestProviders auth={fakeAuth({ sessionEnded: true })}>
        <RouterProvider router={createMemoryRouter([{ path: '/login', element: <LoginPage /> }], { initialEntries: ['/login?next=%2Fuser%2Fsessions'] })} />
      </AuthTestProviders>,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('A sua sessão terminou. Inicie sessão novamente.')
    expect(screen.getByLabelText('E-mail')).toBeInTheDocument()
    unmount()
    renderLogin('/login', fakeAuth())
    expect(screen.queryByText('A sua sessão terminou. Inicie sessão novamente.')).not.toBeInTheDocument()
  })

  it('sends a signed-in person back to the page they wanted', async () => {
    const router = renderLogin('/login?next=%2Fuser%2Fsessions%3Ftab%3Dpast', fakeAuth({ profile: PROFILES.user }))
    await screen.findByText('landed')
    expect(router.state.location.pathname + router.state.location.search).toBe('/user/sessions?tab=past')
  })

  it.each([
    ['no next', '/login', '/especialista/dashboard'],
    ['an external next', '/login?next=https%3A%2F%2Fevil.example', '/especialista/dashboard'],
    ['a protocol-relative next', '/login?next=%2F%2Fevil.example', '/especialista/dashboard'],
  ])('sends them to their role home with %s', async (_name, path, expected) => {
    const router = renderLogin(path, fakeAuth({ profile: PROFILES.especialista }))
    await screen.findByText('landed')
    expect(router.state.location.pathname).toBe(expected)
  })
})
