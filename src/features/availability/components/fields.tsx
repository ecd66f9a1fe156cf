// A labelled input of the availability editor: the error is shown under the field and
// announced with it (aria-describedby + aria-invalid); `describedBy` adds ids of messages
// shared by several fields (a block that overlaps another concerns both of its times).

import { useId, type ComponentPropsWithRef } from 'react'
import { cn } from '@/components/ui'

export type FieldProps = Omit<ComponentPropsWithRef<'input'>, 'aria-describedby' | 'aria-invalid'> & {
  label: string
  error?: string | undefined
  hint?: string | undefined
  /** Ids of other messages about this field (e.g. a form-level error). */
  describedBy?: string | undefined
  invalid?: boolean
  /** Classes of the wrapper (label + input + messages), e.g. a width so messages wrap under the input. */
  wrapperClassName?: string
}

export function Field({ label, error, hint, describedBy, invalid, wrapperClassName, id, className, ...props }: FieldProps) {
  const autoId = useId()
  const inputId = id ?? autoId
  const errorId = `${inputId}-error`
  const hintId = `${inputId}-hint`
  const ids = [hint ? hintId : null, error ? errorId : null, describedBy ?? null].filter(Boolean).join(' ') || undefined
  const isInvalid = Boolean(error) || Boolean(invalid)
  return (
    <div className={cn('flex flex-col gap-1', wrapperClassName)}>
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={isInvalid ? true : undefined}
        aria-describedby={ids}
        className={cn(
          'w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 disabled:bg-slate-100',
          isInvalid ? 'border-red-600' : 'border-slate-300',
          className,
        )}
        {...props}
      />
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  )
}

/** An error about a whole form (a server refusal), announced when it appears. */
export function FormError({ id, message }: { id: string; message: string | null }) {
  // The live region is always there so the message is announced when it appears.
  return (
    <div id={id} role="alert" className={message ? 'text-sm text-red-700' : 'sr-only'}>
      {message}
    </div>
  )
}
