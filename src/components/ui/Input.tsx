import type { ComponentPropsWithRef } from 'react'
import { cn } from './cn'
import { controlBorder, Field, type FieldOwnProps } from './Field'

export type InputProps = ComponentPropsWithRef<'input'> & FieldOwnProps

export function Input({ label, error, hint, hintTone, describedBy, invalid, wrapperClassName, id, className, ...props }: InputProps) {
  return (
    <Field label={label} error={error} hint={hint} hintTone={hintTone} describedBy={describedBy} invalid={invalid} wrapperClassName={wrapperClassName} id={id}>
      {(control) => (
        <input
          {...control}
          className={cn(
            'rounded-md border bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500',
            controlBorder(error, invalid),
            className,
          )}
          {...props}
        />
      )}
    </Field>
  )
}
