import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { cn } from './cn'
import { ToastContext, type ToastApi, type ToastTone } from './toast-context'

type Toast = { id: number; message: string; tone: ToastTone }

const tones: Record<ToastTone, string> = {
  info: 'border-slate-300 bg-white text-slate-900',
  success: 'border-green-300 bg-green-50 text-green-900',
  error: 'border-red-300 bg-red-50 text-red-900',
}

/**
 * Renders one always-present polite live region (role="status"), so screen readers
 * announce messages added to it. Errors that block the user belong next to the thing
 * that failed (ErrorState, field errors), not only here.
 */
export function ToastProvider({ children, durationMs = 5000 }: { children: ReactNode; durationMs?: number }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>())

  const dismiss = useCallback((id: number) => {
    setToasts((all) => all.filter((t) => t.id !== id))
    const timer = timers.current.get(id)
    if (timer) clearTimeout(timer)
    timers.current.delete(id)
  }, [])

  const show = useCallback<ToastApi['show']>(
    (message, tone = 'info') => {
      const id = nextId.current++
      setToasts((all) => [...all, { id, message, tone }])
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), durationMs),
      )
    },
    [dismiss, durationMs],
  )

  useEffect(() => {
    const pending = timers.current
    return () => pending.forEach((timer) => clearTimeout(timer))
  }, [])

  const api = useMemo(() => ({ show }), [show])

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        role="status"
        aria-live="polite"
        // Phones: at the top, away from the on-screen keyboard and the field being typed in;
        // wider screens: the bottom-right corner. Forms still say their outcome next to them.
        className="pointer-events-none fixed inset-x-0 top-2 z-50 flex flex-col items-center gap-2 px-4 sm:inset-x-auto sm:top-auto sm:right-4 sm:bottom-4 sm:items-end sm:px-0"
      >
        {toasts.map((t) => (
          <div
            key={t.id}
            className={cn('pointer-events-auto flex items-center gap-3 rounded-md border px-4 py-2 shadow', tones[t.tone])}
          >
            <span>{t.message}</span>
            <button
              type="button"
              onClick={() => dismiss(t.id)}
              className="rounded px-1 text-sm underline"
              aria-label="Fechar notificação"
            >
              Fechar
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}
