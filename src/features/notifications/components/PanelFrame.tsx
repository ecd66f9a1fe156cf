import type { ReactNode } from 'react'

/** The box the notification list opens in, under the bell (shared by the loading state and the list). */
export function PanelFrame({ id, labelledBy, children }: { id: string; labelledBy?: string; children: ReactNode }) {
  return (
    <div
      id={id}
      role="region"
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : 'Notificações'}
      className="absolute right-0 top-full z-40 mt-2 w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white text-left shadow-lg"
    >
      {children}
    </div>
  )
}
