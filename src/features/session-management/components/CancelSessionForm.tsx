// Cancels a session with a reason (cancel_booking). Used in the prestador's / especialista's
// session modal and on the employee's card. What was typed stays after any failure; success
// is only reported (onCancelled) once the server returned the cancelled booking.

import { useId, useRef, useState, type FormEvent } from 'react'
import { useDialogDirty } from '@/components/ui/Dialog'
import type { BookingRow } from '../api/booking-actions'
import type { ActionFailure } from '../lib/action-errors'
import { validateCancelReason } from '../lib/validate'
import { runAction, useCancelBooking } from '../hooks/use-booking-actions'
import { FormActions } from './FormActions'
import { ReasonField } from './ReasonField'

export const CANCEL_FORM_TEXTS = {
  reason: 'Motivo do cancelamento',
  submit: 'Confirmar cancelamento',
  pending: 'A cancelar…',
  back: 'Voltar',
} as const

export type CancelSessionFormProps = {
  bookingId: string
  /** Called once the server confirmed, with the cancelled booking. */
  onCancelled: (booking: BookingRow) => void
  /** "Voltar": close the form without cancelling. */
  onDismiss: () => void
  /** A sentence above the field (who will be told, etc.). */
  intro?: string
  /** The employee's own cancellation: the reason may stay empty. */
  reasonOptional?: boolean
}

export function CancelSessionForm({ bookingId, onCancelled, onDismiss, intro, reasonOptional = false }: CancelSessionFormProps) {
  const mutation = useCancelBooking()
  const [text, setText] = useState('')
  const [attempted, setAttempted] = useState(false)
  const [failure, setFailure] = useState<ActionFailure | null>(null)
  const fieldRef = useRef<HTMLTextAreaElement>(null)
  const introId = useId()
  const pending = mutation.isPending
  // A typed reason is not thrown away by closing the dialog around the form without asking.
  useDialogDirty(text.trim() !== '')

  const check = validateCancelReason(text, { optional: reasonOptional })
  const fieldError = !attempted
    ? undefined
    : !check.ok
      ? check.error
      : failure?.field === 'reason'
        ? failure.message
        : undefined

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (pending) return
    setAttempted(true)
    setFailure(null)
    if (!check.ok) {
      fieldRef.current?.focus()
      return
    }
    const result = await runAction(mutation, { bookingId, reason: check.reason })
    if (result.ok) {
      onCancelled(result.booking)
      return
    }
    setFailure(result)
    if (result.field === 'reason') fieldRef.current?.focus()
  }

  return (
    <form
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-busy={pending || undefined}
      aria-describedby={intro ? introId : undefined}
      aria-label="Cancelar sessão"
      className="flex flex-col gap-3"
    >
      {intro ? (
        <p id={introId} className="text-sm text-slate-700">
          {intro}
        </p>
      ) : null}
      <ReasonField
        ref={fieldRef}
        label={CANCEL_FORM_TEXTS.reason}
        optional={reasonOptional}
        value={text}
        onValueChange={(next) => {
          setText(next)
          if (failure?.field === 'reason') setFailure(null)
        }}
        readOnly={pending}
        error={fieldError}
      />
      <FormActions
        pending={pending}
        failure={failure && failure.field !== 'reason' ? failure.message : null}
        submit={CANCEL_FORM_TEXTS.submit}
        submitPending={CANCEL_FORM_TEXTS.pending}
        submitVariant="danger"
        back={CANCEL_FORM_TEXTS.back}
        onBack={onDismiss}
      />
    </form>
  )
}
