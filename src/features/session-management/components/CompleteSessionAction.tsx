// The two outcomes of a session that has started, each final and so confirmed first:
// "Marcar como realizada" (complete_booking) and "Faltou" (mark_booking_no_show). Enabled once
// the session has started (the button turns on by itself at the start time, and says why it
// is off before), reported only after the server confirmed.

import { useId, useState } from 'react'
import { Button, FormAlert } from '@/components/ui'
import { useBoundaryClock } from '@/features/sessions'
import type { ActionResult, BookingRow, CompleteInput } from '../api/booking-actions'
import type { ActionFailure } from '../lib/action-errors'
import { runAction, useCompleteBooking, useMarkNoShow } from '../hooks/use-booking-actions'

type OutcomeTexts = {
  action: string
  question: string
  confirm: string
  back: string
  pending: string
  notStarted: string
}

export const COMPLETE_TEXTS = {
  action: 'Marcar como realizada',
  question: 'Marcar esta sessão como realizada? Não é possível desfazer.',
  confirm: 'Sim, foi realizada',
  back: 'Voltar',
  pending: 'A guardar…',
  notStarted: 'Disponível a partir do início da sessão.',
} as const satisfies OutcomeTexts

export const NO_SHOW_TEXTS = {
  action: 'O colaborador faltou',
  question: 'Registar que o colaborador faltou a esta sessão? O colaborador verá a sessão como "Faltou". Não é possível desfazer.',
  confirm: 'Sim, faltou',
  back: 'Voltar',
  pending: 'A guardar…',
  notStarted: 'Disponível a partir do início da sessão.',
} as const satisfies OutcomeTexts

export type CompleteSessionActionProps = {
  session: { id: string; starts_at: string }
  onCompleted: (booking: BookingRow) => void
}

type Mutation = { isPending: boolean; mutateAsync: (input: CompleteInput) => Promise<ActionResult> }

function OutcomeAction({
  session,
  texts,
  mutation,
  onDone,
  visibleHint = true,
}: {
  session: CompleteSessionActionProps['session']
  texts: OutcomeTexts
  mutation: Mutation
  onDone: (booking: BookingRow) => void
  /** Next to "Marcar como realizada" the same hint is already visible: read it out only. */
  visibleHint?: boolean
}) {
  const [confirming, setConfirming] = useState(false)
  const [failure, setFailure] = useState<ActionFailure | null>(null)
  const startMs = Date.parse(session.starts_at)
  const now = useBoundaryClock([startMs])
  const started = Number.isFinite(startMs) && now >= startMs
  const hintId = useId()
  const questionId = useId()
  const confirmId = useId()
  const triggerId = useId()
  const pending = mutation.isPending

  const ask = () => {
    if (!started) return
    setFailure(null)
    setConfirming(true)
    requestAnimationFrame(() => document.getElementById(confirmId)?.focus())
  }

  const back = () => {
    if (pending) return
    setConfirming(false)
    requestAnimationFrame(() => document.getElementById(triggerId)?.focus())
  }

  const confirm = async () => {
    if (pending || !started) return
    setFailure(null)
    const result = await runAction(mutation, { bookingId: session.id })
    if (result.ok) onDone(result.booking)
    else setFailure(result)
  }

  return (
    <div className="flex flex-col gap-2">
      {confirming ? (
        <div role="group" aria-labelledby={questionId} className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3">
          <p id={questionId} className="text-sm font-medium text-amber-950">
            {texts.question}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button id={confirmId} onClick={() => void confirm()} aria-disabled={pending || undefined}>
              {pending ? texts.pending : texts.confirm}
            </Button>
            <Button variant="secondary" onClick={back} disabled={pending}>
              {texts.back}
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button
            id={triggerId}
            variant="secondary"
            onClick={ask}
            disabled={!started}
            aria-describedby={started ? undefined : hintId}
          >
            {texts.action}
          </Button>
        </div>
      )}
      {started ? null : (
        <p id={hintId} className={visibleHint ? 'text-sm text-slate-600' : 'sr-only'}>
          {texts.notStarted}
        </p>
      )}
      <FormAlert>{failure?.message}</FormAlert>
    </div>
  )
}

/** "Marcar como realizada", confirmed. */
export function CompleteSessionAction({ session, onCompleted }: CompleteSessionActionProps) {
  return <OutcomeAction session={session} texts={COMPLETE_TEXTS} mutation={useCompleteBooking()} onDone={onCompleted} />
}

/** "Faltou": the employee did not come, confirmed. For the session's prestador (the RPC checks). */
export function NoShowSessionAction({ session, onCompleted }: CompleteSessionActionProps) {
  return <OutcomeAction session={session} texts={NO_SHOW_TEXTS} mutation={useMarkNoShow()} onDone={onCompleted} visibleHint={false} />
}
