// The especialista queue's "Atribuir" button and the provider that owns the one dialog, kept
// light: the dialog and the rest of the booking feature load on demand (first pointer/focus
// on a button, or the click), not with /especialista/dashboard.
//
// <CallRequestAssignment> wraps the queue; <AssignCallRequestButton> in each queue item opens
// the dialog. The dialog keeps the request as it was opened, so when the queue refreshes (the
// request was taken by another especialista) its message stays readable.

import { createContext, lazy, Suspense, useContext, useState, type ReactNode } from 'react'
import { Button, Spinner } from '@/components/ui'
import { ASSIGN_BUTTON_TEXT, type AssignableRequest } from '../lib/assignable-request'


const loadDialog = () => import('./AssignCallRequest')
const AssignCallRequestDialog = lazy(() => loadDialog().then((m) => ({ default: m.AssignCallRequestDialog })))

const OpenAssign = createContext<((request: AssignableRequest) => void) | null>(null)

/** Wraps the queue: holds the one "Atribuir" dialog. */
export function CallRequestAssignment({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<AssignableRequest | null>(null)
  return (
    <OpenAssign.Provider value={setRequest}>
      {children}
      {request ? (
        <Suspense fallback={<Spinner label="A abrir..." />}>
          <AssignCallRequestDialog request={request} onClose={() => setRequest(null)} />
        </Suspense>
      ) : null}
    </OpenAssign.Provider>
  )
}

export function AssignCallRequestButton({ request }: { request: AssignableRequest }) {
  const open = useContext(OpenAssign)
  if (!open) throw new Error('AssignCallRequestButton must be inside <CallRequestAssignment>')
  const preload = () => void loadDialog()
  return (
    <Button
      size="sm"
      onPointerEnter={preload}
      onFocus={preload}
      onClick={() => open(request)}
      aria-label={`Atribuir o pedido de ${request.client?.name ?? 'colaborador'}`}
    >
      {ASSIGN_BUTTON_TEXT}
    </Button>
  )
}
