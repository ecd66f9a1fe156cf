import { useState } from 'react'
import { Navigate } from 'react-router'
import { Card, Spinner } from '@/components/ui'
import { homePathFor, useAuth } from '@/features/auth'
import { authLinkErrorMessage, ForgotPassword, NewPasswordForm, readAuthLink } from '@/features/accounts'

/**
 * Where the recovery and invitation e-mails' links land (implicit flow: supabase-js signs the
 * person in from the URL fragment). A new password twice, then the role's page. A used or
 * expired link says so and offers to ask for a new one.
 */
export function NewPasswordPage() {
  // Read once: supabase-js clears the fragment after signing in from it (not after an error).
  const [link] = useState(() => readAuthLink(window.location.hash))
  const { status, profile, profileStatus } = useAuth()
  const [saved, setSaved] = useState(false)

  if (link.kind === 'error' || status === 'signed-out') {
    return (
      <div className="mx-auto flex w-full max-w-sm flex-col gap-4">
        <h1 className="text-2xl font-semibold text-slate-900">Link sem efeito</h1>
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {authLinkErrorMessage(link.kind === 'error' ? link.code : 'none')}
        </p>
        <Card>
          <ForgotPassword initiallyOpen title="Pedir um novo link" />
        </Card>
        <p className="text-sm text-slate-600">
          Recebeu um convite? Peça um novo convite a quem o convidou.
        </p>
      </div>
    )
  }
  if (status === 'loading') return <Spinner />
  if (saved) {
    if (profile) return <Navigate to={homePathFor(profile.role)} replace />
    if (profileStatus === 'success' || profileStatus === 'error') {
      return <p role="alert">A palavra-passe foi guardada, mas a sua conta não tem um perfil associado. Contacte o administrador da plataforma.</p>
    }
    return <Spinner label="A abrir a sua página..." />
  }
  return (
    <div className="mx-auto w-full max-w-sm">
      <h1 className="mb-1 text-2xl font-semibold text-slate-900">Escolha a sua palavra-passe</h1>
      <p className="mb-6 text-slate-600">Vai usá-la para entrar no Encontro com {profile?.email ?? 'o seu e-mail'}.</p>
      <Card>
        <NewPasswordForm onSaved={() => setSaved(true)} />
      </Card>
    </div>
  )
}
