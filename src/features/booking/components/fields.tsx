// The radio-card group of the booking screens: labelled, errors next to the group and
// announced with it (aria-describedby + aria-invalid), visible focus, arrow keys. The other
// fields (Input, Select, TextArea, FormAlert) are the shared ones in '@/components/ui'.

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
