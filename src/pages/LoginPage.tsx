import { Navigate, useSearchParams } from 'react-router'
import { Button, Card, ErrorState, Spinner } from '@/components/ui'
import { homePathFor, safeNextPath, useAuth } from '@/features/auth'
import { LoginForm, SIGN_IN_MESSAGES } from '@/features/auth/login'
import { ForgotPassword } from '@/features/accounts'

export function LoginPage() {
  const { status, profile, profileStatus, refetchProfile, signOut, sessionEnded } = useAuth()
  const [params] = useSearchParams()
  const next = safeNextPath(params.get('next'))

  if (status === 'loading') return <Spinner />
  if (status === 'signed-in') {
    if (profileStatus === 'error') {
      return <ErrorState message="Não foi possível carregar o seu perfil." onRetry={refetchProfile} />
    }
    if (profileStatus === 'success' && !profile) {
      return (
        <div className="flex flex-col items-start gap-3">
          <h1 className="text-2xl font-semibold">Perfil não encontrado</h1>
          <p>A sua conta não tem um perfil associado. Contacte o administrador da plataforma.</p>
          <Button variant="secondary" onClick={() => void signOut()}>
            Sair
          </Button>
        </div>
      )
    }
    if (!profile) return <Spinner label="A carregar o seu perfil..." />
    return <Navigate to={next ?? homePathFor(profile.role)} replace />
  }

  return (
    <div className="mx-auto w-full max-w-sm">
      <h1 className="mb-1 text-2xl font-semibold text-slate-900">Entrar</h1>
      <p className="mb-6 text-slate-600">Aceda às suas sessões no Encontro.</p>
      {sessionEnded ? (
        // Why they are here instead of on their page; announced when it appears.
        <p role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {SIGN_IN_MESSAGES.sessionEnded}
        </p>
      ) : null}
      <Card>
        <LoginForm />
      </Card>
      <div className="mt-4 flex flex-col">
        <ForgotPassword />
      </div>
    </div>
  )
}
