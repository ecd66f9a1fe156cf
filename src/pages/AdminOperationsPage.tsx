import { useSearchParams } from 'react-router'
import { Button, EmptyState } from '@/components/ui'
import { QueryState } from '@/components/QueryState'
import { useProfile } from '@/features/auth'
import {
  SessionStatusBadge,
  formatDateTime,
  meetingTypeLabel,
  useAdminSessions,
  type AdminSessionsPage,
} from '@/features/sessions'
import { PageHeading } from './PageHeading'

const PAGE_SIZE = 20

/** 1-based `?page=` in the URL, so a reload or a shared link keeps the page. */
function readPage(value: string | null): number {
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 ? n : 1
}

export function AdminOperationsPage() {
  const profile = useProfile()
  const [params, setParams] = useSearchParams()
  const page = readPage(params.get('page'))
  const query = useAdminSessions(profile.id, { page: page - 1, pageSize: PAGE_SIZE })

  const goTo = (p: number) => setParams(p <= 1 ? {} : { page: String(p) })

  return (
    <>
      <PageHeading title="Operações">Todas as sessões, das mais recentes para as mais antigas.</PageHeading>
      <QueryState
        query={query}
        loadingLabel="A carregar as sessões..."
        errorMessage="Não foi possível carregar as sessões."
        isEmpty={(d: AdminSessionsPage) => d.total === 0}
        empty={<EmptyState title="Ainda não há sessões." />}
      >
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE))
          return (
            <div className="flex flex-col gap-4">
              {data.rows.length === 0 ? (
                <EmptyState title="Esta página não tem sessões.">
                  <Button variant="ghost" size="sm" onClick={() => goTo(1)}>
                    Ir para a primeira página
                  </Button>
                </EmptyState>
              ) : (
                <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                  <table className="min-w-full text-left text-sm">
                    <caption className="sr-only">Sessões, página {page} de {pages}</caption>
                    <thead className="bg-slate-50 text-slate-700">
                      <tr>
                        <th scope="col" className="px-3 py-2 font-medium">Data</th>
                        <th scope="col" className="px-3 py-2 font-medium">Empresa</th>
                        <th scope="col" className="px-3 py-2 font-medium">Colaborador</th>
                        <th scope="col" className="px-3 py-2 font-medium">Prestador</th>
                        <th scope="col" className="px-3 py-2 font-medium">Estado</th>
                        <th scope="col" className="px-3 py-2 font-medium">Tipo</th>
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
                          <td className="px-3 py-2">{meetingTypeLabel(s.meeting_type)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <nav aria-label="Paginação" className="flex flex-wrap items-center gap-3">
                <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => goTo(page - 1)}>
                  Anterior
                </Button>
                <p className="text-sm text-slate-700" aria-live="polite">
                  Página {page} de {pages} · {data.total} {data.total === 1 ? 'sessão' : 'sessões'}
                </p>
                <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => goTo(page + 1)}>
                  Seguinte
                </Button>
              </nav>
            </div>
          )
        }}
      </QueryState>
    </>
  )
}
