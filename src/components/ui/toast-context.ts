import { createContext, useContext } from 'react'

export type ToastTone = 'info' | 'success' | 'error'

export type ToastApi = {
  /** Shows a message in the polite live region; it disappears after a few seconds. */
  show: (message: string, tone?: ToastTone) => void
}

export const ToastContext = createContext<ToastApi | null>(null)

export function useToast(): ToastApi {
  const ctx = useContext(ToastContext)
  if (!ctx) throw new Error('useToast must be used inside <ToastProvider>')
  return ctx
}
