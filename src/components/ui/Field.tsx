// One labelled form control with its hint and error under it. The label points at the
// control; the hint and the error are its description (aria-describedby) and the error also
// sets aria-invalid. Input, Select and TextArea are this wiring around one native control.

import { useId, type ReactNode } from 'react'
import { cn } from './cn'

/** What the control must carry for the wiring to hold. */
export type FieldControlProps = {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

/** The props every field shares (Input, Select, TextArea). */
export type FieldOwnProps = {
  label: string
  /** Shown under the control and announced with it (aria-describedby). */
  hint?: ReactNode
  /** 'danger' shows the hint in red (e.g. a character count over its limit). */
  hintTone?: 'default' | 'danger' | undefined
  /** Shown under the control and announced with it (aria-describedby + aria-invalid). */
  error?: string | undefined
  /** Ids of other messages about this control (e.g. one error shared by two fields). */
  describedBy?: string | undefined
  /** Marks the control invalid without an error of its own (the shared message says why). */
  invalid?: boolean | undefined
  /** Classes of the wrapper (label + control + messages), e.g. a width so messages wrap. */
  wrapperClassName?: string | undefined
}

export type FieldProps = FieldOwnProps & {
  /** The control's id; one is made up when absent. */
  id?: string | undefined
  children: (control: FieldControlProps) => ReactNode
}

const shown = (node: ReactNode) => node !== undefined && node !== null && node !== false && node !== ''

export function Field({ label, hint, hintTone = 'default', error, describedBy, invalid, wrapperClassName, id, children }: FieldProps) {
  const autoId = useId()
  const controlId = id ?? autoId
  const hintId = `${controlId}-hint`
  const errorId = `${controlId}-error`
  const hasHint = shown(hint)
  const ariaDescribedBy = [hasHint ? hintId : null, error ? errorId : null, describedBy ?? null].filter(Boolean).join(' ') || undefined
  return (
    <div className={cn('flex min-w-0 flex-col gap-1', wrapperClassName)}>
      <label htmlFor={controlId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id: controlId, 'aria-invalid': error || invalid ? true : undefined, 'aria-describedby': ariaDescribedBy })}
      {hasHint ? (
        <p id={hintId} className={cn('text-sm', hintTone === 'danger' ? 'text-red-700' : 'text-slate-600')}>
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

/** The border of a control: red while its field shows an error. */
export const controlBorder = (error: string | undefined, invalid?: boolean) =>
  error || invalid ? 'border-red-600' : 'border-slate-300'
