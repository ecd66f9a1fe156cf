import { useState } from 'react'
import { Badge, Button, EmptyState } from '@/components/ui'
import { QueryState } from '@/components/QueryState'
import { useProfile } from '@/features/auth'
// The button only: the .ics generator (ical-generator) is imported on click.
import { AddToCalendarButton } from '@/features/calendar'
import { SessionManagementDialog } from '@/features/session-management'
import {
  SessionCard,
  SessionList,
  isStillAhead,
  sessionCardId,
  sessionCardIds,
  sessionSections,
  useBoundaryClock,
  usePrestadorSessions,
  useScrollToHash,
  type PrestadorSession,
} from '@/features/sessions'
import { PageHeading } from './PageHeading'

/** Which session's modal is open; the name is kept in case the row leaves the list meanwhile. */
type OpenSession = { id: string; employeeName: string }

export function PrestadorSessionsPage() {
  const profile = useProfile()
  const query = usePrestadorSessions(profile.id)
  const [open, setOpen] = useState<OpenSession | null>(null)
  useScrollToHash(query.isSuccess)
  // The modal reads the row from the cached list on every render, so it follows saves and refetches.
  const selected = open ? query.data?.find((s) => s.id === open.id) : undefined

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
          <PrestadorSessionSections
            sessions={sessions}
            timeZone={profile.time_zone}
            prestadorName={profile.name}
            onOpen={(s) => setOpen({ id: s.id, employeeName: s.client?.name ?? 'Colaborador' })}
          />
        )}
      </QueryState>
      <SessionManagementDialog
        open={open !== null}
        onClose={() => setOpen(null)}
        session={selected}
        timeZone={profile.time_zone}
        employeeName={selected?.client?.name ?? open?.employeeName ?? 'Colaborador'}
        employeePhone={selected?.client?.phone ?? null}
        companyName={selected?.company?.name ?? null}
        actions={['reschedule', 'cancel', 'complete', 'no_show']}
      />
    </>
  )
}

type SectionsProps = {
  sessions: PrestadorSession[]
  timeZone: string
  /** The signed-in prestador's name, for the .ics files. */
  prestadorName: string
  onOpen: (session: PrestadorSession) => void
}

/** "Próximas sessões", "Sessões anteriores" and, when there are any, "Canceladas" (sessionSections). */
function PrestadorSessionSections({ sessions, ...props }: SectionsProps) {
  const now = useBoundaryClock(sessions.map((s) => Date.parse(s.ends_at)))
  const { upcoming, past, cancelled } = sessionSections(sessions, now)
  return (
    <div className="flex flex-col gap-8">
      <Section {...props} title="Próximas sessões" sessions={upcoming} />
      <Section {...props} title="Sessões anteriores" sessions={past} />
      {cancelled.length > 0 ? <Section {...props} title="Canceladas" sessions={cancelled} /> : null}
    </div>
  )
}

function Section({ title, ...props }: SectionsProps & { title: string }) {
  const id = `section-${title.replace(/\s+/g, '-').toLowerCase()}`
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-lg font-semibold text-slate-800">
        {title}
      </h2>
      {props.sessions.length === 0 ? (
        <p className="text-slate-600">Sem sessões.</p>
      ) : (
        <SessionList label={title}>
          {props.sessions.map((s) => (
            <li key={s.id}>
              <PrestadorSessionCard
                session={s}
                timeZone={props.timeZone}
                prestadorName={props.prestadorName}
                onOpen={props.onOpen}
              />
            </li>
          ))}
        </SessionList>
      )}
    </section>
  )
}

function PrestadorSessionCard({
  session: s,
  timeZone,
  prestadorName,
  onOpen,
}: {
  session: PrestadorSession
  timeZone: string
  prestadorName: string
  onOpen: (session: PrestadorSession) => void
}) {
  const cardId = sessionCardId(s.id)
  const ids = sessionCardIds(cardId)
  const hasLink = Boolean(s.booking_links?.meeting_link)
  // Only a session still to happen needs a link: never "Sem link" on a cancelled or past one.
  const needsLink = s.meeting_type === 'virtual' && isStillAhead(s, Date.now())
  return (
    <SessionCard
      id={cardId}
      heading={s.client?.name ?? 'Colaborador'}
      startsAt={s.starts_at}
      endsAt={s.ends_at}
      timeZone={timeZone}
      meetingType={s.meeting_type}
      status={s.status}
      pillar={s.pillar}
      details={[
        { label: 'Empresa', value: s.company?.name ?? '—' },
        ...(s.meeting_type === 'phone' && s.client?.phone ? [{ label: 'Telefone', value: s.client.phone }] : []),
        ...(s.meeting_type === 'presencial' && s.location ? [{ label: 'Local', value: s.location }] : []),
      ]}
      linkSlot={
        needsLink ? (
          <Badge tone={hasLink ? 'success' : 'warning'}>{hasLink ? 'Link definido' : 'Sem link'}</Badge>
        ) : null
      }
      actions={
        <>
          {/* One real button per card; its ::after covers the card, so a click anywhere on the
              card opens the modal too (keyboard and screen reader users get the button). */}
          <Button
            variant="secondary"
            size="sm"
            aria-describedby={`${ids.title} ${ids.time}`}
            onClick={() => onOpen(s)}
            className="after:absolute after:inset-0 after:rounded-lg"
          >
            Gerir sessão
          </Button>
          {/* Above that overlay, so it gets its own clicks. */}
          <div className="relative z-10">
            <AddToCalendarButton
              booking={s}
              prestadorName={prestadorName}
              employeeName={s.client?.name ?? undefined}
              viewer="prestador"
              timeZone={timeZone}
            />
          </div>
        </>
      }
    />
  )
}
