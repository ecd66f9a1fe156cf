import type { ReactNode } from 'react'

/** The page's one h1, with an optional lead paragraph. */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      {children ? <p className="mt-1 text-slate-600">{children}</p> : null}
    </div>
  )
}
