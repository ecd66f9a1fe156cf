import type { ReactNode } from 'react'
import { Link, Navigate, Outlet, useLocation } from 'react-router'
import { Button, ErrorState, Spinner } from '@/components/ui'
import { useAuth } from '../auth-context'
import { homePathFor, loginPathFor } from '../lib/roles'
import type { AppRole } from '../types'

export type RequireRoleProps = {
  /** Roles allowed to see the page. */
  roles: readonly AppRole[]
  /** What to render when allowed; defaults to the nested route (<Outlet />). */
  children?: ReactNode
}

/**
 * Route guard. Not signed in -> /login?next=<this page> (plain /login right after pressing
 * "Sair"). Signed in with another role ->
 * "Sem acesso" with a link to their own home. This only shapes the UI: what data a person
 * can read is enforced by RLS in Postgres.
 */
export function RequireRole({ roles, children }: RequireRoleProps) {
  const { status, profile, profileStatus, refetchProfile, signOut, signedOutByUser } = useAuth()
  const location = useLocation()

  if (status === 'loading') return <Spinner />
  if (status === 'signed-out') {
    const to = signedOutByUser ? '/login' : loginPathFor(location.pathname + location.search + location.hash)
    return <Navigate to={to} replace />
  }
  if (profileStatus === 'pending' || profileStatus === 'idle') return <Spinner label="A carregar o seu perfil..." />
  if (profileStatus === 'error') {
    return (
      <ErrorState message="Não foi possível carregar o seu perfil." onRetry={refetchProfile} />
    )
  }
  if (!profile) {
    return (
      <section className="flex flex-col items-start gap-3" aria-labelledby="no-profile-title">
        <h1 id="no-profile-title" className="text-2xl font-semibold">
          Perfil não encontrado
        </h1>
        <p>A sua conta não tem um perfil associado. Contacte o administrador da plataforma.</p>
        <Button variant="secondary" onClick={() => void signOut()}>
          Sair
        </Button>
      </section>
    )
  }
  if (!roles.includes(profile.role)) return <NoAccess homePath={homePathFor(profile.role)} />
  return <>{children ?? <Outlet />}</>
}

export function NoAccess({ homePath }: { homePath: string }) {
  return (
    <section className="flex flex-col items-start gap-3" aria-labelledby="no-access-title">
      <h1 id="no-access-title" className="text-2xl font-semibold">
        Sem acesso
      </h1>
      <p>Esta página não está disponível para o seu perfil.</p>
      <Link to={homePath} className="font-medium text-brand-800 underline">
        Ir para a minha página inicial
      </Link>
    </section>
  )
}
