import type { ComponentPropsWithRef } from 'react'
import { cn } from './cn'
import { controlBorder, Field, type FieldOwnProps } from './Field'

export type TextAreaProps = ComponentPropsWithRef<'textarea'> & FieldOwnProps

/**
 * A labelled textarea. Prefer no maxLength: a pasted text that is too long is better kept and
 * flagged by the field's error than silently cut.
 */
export function TextArea({ label, error, hint, hintTone, describedBy, invalid, wrapperClassName, id, className, rows = 3, ...props }: TextAreaProps) {
  return (
    <Field label={label} error={error} hint={hint} hintTone={hintTone} describedBy={describedBy} invalid={invalid} wrapperClassName={wrapperClassName} id={id}>
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          className={cn(
            'rounded-md border bg-white px-3 py-2 text-base text-slate-900',
            'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700',
            controlBorder(error, invalid),
            className,
          )}
          {...props}
        />
      )}
    </Field>
  )
}
