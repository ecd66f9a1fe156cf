// "Nova sessão": the button and its dialog; the form (day picker, slot rules) loads on demand.

import { lazy, Suspense, useState } from 'react'
import { Button, Spinner } from '@/components/ui'
import { Dialog } from '@/components/ui/Dialog'

const loadForm = () => import('./AdminNewBookingForm')
const AdminNewBookingForm = lazy(() => loadForm().then((m) => ({ default: m.AdminNewBookingForm })))

export const ADMIN_NEW_BOOKING_OPEN = 'Nova sessão'

/** The "Nova sessão" button and its dialog. */
export function AdminNewBooking() {
  const [open, setOpen] = useState(false)
  const preload = () => void loadForm()
  return (
    <>
      <Button onPointerEnter={preload} onFocus={preload} onClick={() => setOpen(true)}>
        {ADMIN_NEW_BOOKING_OPEN}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Nova sessão" description="Marque uma sessão em nome de um colaborador." size="lg">
        <Suspense fallback={<Spinner label="A abrir..." />}>
          <AdminNewBookingForm onDone={() => setOpen(false)} />
        </Suspense>
      </Dialog>
    </>
  )
}
