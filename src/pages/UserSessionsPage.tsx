import { useEffect, useRef, useState } from 'react'
import { Link, useLocation } from 'react-router'
import { EmptyState } from '@/components/ui'
import { QueryState } from '@/components/QueryState'
import { useProfile } from '@/features/auth'
// The button only: the .ics generator (ical-generator) is imported on click.
import { AddToCalendarButton } from '@/features/calendar'
// Light entries that keep the staff-only code (link editor and saving with zod, session
// modal) out of this page's first load; the features' indexes would bring it along.
import { EmployeeMeetingLinkPanel } from '@/features/meeting-link/employee'
import { EMPLOYEE_CANCEL_TEXTS, EmployeeCancelSession } from '@/features/session-management/employee'
import {
  SessionCard,
  SessionList,
  isStillAhead,
  sessionCardId,
  sessionCardIds,
  sessionSections,
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

/**
 * Upcoming, past and cancelled sessions (sessionSections): a session moves to "anteriores"
 * by itself when it ends, or at once when it is marked realizada / Faltou; a cancelled one
 * goes to "Canceladas". The clock also ticks at each start: cancelling stops there.
 */
export function UserSessionSections({ sessions, timeZone }: { sessions: UserSession[]; timeZone: string }) {
  const now = useBoundaryClock(sessions.flatMap((s) => [Date.parse(s.starts_at), Date.parse(s.ends_at)]))
  const { upcoming, past, cancelled } = sessionSections(sessions, now)
  // The card the employee just cancelled: it moves to "Canceladas", where it says so.
  const [cancelledHere, setCancelledHere] = useState<string | null>(null)
  // Set by /user/book after booking: that card is marked as new.
  const state: unknown = useLocation().state
  const newBookingId = state && typeof state === 'object' && 'newBookingId' in state ? String(state.newBookingId) : null
  const common = { timeZone, now, cancelledHere, onCancelled: setCancelledHere, newBookingId }
  return (
    <div className="flex flex-col gap-8">
      <SessionSection {...common} title="Próximas sessões" sessions={upcoming} />
      <SessionSection {...common} title="Sessões anteriores" sessions={past} />
      {cancelled.length > 0 ? <SessionSection {...common} title="Canceladas" sessions={cancelled} /> : null}
    </div>
  )
}

type SectionProps = {
  title: string
  sessions: UserSession[]
  timeZone: string
  now: number
  cancelledHere: string | null
  onCancelled: (bookingId: string) => void
  newBookingId: string | null
}

function SessionSection({ title, sessions, timeZone, now, cancelledHere, onCancelled, newBookingId }: SectionProps) {
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
            // Until the session starts: once it has, the employee no longer cancels it.
            const cancellable = isStillAhead(s, now) && now < Date.parse(s.starts_at)
            return (
              <li key={s.id}>
                <SessionCard
                  id={cardId}
                  highlighted={s.id === newBookingId}
                  heading={s.prestador?.profile?.name ?? 'Prestador'}
                  startsAt={s.starts_at}
                  endsAt={s.ends_at}
                  timeZone={timeZone}
                  meetingType={s.meeting_type}
                  status={s.status}
                  pillar={s.pillar}
                  details={s.prestador?.specialty ? [{ label: 'Especialidade', value: s.prestador.specialty }] : []}
                  // "Faltou" is the card's status; a link or "já realizada" would contradict it.
                  linkSlot={s.status === 'no_show' ? null : <EmployeeMeetingLinkPanel booking={s} phone={s.employee?.phone ?? null} />}
                  actions={
                    <>
                      {/* A cancelled session offers its cancellation: "Remover do calendário". */}
                      <AddToCalendarButton
                        booking={s}
                        prestadorName={s.prestador?.profile?.name ?? ''}
                        viewer="user"
                        timeZone={timeZone}
                      />
                      {cancellable ? (
                        <EmployeeCancelSession
                          bookingId={s.id}
                          cancellable
                          describedBy={`${ids.title} ${ids.time}`}
                          onCancelled={() => onCancelled(s.id)}
                        />
                      ) : null}
                      {s.id === cancelledHere && s.status === 'cancelled' ? <CancelledNotice /> : null}
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

/** "Sessão cancelada." on the card that just moved to "Canceladas", focused so it is read out. */
function CancelledNotice() {
  const ref = useRef<HTMLParagraphElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <p ref={ref} role="status" tabIndex={-1} className="w-full text-sm font-medium text-green-800 focus:outline-none">
      {EMPLOYEE_CANCEL_TEXTS.done}
    </p>
  )
}
