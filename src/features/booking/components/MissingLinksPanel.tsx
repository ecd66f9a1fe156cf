// "Sem link": virtual sessions starting in the next 24 hours that still have no meeting link,
// so the admin can chase the prestador (or set the link). Any other dates: the table's
// "Virtual sem link" filter, linked from here.

import { useRef, useState } from 'react'
import { Link } from 'react-router'
import { Button, EmptyState } from '@/components/ui'
import { QueryState } from '@/components/QueryState'
import { useProfile } from '@/features/auth'
import { formatSessionRange } from '@/lib/format-date'
import { NO_FILTERS, writeAdminFilters } from '../lib/admin-filters'
import { useMissingLinks } from '../hooks/use-booking-queries'
import { LazyBookingActionDialog } from './AdminBookingActionButtons'
import type { BookingAction } from '../lib/admin-booking-action'

export function MissingLinksPanel() {
  const profile = useProfile()
  const query = useMissingLinks()
  const [action, setAction] = useState<BookingAction | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)

  return (
    <section aria-labelledby="missing-links-title" className="flex flex-col gap-3 rounded-lg border border-amber-200 bg-amber-50/50 p-4">
      <div>
        <h2 id="missing-links-title" ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-slate-800 focus:outline-none">
          Sem link
        </h2>
        <p className="text-sm text-slate-600">Sessões virtuais nas próximas 24 horas que ainda não têm link da reunião.</p>
        <Link
          to={{ search: `?${writeAdminFilters({ ...NO_FILTERS, missingLink: true })}`, hash: '#all-bookings-title' }}
          className="mt-1 inline-block text-sm font-medium text-brand-800 underline"
        >
          Ver todas as sessões virtuais sem link, em qualquer data
        </Link>
      </div>
      <QueryState
        query={query}
        loadingLabel="A procurar sessões sem link..."
        errorMessage="Não foi possível carregar as sessões sem link."
        empty={<EmptyState title="Todas as sessões virtuais das próximas 24 horas têm link." />}
      >
        {(rows) => (
          <ul aria-label="Sessões sem link" className="flex flex-col gap-2">
            {rows.map((b) => (
              <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-2">
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-slate-900">
                    <time dateTime={b.starts_at}>{formatSessionRange(b.starts_at, b.ends_at, profile.time_zone)}</time> · {b.employee?.name ?? 'Colaborador'}
                  </p>
                  <p className="text-slate-700">Prestador: {b.prestador?.profile?.name ?? '—'}</p>
                </div>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => setAction({ kind: 'link', booking: b })}
                  aria-label={`Definir link: ${b.employee?.name ?? 'colaborador'} com ${b.prestador?.profile?.name ?? 'prestador'}`}
                >
                  Definir link
                </Button>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {/* The row leaves this list once its link is saved: the dialog keeps the row as opened. */}
      <LazyBookingActionDialog action={action} onClose={() => setAction(null)} returnFocusRef={headingRef} />
    </section>
  )
}
