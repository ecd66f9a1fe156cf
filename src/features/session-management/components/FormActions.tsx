// The end of the session-management forms: the form-level failure (announced), then the
// submit button and "Voltar". While saving, submit is aria-disabled, not disabled: a disabled
// button would drop the focus.

import { Button, FormAlert } from '@/components/ui'

export type FormActionsProps = {
  pending: boolean
  /** A failure that belongs to no field, or null. */
  failure: string | null | undefined
  submit: string
  /** The submit text while saving ("A cancelar…"). */
  submitPending: string
  submitVariant?: 'primary' | 'danger'
  back: string
  onBack: () => void
}

export function FormActions({ pending, failure, submit, submitPending, submitVariant = 'primary', back, onBack }: FormActionsProps) {
  return (
    <>
      <FormAlert>{failure}</FormAlert>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant={submitVariant} aria-disabled={pending || undefined}>
          {pending ? submitPending : submit}
        </Button>
        <Button variant="secondary" onClick={onBack} disabled={pending}>
          {back}
        </Button>
      </div>
    </>
  )
}
