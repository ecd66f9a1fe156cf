import type { ReactNode } from 'react'

/**
 * The box the notification list opens in (shared by the loading state and the list). Phones:
 * the full width under the header (the header is its positioning box); from `sm`: under the
 * bell, right-aligned with it.
 */
export function PanelFrame({ id, labelledBy, children }: { id: string; labelledBy?: string; children: ReactNode }) {
  return (
    <div
      id={id}
      role="region"
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : 'Notificações'}
      className="absolute inset-x-0 top-full z-40 border-y border-slate-200 bg-white text-left shadow-lg sm:inset-x-auto sm:right-0 sm:mt-2 sm:w-96 sm:rounded-lg sm:border-x"
    >
      {children}
    </div>
  )
}
