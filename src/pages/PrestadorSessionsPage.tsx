import { Badge, EmptyState } from '@/components/ui'
import { QueryState } from '@/components/QueryState'
import { useProfile } from '@/features/auth'
import { SessionCard, SessionList, sortSessions, usePrestadorSessions } from '@/features/sessions'
import { PageHeading } from './PageHeading'

export function PrestadorSessionsPage() {
  const profile = useProfile()
  const query = usePrestadorSessions(profile.id)

  return (
    <>
      <PageHeading title="As minhas sessões">Sessões marcadas consigo, das próximas para as anteriores.</PageHeading>
      <QueryState
        query={query}
        loadingLabel="A carregar as sessões..."
        errorMessage="Não foi possível carregar as sessões."
        empty={<EmptyState title="Ainda não tem sessões marcadas." />}
      >
        {(sessions) => (
          <SessionList label="Sessões">
            {sortSessions(sessions, Date.now()).map((s) => (
              <li key={s.id}>
                <SessionCard
                  heading={s.client?.name ?? 'Colaborador'}
                  startsAt={s.starts_at}
                  timeZone={profile.time_zone}
                  meetingType={s.meeting_type}
                  status={s.status}
                  pillar={s.pillar}
                  details={[
                    { label: 'Empresa', value: s.company?.name ?? '—' },
                    ...(s.client?.phone ? [{ label: 'Telefone', value: s.client.phone }] : []),
                    ...(s.client?.email ? [{ label: 'Email', value: s.client.email }] : []),
                    ...(s.meeting_type === 'presencial' && s.location ? [{ label: 'Local', value: s.location }] : []),
                  ]}
                  linkSlot={
                    s.meeting_type === 'virtual' ? (
                      s.booking_links?.meeting_link ? (
                        <Badge tone="success">Link definido</Badge>
                      ) : (
                        <Badge tone="warning">Sem link</Badge>
                      )
                    ) : null
                  }
                />
              </li>
            ))}
          </SessionList>
        )}
      </QueryState>
    </>
  )
}
