import { useState, type FormEvent } from 'react'
import { useMutation } from '@tanstack/react-query'
import { Button, FormAlert, Input } from '@/components/ui'
import { supabase } from '@/lib/supabase'
import { NEW_PASSWORD_HINT, validateNewPassword, type NewPasswordErrors } from '../lib/new-password'
import { newPasswordErrorMessage } from '../lib/recovery-error'

async function setPassword(password: string): Promise<void> {
  const { error } = await supabase.auth.updateUser({ password })
  if (error) throw error
}

/** The new password, twice, for the signed-in person (after a recovery or invitation link). */
export function NewPasswordForm({ onSaved }: { onSaved: () => void }) {
  const [password, setPasswordValue] = useState('')
  const [confirm, setConfirm] = useState('')
  const [errors, setErrors] = useState<NewPasswordErrors>({})
  const mutation = useMutation({ mutationFn: setPassword, onSuccess: onSaved })

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (mutation.isPending) return
    const found = validateNewPassword(password, confirm)
    setErrors(found)
    if (!found.password && !found.confirm) mutation.mutate(password)
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Escolher palavra-passe">
      <Input
        label="Nova palavra-passe"
        type="password"
        name="new-password"
        autoComplete="new-password"
        hint={NEW_PASSWORD_HINT}
        value={password}
        onChange={(e) => setPasswordValue(e.target.value)}
        error={errors.password}
      />
      <Input
        label="Repita a nova palavra-passe"
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={errors.confirm}
      />
      <FormAlert>{mutation.isError ? newPasswordErrorMessage(mutation.error) : null}</FormAlert>
      <Button type="submit" aria-disabled={mutation.isPending || undefined}>
        {mutation.isPending ? 'A guardar...' : 'Guardar palavra-passe'}
      </Button>
    </form>
  )
}
