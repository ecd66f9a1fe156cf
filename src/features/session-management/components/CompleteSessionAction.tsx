// "Marcar como realizada" (complete_booking): enabled once the session has started (the
// button turns on by itself at the start time), reported only after the server confirmed.

import { useId, useState } from 'react'
import { Button, FormAlert } from '@/components/ui'
import { useBoundaryClock } from '@/features/sessions'
import type { BookingRow } from '../api/booking-actions'
import type { ActionFailure } from '../lib/action-errors'
import { runAction, useCompleteBooking } from '../hooks/use-booking-actions'

export const COMPLETE_TEXTS = {
  action: 'Marcar como realizada',
  pending: 'A guardar…',
  notStarted: 'Disponível quando a sessão começar.',
} as const

export type CompleteSessionActionProps = {
  session: { id: string; starts_at: string }
  onCompleted: (booking: BookingRow) => void
}

export function CompleteSessionAction({ session, onCompleted }: CompleteSessionActionProps) {
  const mutation = useCompleteBooking()
  const [failure, setFailure] = useState<ActionFailure | null>(null)
  const startMs = Date.parse(session.starts_at)
  const now = useBoundaryClock([startMs])
  const started = Number.isFinite(startMs) && now >= startMs
  const hintId = useId()
  const pending = mutation.isPending

  const complete = async () => {
    if (pending || !started) return
    setFailure(null)
    const result = await runAction(mutation, { bookingId: session.id })
    if (result.ok) onCompleted(result.booking)
    else setFailure(result)
  }

  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          variant="secondary"
          onClick={() => void complete()}
          disabled={!started}
          aria-disabled={pending || undefined}
          aria-describedby={started ? undefined : hintId}
        >
          {pending ? COMPLETE_TEXTS.pending : COMPLETE_TEXTS.action}
        </Button>
      </div>
      {started ? null : (
        <p id={hintId} className="text-sm text-slate-600">
          {COMPLETE_TEXTS.notStarted}
        </p>
      )}
      <FormAlert>{failure?.message}</FormAlert>
    </div>
  )
}
