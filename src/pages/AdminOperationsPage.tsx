import { useSearchParams } from 'react-router'
// Imported by path, not through the feature's index: the dialogs stay out of the first load.
import { AdminBookingFiltersForm, AdminBookingsTable } from '@/features/booking/components/AdminBookingsTable'
import { AdminNewBooking } from '@/features/booking/components/AdminNewBooking'
import { MissingLinksPanel } from '@/features/booking/components/MissingLinksPanel'
import { readAdminFilters, readPage, writeAdminFilters } from '@/features/booking/lib/admin-filters'
import { useScrollToHash } from '@/features/sessions/hooks/use-scroll-to-hash'
import { PageHeading } from './PageHeading'

export function AdminOperationsPage() {
  const [params, setParams] = useSearchParams()
  // Filters and page live in the URL: reload, back/forward and shared links keep them.
  const filters = readAdminFilters(params)
  const page = readPage(params)
  const filtersKey = writeAdminFilters(filters).toString()
  // "Ver todas as sessões virtuais sem link" (in the 24 h panel) leads down to the table.
  useScrollToHash(true, 'all-bookings')

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-x-6">
        <PageHeading title="Operações">Todas as sessões: primeiro as que ainda não terminaram (a mais próxima no topo), depois as anteriores (a mais recente primeiro).</PageHeading>
        <div className="mb-6">
          <AdminNewBooking />
        </div>
      </div>
      <div className="flex flex-col gap-8">
        <MissingLinksPanel />
        <section aria-labelledby="all-bookings-title" className="flex flex-col gap-4">
          <h2 id="all-bookings-title" tabIndex={-1} className="scroll-mt-4 text-lg font-semibold text-slate-800 focus:outline-none">
            Todas as sessões
          </h2>
          <AdminBookingFiltersForm key={filtersKey} filters={filters} onApply={(next) => setParams(writeAdminFilters(next, 1))} />
          <AdminBookingsTable filters={filters} page={page} onPage={(p) => setParams(writeAdminFilters(filters, p))} />
        </section>
      </div>
    </>
  )
}
