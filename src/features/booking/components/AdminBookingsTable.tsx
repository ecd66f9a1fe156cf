// The admin's table of every booking: filters in the URL, filtering and pagination on the
// server (PostgREST eq/gte/lt/range with an exact count), actions per row.

import { useRef, useState, type FormEvent } from 'react'
import { Button, EmptyState, Input, Select } from '@/components/ui'
import { QueryState } from '@/components/QueryState'
import { useProfile } from '@/features/auth'
import {
  BOOKING_STATUS_LABELS,
  MEETING_TYPE_LABELS,
  SessionStatusBadge,
  formatDateTime,
  meetingTypeLabel,
} from '@/features/sessions'
import { linkOf, type AdminBookingsPage } from '../api/booking-api'
import {
  BOOKING_STATUSES,
  draftOf,
  hasFilters,
  NO_FILTERS,
  validateAdminFilterDraft,
  type AdminBookingFilters,
  type AdminFilterDraft,
  type AdminFilterErrors,
} from '../lib/admin-filters'
import { MEETING_TYPES } from '../lib/booking-form'
import { ADMIN_PAGE_SIZE, useAdminBookings, useCompanies, usePrestadores } from '../hooks/use-booking-queries'
import { BookingActionButtons, BookingActionDialog, type BookingAction } from './AdminBookingActions'

export type AdminBookingFiltersFormProps = {
  filters: AdminBookingFilters
  onApply: (filters: AdminBookingFilters) => void
}

/** The filter form. Keyed by the URL's filters in the page, so back/forward resets it. */
export function AdminBookingFiltersForm({ filters, onApply }: AdminBookingFiltersFormProps) {
  const companies = useCompanies()
  const prestadores = usePrestadores(null)
  const [draft, setDraft] = useState<AdminFilterDraft>(() => draftOf(filters))
  const [errors, setErrors] = useState<AdminFilterErrors>({})
  const fromRef = useRef<HTMLInputElement>(null)
  const toRef = useRef<HTMLInputElement>(null)

  const set = (patch: Partial<AdminFilterDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setErrors({})
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const result = validateAdminFilterDraft(draft)
    if (!result.ok) {
      setErrors(result.errors)
      ;(result.errors.from ? fromRef : toRef).current?.focus()
      return
    }
    onApply(result.filters)
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Filtros" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Select
          label="Empresa"
          name="company"
          value={draft.company}
          onChange={(e) => set({ company: e.target.value })}
          placeholder="Todas"
          options={(companies.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          label="Prestador"
          name="prestador"
          value={draft.prestador}
          onChange={(e) => set({ prestador: e.target.value })}
          placeholder="Todos"
          options={(prestadores.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
        <Select
          label="Estado"
          name="status"
          value={draft.status}
          onChange={(e) => set({ status: e.target.value })}
          placeholder="Todos"
          options={BOOKING_STATUSES.map((s) => ({ value: s, label: BOOKING_STATUS_LABELS[s] }))}
        />
        <Select
          label="Tipo"
          name="type"
          value={draft.type}
          onChange={(e) => set({ type: e.target.value })}
          placeholder="Todos"
          options={MEETING_TYPES.map((t) => ({ value: t, label: MEETING_TYPE_LABELS[t] }))}
        />
        <Input ref={fromRef} label="De" type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} error={errors.from} />
        <Input ref={toRef} label="Até" type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} error={errors.to} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Filtrar</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setDraft(draftOf(NO_FILTERS))
            setErrors({})
            onApply(NO_FILTERS)
          }}
        >
          Limpar filtros
        </Button>
      </div>
    </form>
  )
}

export type AdminBookingsTableProps = {
  filters: AdminBookingFilters
  /** 1-based. */
  page: number
  onPage: (page: number) => void
  pageSize?: number
}

export function AdminBookingsTable({ filters, page, onPage, pageSize = ADMIN_PAGE_SIZE }: AdminBookingsTableProps) {
  const profile = useProfile()
  const query = useAdminBookings(filters, page, pageSize)
  const [action, setAction] = useState<BookingAction | null>(null)
  const captionRef = useRef<HTMLTableCaptionElement>(null)
  const live = action ? (query.data?.rows.find((r) => r.id === action.booking.id) ?? action.booking) : null

  return (
    <>
      <QueryState
        query={query}
        loadingLabel="A carregar as sessões..."
        errorMessage="Não foi possível carregar as sessões."
        isEmpty={(d: AdminBookingsPage) => d.total === 0}
        empty={<EmptyState title={hasFilters(filters) ? 'Nenhuma sessão corresponde aos filtros.' : 'Ainda não há sessões.'} />}
      >
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / pageSize))
          return (
            <div className="flex flex-col gap-4" aria-busy={query.isFetching || undefined}>
              {data.rows.length === 0 ? (
                <EmptyState title="Esta página não tem sessões.">
                  <Button variant="ghost" size="sm" onClick={() => onPage(1)}>
                    Ir para a primeira página
                  </Button>
                </EmptyState>
              ) : (
                <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                  <table className="min-w-full text-left text-sm">
                    <caption ref={captionRef} tabIndex={-1} className="sr-only">
                      Sessões, página {page} de {pages}
                    </caption>
                    <thead className="bg-slate-50 text-slate-700">
                      <tr>
                        <th scope="col" className="px-3 py-2 font-medium">Data</th>
                        <th scope="col" className="px-3 py-2 font-medium">Empresa</th>
                        <th scope="col" className="px-3 py-2 font-medium">Colaborador</th>
                        <th scope="col" className="px-3 py-2 font-medium">Prestador</th>
                        <th scope="col" className="px-3 py-2 font-medium">Estado</th>
                        <th scope="col" className="px-3 py-2 font-medium">Tipo</th>
                        <th scope="col" className="px-3 py-2 font-medium">Ações</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {data.rows.map((s) => (
                        <tr key={s.id}>
                          <td className="whitespace-nowrap px-3 py-2">
                            <time dateTime={s.starts_at}>{formatDateTime(s.starts_at, profile.time_zone)}</time>
                          </td>
                          <td className="px-3 py-2">{s.company?.name ?? '—'}</td>
                          <td className="px-3 py-2">{s.employee?.name ?? '—'}</td>
                          <td className="px-3 py-2">{s.prestador?.profile?.name ?? '—'}</td>
                          <td className="px-3 py-2">
                            <SessionStatusBadge status={s.status} />
                          </td>
                          <td className="px-3 py-2">
                            {meetingTypeLabel(s.meeting_type)}
                            {s.meeting_type === 'virtual' && s.status !== 'cancelled' && !linkOf(s) ? (
                              <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Sem link</span>
                            ) : null}
                          </td>
                          <td className="px-3 py-2">
                            <BookingActionButtons booking={s} onAction={setAction} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <nav aria-label="Paginação" className="flex flex-wrap items-center gap-3">
                <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
                  Anterior
                </Button>
                <p className="text-sm text-slate-700" aria-live="polite">
                  Página {page} de {pages} · {data.total} {data.total === 1 ? 'sessão' : 'sessões'}
                </p>
                <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
                  Seguinte
                </Button>
              </nav>
            </div>
          )
        }}
      </QueryState>
      <BookingActionDialog action={live && action ? { kind: action.kind, booking: live } : null} onClose={() => setAction(null)} returnFocusRef={captionRef} />
    </>
  )
}
