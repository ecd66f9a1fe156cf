import type { ComponentPropsWithRef } from 'react'
import { TextArea } from '@/components/ui'
import { CANCEL_REASON_MAX_LENGTH, reasonLength } from '../lib/validate'

type ReasonFieldProps = Omit<ComponentPropsWithRef<'textarea'>, 'value' | 'onChange'> & {
  label: string
  value: string
  onValueChange: (text: string) => void
  error?: string | undefined
  /** The employee's reason is optional; staff must give one. */
  optional?: boolean
}

/**
 * The cancellation reason: the shared TextArea with a character count as its hint (red once
 * over the limit). No maxLength: a pasted text that is too long is kept and flagged, not
 * silently cut.
 */
export function ReasonField({ value, onValueChange, optional = false, ...props }: ReasonFieldProps) {
  const count = reasonLength(value)
  return (
    <TextArea
      {...props}
      value={value}
      onChange={(event) => onValueChange(event.target.value)}
      hint={`${optional ? 'Opcional' : 'Obrigatório'}. ${count}/${CANCEL_REASON_MAX_LENGTH} caracteres.`}
      hintTone={count > CANCEL_REASON_MAX_LENGTH ? 'danger' : 'default'}
    />
  )
}
