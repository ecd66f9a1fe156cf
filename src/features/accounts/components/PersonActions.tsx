import { useState } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, useToast } from '@/components/ui'
import { peopleKeys, resendInvite, revokeInvite } from '../api/people-api'
import type { PersonRow } from '../lib/people'

/** Resend or revoke a pending invitation; revoking asks once more. */
export function PersonActions({ person }: { person: PersonRow }) {
  const [confirming, setConfirming] = useState(false)
  const toast = useToast()
  const queryClient = useQueryClient()
  const done = (message: string) => {
    toast.show(message, 'success')
    void queryClient.invalidateQueries({ queryKey: peopleKeys.all })
  }
  const fail = (error: Error) => toast.show(error.message, 'error')
  const resend = useMutation({ mutationFn: resendInvite, onSuccess: () => done(`Convite reenviado para ${person.email}.`), onError: fail })
  const revoke = useMutation({ mutationFn: revokeInvite, onSuccess: () => done(`Convite de ${person.email} anulado.`), onError: fail })
  const busy = resend.isPending || revoke.isPending

  if (confirming) {
    return (
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={`Anular o convite de ${person.name}`}>
        <span className="text-sm text-slate-700">Anular o convite?</span>
        <Button size="sm" variant="danger" aria-disabled={busy || undefined} onClick={() => !busy && revoke.mutate(person.id)}>
          {revoke.isPending ? 'A anular...' : 'Sim, anular'}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => setConfirming(false)}>
          Não
        </Button>
      </div>
    )
  }
  return (
    <div className="flex flex-wrap gap-2">
      <Button size="sm" variant="secondary" aria-disabled={busy || undefined} aria-label={`Reenviar convite a ${person.name}`} onClick={() => !busy && resend.mutate(person.id)}>
        {resend.isPending ? 'A reenviar...' : 'Reenviar convite'}
      </Button>
      <Button size="sm" variant="ghost" aria-label={`Anular convite de ${person.name}`} onClick={() => setConfirming(true)}>
        Anular convite
      </Button>
    </div>
  )
}
