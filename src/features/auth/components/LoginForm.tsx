import { useRef, useState, type FormEvent } from 'react'
import { useMutation } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { Button, Input } from '@/components/ui'
import { useAuth } from '../auth-context'
import { signInErrorMessage } from '../lib/sign-in-error'

const loginSchema = z.object({
  email: z.string().check(z.minLength(1, 'Indique o seu e-mail.'), z.email('E-mail inválido.')),
  password: z.string().check(z.minLength(1, 'Indique a palavra-passe.')),
})

type Field = 'email' | 'password'
type FieldErrors = Partial<Record<Field, string>>

function validate(values: { email: string; password: string }): FieldErrors {
  const result = loginSchema.safeParse(values)
  if (result.success) return {}
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const field = issue.path[0]
    if ((field === 'email' || field === 'password') && !errors[field]) errors[field] = issue.message
  }
  return errors
}

export type LoginFormProps = {
  /** Called after a successful sign-in (the auth state change follows). */
  onSuccess?: () => void
}

/**
 * E-mail and password sign-in. Field errors sit next to their field; the server's answer
 * (wrong password, unreachable server) is shown above the button. What was typed is never
 * cleared on error.
 */
export function LoginForm({ onSuccess }: LoginFormProps) {
  const { signIn } = useAuth()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [submitted, setSubmitted] = useState(false)
  const emailRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)

  const mutation = useMutation({
    mutationFn: (values: { email: string; password: string }) => signIn(values.email, values.password),
    onSuccess: () => onSuccess?.(),
  })

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (mutation.isPending) return
    const values = { email: email.trim(), password }
    const fieldErrors = validate(values)
    setErrors(fieldErrors)
    setSubmitted(true)
    if (fieldErrors.email) return emailRef.current?.focus()
    if (fieldErrors.password) return passwordRef.current?.focus()
    mutation.mutate(values)
  }

  // After the first attempt, re-validate as the person types so fixed errors go away.
  function revalidate(next: { email: string; password: string }) {
    if (submitted) setErrors(validate({ email: next.email.trim(), password: next.password }))
  }

  const pending = mutation.isPending

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Entrar">
      <Input
        ref={emailRef}
        label="E-mail"
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        value={email}
        onChange={(e) => {
          setEmail(e.target.value)
          revalidate({ email: e.target.value, password })
        }}
        error={errors.email}
      />
      <Input
        ref={passwordRef}
        label="Palavra-passe"
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => {
          setPassword(e.target.value)
          revalidate({ email, password: e.target.value })
        }}
        error={errors.password}
      />
      {mutation.isError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {signInErrorMessage(mutation.error)}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? 'A entrar...' : 'Entrar'}
      </Button>
    </form>
  )
}
