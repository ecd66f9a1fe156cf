// The employee's "Cancelar sessão" on their session card: a button that opens the cancel
// form in place (a disclosure, not a modal), and a confirmation once the server cancelled.
//
// The form (validation, RPC, error texts) is loaded on first use, not with the page: it keeps
// /user/sessions' first load within its budget. Hovering or focusing the button starts the
// download, so the form is usually there by the time it is clicked.

import { useId, useRef, useState, type ComponentType } from 'react'
import { Button } from '@/components/ui'
import type { CancelSessionFormProps } from './CancelSessionForm'

export const EMPLOYEE_CANCEL_TEXTS = {
  open: 'Cancelar sessão',
  intro: 'O prestador verá a sessão como cancelada. Indicar o motivo é opcional.',
  done: 'Sessão cancelada.',
  loading: 'A abrir…',
  loadFailed: 'Não foi possível abrir o formulário. Verifique a ligação e tente novamente.',
} as const

type FormComponent = ComponentType<CancelSessionFormProps>

let loaded: FormComponent | null = null
let loading: Promise<FormComponent> | null = null

/** Loads the cancel form once per page; a failed download can be retried. */
function loadCancelForm(): Promise<FormComponent> {
  if (loaded) return Promise.resolve(loaded)
  loading ??= import('./CancelSessionForm').then(
    (m) => (loaded = m.CancelSessionForm),
    (error: unknown) => {
      loading = null
      throw error
    },
  )
  return loading
}

export type EmployeeCancelSessionProps = {
  bookingId: string
  /** Whether the session can still be cancelled (active and not over); the confirmation stays either way. */
  cancellable: boolean
  /** Ids of the card's heading and time, so "Cancelar sessão" says which session. */
  describedBy?: string
  /** After the server confirmed (the card may already have moved to "Canceladas"). */
  onCancelled?: () => void
}

export function EmployeeCancelSession({ bookingId, cancellable, describedBy, onCancelled }: EmployeeCancelSessionProps) {
  const [open, setOpen] = useState(false)
  const [done, setDone] = useState(false)
  const [Form, setForm] = useState<FormComponent | null>(() => loaded)
  const [loadError, setLoadError] = useState(false)
  const formId = useId()
  const buttonId = useId()
  const doneRef = useRef<HTMLParagraphElement>(null)

  const prefetch = () => void loadCancelForm().catch(() => {})

  const toggle = () => {
    if (open) {
      setOpen(false)
      return
    }
    setOpen(true)
    setLoadError(false)
    if (Form) return
    loadCancelForm().then(
      (component) => setForm(() => component),
      () => setLoadError(true),
    )
  }

  const showForm = cancellable && open && !done
  return (
    <div className="flex w-full flex-col gap-3">
      {cancellable && !done ? (
        <div>
          <Button
            id={buttonId}
            variant="secondary"
            size="sm"
            aria-expanded={open}
            aria-controls={open ? formId : undefined}
            aria-describedby={describedBy}
            onClick={toggle}
            onPointerEnter={prefetch}
            onFocus={prefetch}
          >
            {EMPLOYEE_CANCEL_TEXTS.open}
          </Button>
        </div>
      ) : null}
      {showForm ? (
        <div id={formId} className="rounded-md border border-slate-200 bg-slate-50 p-3">
          {Form ? (
            <Form
              bookingId={bookingId}
              intro={EMPLOYEE_CANCEL_TEXTS.intro}
              reasonOptional
              onCancelled={() => {
                onCancelled?.()
                setOpen(false)
                setDone(true)
                requestAnimationFrame(() => doneRef.current?.focus())
              }}
              onDismiss={() => {
                setOpen(false)
                requestAnimationFrame(() => document.getElementById(buttonId)?.focus())
              }}
            />
          ) : loadError ? (
            <p role="alert" className="text-sm text-red-900">
              {EMPLOYEE_CANCEL_TEXTS.loadFailed}
            </p>
          ) : (
            <p role="status" className="text-sm text-slate-700">
              {EMPLOYEE_CANCEL_TEXTS.loading}
            </p>
          )}
        </div>
      ) : null}
      <p ref={doneRef} role="status" tabIndex={-1} className="text-sm font-medium text-green-800 focus:outline-none">
        {done ? EMPLOYEE_CANCEL_TEXTS.done : null}
      </p>
    </div>
  )
}
