// Form fields of the booking screens: labelled, errors next to the field and announced with
// it (aria-describedby + aria-invalid), visible focus, keyboard reachable.

import { useId, type ReactNode, type Ref } from 'react'
import { cn } from '@/components/ui'

export type ChoiceOption<T extends string> = {
  value: T
  label: ReactNode
  /** A second line (specialty, address...). */
  description?: ReactNode
}

export type ChoiceGroupProps<T extends string> = {
  legend: ReactNode
  /** Radio group name, unique in the form. */
  name: string
  options: ReadonlyArray<ChoiceOption<T>>
  value: T | '' | null
  onChange: (value: T) => void
  error?: string | undefined
  hint?: ReactNode
  disabled?: boolean
  /** Compact chips (times) instead of cards. */
  compact?: boolean
  /** Focused when the form shows this field's error. */
  groupRef?: Ref<HTMLFieldSetElement>
}

/** A radio group as a fieldset of selectable cards; arrow keys move between options. */
export function ChoiceGroup<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  error,
  hint,
  disabled = false,
  compact = false,
  groupRef,
}: ChoiceGroupProps<T>) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <fieldset ref={groupRef} tabIndex={-1} aria-describedby={describedBy} className="flex flex-col gap-2 focus:outline-none" disabled={disabled}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className={cn('flex flex-wrap gap-2', compact ? '' : 'flex-col sm:flex-row')}>
        {options.map((option) => (
          <label key={option.value} className={cn('relative', compact ? '' : 'sm:min-w-48 sm:flex-1')}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              className="peer sr-only"
            />
            <span
              className={cn(
                'flex cursor-pointer flex-col rounded-md border bg-white text-slate-900 transition-colors',
                'hover:border-brand-700 peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white',
                'peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700',
                'peer-disabled:cursor-not-allowed peer-disabled:opacity-60',
                error ? 'border-red-600' : 'border-slate-300',
                compact ? 'px-3 py-1.5 text-sm font-medium tabular-nums' : 'px-3 py-2',
              )}
            >
              <span className="font-medium">{option.label}</span>
              {option.description ? <span className="text-sm opacity-80">{option.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}

export type SelectFieldProps = {
  label: string
  value: string
  onChange: (value: string) => void
  options: ReadonlyArray<{ value: string; label: string }>
  /** The empty first option ("Escolha..."/"Todas"). */
  placeholder: string
  error?: string | undefined
  hint?: string | undefined
  disabled?: boolean
  selectRef?: Ref<HTMLSelectElement>
  name?: string
}

export function SelectField({ label, value, onChange, options, placeholder, error, hint, disabled, selectRef, name }: SelectFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        ref={selectRef}
        name={name}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cn(
          'rounded-md border bg-white px-3 py-2 text-base text-slate-900 disabled:bg-slate-100 disabled:text-slate-500',
          'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700',
          error ? 'border-red-600' : 'border-slate-300',
        )}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
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

export type TextAreaFieldProps = {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  hint?: string | undefined
  maxLength?: number
  textareaRef?: Ref<HTMLTextAreaElement>
  readOnly?: boolean
}

export function TextAreaField({ label, value, onChange, error, hint, maxLength, textareaRef, readOnly }: TextAreaFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        ref={textareaRef}
        value={value}
        rows={3}
        readOnly={readOnly}
        // Not a hard maxLength: a pasted longer text is kept and the error explains the limit.
        data-max-length={maxLength}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cn(
          'rounded-md border bg-white px-3 py-2 text-base text-slate-900',
          'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700',
          error ? 'border-red-600' : 'border-slate-300',
        )}
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

/** A form-level message (a failed save that is no field's fault). */
export function FormError({ children }: { children: ReactNode }) {
  if (!children) return null
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      {children}
    </p>
  )
}
