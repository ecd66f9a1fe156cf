import type { ComponentPropsWithRef } from 'react'
import { cn } from './cn'
import { controlBorder, Field, type FieldOwnProps } from './Field'

export type SelectOption = { value: string; label: string }

export type SelectProps = Omit<ComponentPropsWithRef<'select'>, 'children'> &
  FieldOwnProps & {
    options: ReadonlyArray<SelectOption>
    /** The empty first option ("Escolha...", "Todas"). */
    placeholder: string
  }

/** A labelled native select with an empty first option. */
export function Select({ label, error, hint, hintTone, describedBy, invalid, wrapperClassName, id, className, options, placeholder, ...props }: SelectProps) {
  return (
    <Field label={label} error={error} hint={hint} hintTone={hintTone} describedBy={describedBy} invalid={invalid} wrapperClassName={wrapperClassName} id={id}>
      {(control) => (
        <select
          {...control}
          className={cn(
            // A long option (a long name) must not widen the field past its column.
            'min-w-0 max-w-full truncate rounded-md border bg-white px-3 py-2 text-base text-slate-900 disabled:bg-slate-100 disabled:text-slate-500',
            'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700',
            controlBorder(error, invalid),
            className,
          )}
          {...props}
        >
          <option value="">{placeholder}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
