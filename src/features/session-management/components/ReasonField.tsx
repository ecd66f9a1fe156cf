import { useId, type ComponentPropsWithRef } from 'react'
import { cn } from '@/components/ui'
import { CANCEL_REASON_MAX_LENGTH, reasonLength } from '../lib/validate'

type ReasonFieldProps = Omit<ComponentPropsWithRef<'textarea'>, 'value' | 'onChange'> & {
  label: string
  value: string
  onValueChange: (text: string) => void
  error?: string | undefined
}

/**
 * A labelled textarea for the cancellation reason, with a character count and the error
 * under it (aria-describedby + aria-invalid), like the shared Input. No maxLength: a pasted
 * text that is too long is kept and flagged, not silently cut.
 */
export function ReasonField({ label, value, onValueChange, error, id, className, ...props }: ReasonFieldProps) {
  const autoId = useId()
  const fieldId = id ?? autoId
  const hintId = `${fieldId}-hint`
  const errorId = `${fieldId}-error`
  const count = reasonLength(value)
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={fieldId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={fieldId}
        rows={3}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
        className={cn(
          'rounded-md border bg-white px-3 py-2 text-base text-slate-900',
          error ? 'border-red-600' : 'border-slate-300',
          className,
        )}
        {...props}
      />
      <p id={hintId} className={cn('text-sm', count > CANCEL_REASON_MAX_LENGTH ? 'text-red-700' : 'text-slate-600')}>
        Obrigatório. {count}/{CANCEL_REASON_MAX_LENGTH} caracteres.
      </p>
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  )
}
