import { Link } from 'react-router'
import { EmptyState } from '@/components/ui'
import { QueryState } from '@/components/QueryState'
import { useProfile } from '@/features/auth'
// The button only: the .ics generator (ical-generator) is imported on click.
import { AddToCalendarButton } from '@/features/calendar'
// Light entries that keep the staff-only code (link editor and saving with zod, session
// modal) out of this page's first load; the features' indexes would bring it along.
import { EmployeeMeetingLinkPanel } from '@/features/meeting-link/employee'
import { EmployeeCancelSession } from '@/features/session-management/employee'
import {
  SessionCard,
  SessionList,
  isUpcoming,
  sessionCardId,
  sessionCardIds,
  sortSessions,
  useBoundaryClock,
  useScrollToHash,
  useUserSessions,
  type UserSession,
} from '@/features/sessions'
import { PageHeading } from './PageHeading'

export function UserSessionsPage() {
  const profile = useProfile()
  const query = useUserSessions(profile.id)
  // /user/sessions#session-<id> (e.g. from a notification) scrolls to that card.
  useScrollToHash(query.isSuccess)

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
        {(sessions) => <UserSessionSections sessions={sessions} timeZone={profile.time_zone} />}
      </QueryState>
    </>
  )
}

/** Upcoming and past sessions; a session moves to "anteriores" by itself when it ends. */
export function UserSessionSections({ sessions, timeZone }: { sessions: UserSession[]; timeZone: string }) {
  const now = useBoundaryClock(sessions.map((s) => Date.parse(s.ends_at)))
  const sorted = sortSessions(sessions, now)
  const upcoming = sorted.filter((s) => isUpcoming(s, now))
  const past = sorted.filter((s) => !isUpcoming(s, now))
  return (
    <div className="flex flex-col gap-8">
      <SessionSection title="Próximas sessões" sessions={upcoming} timeZone={timeZone} upcoming />
      <SessionSection title="Sessões anteriores" sessions={past} timeZone={timeZone} upcoming={false} />
    </div>
  )
}

function SessionSection({
  title,
  sessions,
  timeZone,
  upcoming,
}: {
  title: string
  sessions: UserSession[]
  timeZone: string
  upcoming: boolean
}) {
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
          {sessions.map((s) => {
            const cardId = sessionCardId(s.id)
            const ids = sessionCardIds(cardId)
            const active = s.status === 'pending' || s.status === 'scheduled'
            return (
              <li key={s.id}>
                <SessionCard
                  id={cardId}
                  heading={s.prestador?.profile?.name ?? 'Prestador'}
                  startsAt={s.starts_at}
                  endsAt={s.ends_at}
                  timeZone={timeZone}
                  meetingType={s.meeting_type}
                  status={s.status}
                  pillar={s.pillar}
                  details={s.prestador?.specialty ? [{ label: 'Especialidade', value: s.prestador.specialty }] : []}
                  linkSlot={<EmployeeMeetingLinkPanel booking={s} phone={s.employee?.phone ?? null} />}
                  actions={
                    <>
                      <AddToCalendarButton
                        booking={s}
                        prestadorName={s.prestador?.profile?.name ?? ''}
                        viewer="user"
                        timeZone={timeZone}
                      />
                      {/* Upcoming only: once cancelled here, the card keeps the confirmation. */}
                      {upcoming ? (
                        <EmployeeCancelSession
                          bookingId={s.id}
                          cancellable={active}
                          describedBy={`${ids.title} ${ids.time}`}
                        />
                      ) : null}
                    </>
                  }
                />
              </li>
            )
          })}
        </SessionList>
      )}
    </section>
  )
}
