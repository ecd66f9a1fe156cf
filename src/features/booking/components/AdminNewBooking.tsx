// "Nova sessão": the button; its dialog and form (day picker, slot rules) load on demand and
// mount together, so focus lands on the form's first field as in any dialog.

import { lazy, Suspense, useState } from 'react'
import { Button } from '@/components/ui'

const loadDialog = () => import('./AdminNewBookingForm')
const AdminNewBookingDialog = lazy(() => loadDialog().then((m) => ({ default: m.AdminNewBookingDialog })))

export const ADMIN_NEW_BOOKING_OPEN = 'Nova sessão'

/** The "Nova sessão" button and its dialog. */
export function AdminNewBooking() {
  const [open, setOpen] = useState(false)
  const preload = () => void loadDialog()
  return (
    <>
      <Button onPointerEnter={preload} onFocus={preload} onClick={() => setOpen(true)}>
        {ADMIN_NEW_BOOKING_OPEN}
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <AdminNewBookingDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  )
}
