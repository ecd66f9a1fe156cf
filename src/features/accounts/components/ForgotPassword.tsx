import { useState, type FormEvent } from 'react'
import { useMutation } from '@tanstack/react-query'
import { Button, FormAlert, Input } from '@/components/ui'
import { supabase } from '@/lib/supabase'
import { RECOVERY_SENT, recoveryErrorMessage } from '../lib/recovery-error'

/** Where the e-mail's link sends the person back (allowed by auth.site_url / additional_redirect_urls). */
export const NEW_PASSWORD_PATH = '/nova-palavra-passe'

async function requestRecovery(email: string): Promise<void> {
  const { error } = await supabase.auth.resetPasswordForEmail(email, {
    redirectTo: `${window.location.origin}${NEW_PASSWORD_PATH}`,
  })
  if (error) throw error
}

/**
 * "Esqueci-me da palavra-passe": asks Supabase Auth for a recovery e-mail. The answer is the
 * same whether or not an account exists for the address.
 */
export function ForgotPassword({ initiallyOpen = false, title = 'Esqueci-me da palavra-passe' }: { initiallyOpen?: boolean; title?: string }) {
  const [open, setOpen] = useState(initiallyOpen)
  const [email, setEmail] = useState('')
  const [fieldError, setFieldError] = useState<string>()
  const mutation = useMutation({ mutationFn: requestRecovery })

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (mutation.isPending) return
    const value = email.trim()
    const error = !value ? 'Indique o seu e-mail.' : /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value) ? undefined : 'E-mail inválido.'
    setFieldError(error)
    if (!error) mutation.mutate(value)
  }

  if (!open) {
    return (
      <Button variant="ghost" size="sm" className="self-start" aria-expanded="false" onClick={() => setOpen(true)}>
        {title}
      </Button>
    )
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={title}>
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <p className="text-sm text-slate-600">Indique o e-mail da sua conta. Enviamos um link para escolher uma nova palavra-passe.</p>
      <Input
        label="E-mail"
        type="email"
        name="recovery-email"
        autoComplete="email"
        inputMode="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldError}
      />
      {mutation.isSuccess ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          {RECOVERY_SENT}
        </p>
      ) : null}
      <FormAlert>{mutation.isError ? recoveryErrorMessage(mutation.error) : null}</FormAlert>
      <Button type="submit" variant="secondary" aria-disabled={mutation.isPending || undefined}>
        {mutation.isPending ? 'A enviar...' : 'Enviar link'}
      </Button>
    </form>
  )
}
