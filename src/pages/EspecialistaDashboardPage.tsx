import { Badge, Card, EmptyState } from '@/components/ui'
import { QueryState } from '@/components/QueryState'
import { useProfile } from '@/features/auth'
import {
  SessionCard,
  SessionList,
  formatDateTime,
  pillarLabel,
  sortSessions,
  useCallRequestQueue,
  useEspecialistaCases,
} from '@/features/sessions'
import { PageHeading } from './PageHeading'

export function EspecialistaDashboardPage() {
  const profile = useProfile()
  const queue = useCallRequestQueue(profile.id)
  const cases = useEspecialistaCases(profile.id)

  return (
    <>
      <PageHeading title="Painel do especialista" />
      <div className="flex flex-col gap-10">
        <section aria-labelledby="queue-title">
          <h2 id="queue-title" className="mb-3 text-lg font-semibold text-slate-800">
            Pedidos em espera
          </h2>
          <QueryState
            query={queue}
            loadingLabel="A carregar os pedidos..."
            errorMessage="Não foi possível carregar os pedidos em espera."
            empty={<EmptyState title="Não há pedidos em espera." />}
          >
            {(requests) => (
              <ul aria-label="Pedidos em espera" className="flex flex-col gap-3">
                {requests.map((r) => (
                  <li key={r.id}>
                    <Card className="flex flex-col gap-2">
                      <div className="flex flex-wrap items-start justify-between gap-2">
                        <h3 className="text-lg font-semibold">{r.client?.name ?? 'Colaborador'}</h3>
                        <Badge tone="brand">{pillarLabel(r.pillar)}</Badge>
                      </div>
                      <p className="text-sm text-slate-600">
                        Pedido em <time dateTime={r.created_at}>{formatDateTime(r.created_at, profile.time_zone)}</time>
                      </p>
                      {r.notes ? <p className="whitespace-pre-line text-slate-800">{r.notes}</p> : null}
                    </Card>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </section>

        <section aria-labelledby="cases-title">
          <h2 id="cases-title" className="mb-3 text-lg font-semibold text-slate-800">
            Os meus casos
          </h2>
          <QueryState
            query={cases}
            loadingLabel="A carregar os seus casos..."
            errorMessage="Não foi possível carregar os seus casos."
            isEmpty={(rows) => rows.every((c) => !c.booking)}
            empty={<EmptyState title="Ainda não tem casos com sessão marcada." />}
          >
            {(rows) => {
              const bookings = sortSessions(
                rows.flatMap((c) => (c.booking ? [c.booking] : [])),
                Date.now(),
              )
              return (
                <SessionList label="Os meus casos">
                  {bookings.map((b) => (
                    <li key={b.id}>
                      <SessionCard
                        heading={b.client?.name ?? 'Colaborador'}
                        startsAt={b.starts_at}
                        timeZone={profile.time_zone}
                        meetingType={b.meeting_type}
                        status={b.status}
                        pillar={b.pillar}
                        details={[{ label: 'Prestador', value: b.prestador?.profile?.name ?? '—' }]}
                      />
                    </li>
                  ))}
                </SessionList>
              )
            }}
          </QueryState>
        </section>
      </div>
    </>
  )
}
