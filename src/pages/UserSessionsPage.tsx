import { Link } from 'react-router'
import { EmptyState } from '@/components/ui'
import { QueryState } from '@/components/QueryState'
import { useProfile } from '@/features/auth'
import {
  SessionCard,
  SessionList,
  isUpcoming,
  sortSessions,
  useUserSessions,
  type UserSession,
} from '@/features/sessions'
import { PageHeading } from './PageHeading'

export function UserSessionsPage() {
  const profile = useProfile()
  const query = useUserSessions(profile.id)

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-x-6">
        <PageHeading title="Meu percurso">As suas sessões, das próximas para as anteriores.</PageHeading>
        <Link
          to="/user/book"
          className="mb-6 inline-flex items-center rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          Marcar sessão
        </Link>
      </div>
      <QueryState
        query={query}
        loadingLabel="A carregar as suas sessões..."
        errorMessage="Não foi possível carregar as suas sessões."
        empty={<EmptyState title="Ainda não tem sessões.">Quando marcar uma sessão, ela aparece aqui.</EmptyState>}
      >
        {(sessions) => {
          const now = Date.now()
          const sorted = sortSessions(sessions, now)
          const upcoming = sorted.filter((s) => isUpcoming(s, now))
          const past = sorted.filter((s) => !isUpcoming(s, now))
          return (
            <div className="flex flex-col gap-8">
              <SessionSection title="Próximas sessões" sessions={upcoming} timeZone={profile.time_zone} />
              <SessionSection title="Sessões anteriores" sessions={past} timeZone={profile.time_zone} />
            </div>
          )
        }}
      </QueryState>
    </>
  )
}

function SessionSection({ title, sessions, timeZone }: { title: string; sessions: UserSession[]; timeZone: string }) {
  const id = `section-${title.replace(/\s+/g, '-').toLowerCase()}`
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-lg font-semibold text-slate-800">
        {title}
      </h2>
      {sessions.length === 0 ? (
        <p className="text-slate-600">Sem sessões.</p>
      ) : (
        <SessionList label={title}>
          {sessions.map((s) => (
            <li key={s.id}>
              <SessionCard
                heading={s.prestador?.profile?.name ?? 'Prestador'}
                startsAt={s.starts_at}
                timeZone={timeZone}
                meetingType={s.meeting_type}
                status={s.status}
                pillar={s.pillar}
                details={[
                  ...(s.prestador?.specialty ? [{ label: 'Especialidade', value: s.prestador.specialty }] : []),
                  ...(s.meeting_type === 'presencial' && s.location ? [{ label: 'Local', value: s.location }] : []),
                ]}
              />
            </li>
          ))}
        </SessionList>
      )}
    </section>
  )
}
