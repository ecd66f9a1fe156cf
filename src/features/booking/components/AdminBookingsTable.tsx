// The admin's table of every booking: filters in the URL, filtering and pagination on the
// server (PostgREST eq/gte/lt/range with exact counts), actions per row. Sessions not yet
// over come first (soonest at the top), then past ones (latest first). Below `sm` each row
// is drawn as a card (same table markup, block layout), with its actions in view.

import { useRef, useState, type FormEvent, type ReactNode } from 'react'
import { Button, EmptyState, Input, Select, cn } from '@/components/ui'
import { QueryState } from '@/components/QueryState'
import { useProfile } from '@/features/auth'
import {
  BOOKING_STATUS_LABELS,
  MEETING_TYPE_LABELS,
  SessionStatusBadge,
  meetingTypeLabel,
} from '@/features/sessions'
import { formatSessionRange } from '@/lib/format-date'
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
import { BookingActionButtons, LazyBookingActionDialog } from './AdminBookingActionButtons'
import type { BookingAction } from '../lib/admin-booking-action'

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
  const typeRef = useRef<HTMLSelectElement>(null)

  const set = (patch: Partial<AdminFilterDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setErrors({})
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const result = validateAdminFilterDraft(draft)
    if (!result.ok) {
      setErrors(result.errors)
      ;(result.errors.type ? typeRef : result.errors.from ? fromRef : toRef).current?.focus()
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
          ref={typeRef}
          label="Tipo"
          name="type"
          value={draft.type}
          onChange={(e) => set({ type: e.target.value })}
          placeholder="Todos"
          options={MEETING_TYPES.map((t) => ({ value: t, label: MEETING_TYPE_LABELS[t] }))}
          error={errors.type}
        />
        <Input ref={fromRef} label="De" type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} error={errors.from} />
        <Input ref={toRef} label="Até" type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} error={errors.to} />
      </div>
      <label className="flex min-h-10 items-center gap-2 text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          name="missingLink"
          checked={draft.missingLink}
          onChange={(e) => set({ missingLink: e.target.checked })}
          className="size-5 accent-brand-700"
        />
        Virtual sem link <span className="font-normal text-slate-600">(sessões ativas sem link da reunião, nas datas escolhidas)</span>
      </label>
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

const COLUMNS = ['Data', 'Empresa', 'Colaborador', 'Prestador', 'Estado', 'Tipo', 'Ações'] as const
const CELL = 'block min-w-0 sm:table-cell sm:px-3 sm:py-2'

/** A cell; on phones its column name is written before the value (the header row is hidden). */
function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td className={CELL}>
      <span aria-hidden="true" className="block text-xs text-slate-600 sm:hidden">
        {label}
      </span>
      {children}
    </td>
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
                <div className="rounded-lg border border-slate-200 bg-white sm:overflow-x-auto">
                  <table className="block w-full text-left text-sm sm:table sm:min-w-full">
                    <caption ref={captionRef} tabIndex={-1} className="sr-only">
                      Sessões, página {page} de {pages}
                    </caption>
                    <thead className="hidden bg-slate-50 text-slate-700 sm:table-header-group">
                      <tr>
                        {COLUMNS.map((c) => (
                          <th key={c} scope="col" className="px-3 py-2 font-medium">{c}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody className="block divide-y divide-slate-200 sm:table-row-group sm:divide-slate-100">
                      {data.rows.map((s) => (
                        <tr key={s.id} className="grid grid-cols-2 gap-x-3 gap-y-1 p-3 sm:table-row sm:p-0">
                          <td className={cn(CELL, 'col-span-2 font-medium text-slate-900 sm:whitespace-nowrap sm:font-normal sm:text-inherit')}>
                            <time dateTime={s.starts_at}>{formatSessionRange(s.starts_at, s.ends_at, profile.time_zone)}</time>
                          </td>
                          <Cell label="Empresa">{s.company?.name ?? '—'}</Cell>
                          <Cell label="Colaborador">{s.employee?.name ?? '—'}</Cell>
                          <Cell label="Prestador">{s.prestador?.profile?.name ?? '—'}</Cell>
                          <td className={CELL}>
                            <SessionStatusBadge status={s.status} />
                          </td>
                          <td className={cn(CELL, 'col-span-2')}>
                            {meetingTypeLabel(s.meeting_type)}
                            {s.meeting_type === 'virtual' && (s.status === 'pending' || s.status === 'scheduled') && !linkOf(s) ? (
                              <span className="ml-2 whitespace-nowrap rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Sem link</span>
                            ) : null}
                          </td>
                          <td className={cn(CELL, 'col-span-2 pt-1 sm:pt-2')}>
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
      <LazyBookingActionDialog action={live && action ? { kind: action.kind, booking: live } : null} onClose={() => setAction(null)} returnFocusRef={captionRef} />
    </>
  )
}
