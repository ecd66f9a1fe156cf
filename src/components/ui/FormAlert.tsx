import type { ReactNode } from 'react'

/** A form-level message (a failed save that is no field's fault), announced when it appears. */
export function FormAlert({ children }: { children?: ReactNode }) {
  if (children === undefined || children === null || children === false || children === '') return null
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      {children}
    </p>
  )
}
