import { useState } from 'react'
import { useNavigate } from 'react-router'
import { Button } from '@/components/ui'
import { useAuth } from '../auth-context'

export const SIGN_OUT_TEXT = 'Sair'

/** "Sair" (sign out): in the header's account area, never among a session's actions. */
export function SignOutButton() {
  const { signOut } = useAuth()
  const navigate = useNavigate()
  const [pending, setPending] = useState(false)
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={pending}
      onClick={async () => {
        setPending(true)
        try {
          await signOut()
        } finally {
          setPending(false)
          navigate('/login', { replace: true })
        }
      }}
    >
      {pending ? 'A sair...' : SIGN_OUT_TEXT}
    </Button>
  )
}
