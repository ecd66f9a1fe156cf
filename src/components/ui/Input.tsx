import { useId, type ComponentPropsWithRef } from 'react'
import { cn } from './cn'

export type InputProps = ComponentPropsWithRef<'input'> & {
  label: string
  /** Shown under the field and announced with it (aria-describedby + aria-invalid). */
  error?: string | undefined
  hint?: string | undefined
}

export function Input({ label, error, hint, id, className, ...props }: InputProps) {
  const autoId = useId()
  const inputId = id ?? autoId
  const errorId = `${inputId}-error`
  const hintId = `${inputId}-hint`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cn(
          'rounded-md border bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500',
          error ? 'border-red-600' : 'border-slate-300',
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
