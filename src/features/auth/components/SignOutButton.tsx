import { useState } from 'react'
import { useNavigate } from 'react-router'
import { Button } from '@/components/ui'
import { useAuth } from '../auth-context'

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
      {pending ? 'A terminar...' : 'Terminar sessão'}
    </Button>
  )
}
