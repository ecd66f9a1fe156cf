import { Navigate } from 'react-router'
import { ErrorState, Spinner } from '@/components/ui'
import { RequireRole, homePathFor, useAuth } from '@/features/auth'

/** "/": the role's home when signed in, /login otherwise. */
export function HomeRedirect() {
  const { status, profile, profileStatus, refetchProfile } = useAuth()
  if (status === 'loading') return <Spinner />
  if (status === 'signed-out') return <Navigate to="/login" replace />
  if (profileStatus === 'error') {
    return <ErrorState message="Não foi possível carregar o seu perfil." onRetry={refetchProfile} />
  }
  if (profile) return <Navigate to={homePathFor(profile.role)} replace />
  // Pending, or the profile row is missing: RequireRole renders those states.
  return <RequireRole roles={[]} />
}
