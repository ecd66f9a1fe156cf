import { lazy, Suspense, useState } from 'react'
import { Badge, Button, Card, EmptyState } from '@/components/ui'
import { QueryState } from '@/components/QueryState'
import { useProfile } from '@/features/auth'
import { AssignCallRequestButton, CallRequestAssignment, waitingTimeLabel } from '@/features/booking/especialista'
import {
  SessionCard,
  SessionList,
  isStillAhead,
  pillarLabel,
  sessionCardId,
  sessionCardIds,
  sessionSections,
  useBoundaryClock,
  useCallRequestQueue,
  useEspecialistaCases,
  useScrollToHash,
  type EspecialistaCase,
} from '@/features/sessions'
import { formatInstant } from '@/lib/format-date'
import { PageHeading } from './PageHeading'

// The case modal (reschedule, cancel, link editor) loads when a case is opened, not with the page.
const SessionManagementDialog = lazy(() =>
  import('@/features/session-management/components/SessionManagementDialog').then((m) => ({ default: m.SessionManagementDialog })),
)

export function EspecialistaDashboardPage() {
  const profile = useProfile()
  const queue = useCallRequestQueue(profile.id)

  return (
    <>
      <PageHeading title="Painel de especialista" />
      <div className="flex flex-col gap-10">
        <section aria-labelledby="queue-title">
          <h2 id="queue-title" className="mb-3 text-lg font-semibold text-slate-800">
            Pedidos em espera
          </h2>
          {/* Outside the list: the "Atribuir" dialog outlives a queue refresh that empties it. */}
          <CallRequestAssignment>
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
                        Pedido em <time dateTime={r.created_at}>{formatInstant(r.created_at, profile.time_zone)}</time> · à
                        espera há {waitingTimeLabel(r.created_at)}
                      </p>
                      {r.notes ? <p className="whitespace-pre-line text-slate-800">{r.notes}</p> : null}
                      <div>
                        <AssignCallRequestButton request={r} />
                      </div>
                    </Card>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
          </CallRequestAssignment>
        </section>

        <CasesSection />
      </div>
    </>
  )
}

type CaseBooking = NonNullable<EspecialistaCase['booking']>

/**
 * "Os meus casos": the bookings made from the call requests this especialista holds, each
 * with "Gerir sessão" opening the same session modal as the prestador's (link editor,
 * reschedule, cancel).
 */
function CasesSection() {
  const profile = useProfile()
  const cases = useEspecialistaCases(profile.id)
  const [open, setOpen] = useState<{ id: string; employeeName: string } | null>(null)
  useScrollToHash(cases.isSuccess)
  const selected = open ? cases.data?.find((c) => c.booking?.id === open.id)?.booking ?? undefined : undefined

  return (
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
        {(rows) => (
          <CaseList
            bookings={rows.flatMap((c) => (c.booking ? [c.booking] : []))}
            timeZone={profile.time_zone}
            onOpen={(b) => setOpen({ id: b.id, employeeName: b.client?.name ?? 'Colaborador' })}
          />
        )}
      </QueryState>
      {open !== null ? (
        <Suspense fallback={null}>
          <SessionManagementDialog
            open
            onClose={() => setOpen(null)}
            session={selected}
            timeZone={profile.time_zone}
            employeeName={selected?.client?.name ?? open?.employeeName ?? 'Colaborador'}
            employeePhone={selected?.client?.phone ?? null}
            prestadorName={selected?.prestador?.profile?.name ?? null}
            actions={['reschedule', 'cancel']}
          />
        </Suspense>
      ) : null}
    </section>
  )
}

function CaseList({
  bookings,
  timeZone,
  onOpen,
}: {
  bookings: CaseBooking[]
  timeZone: string
  onOpen: (booking: CaseBooking) => void
}) {
  const now = useBoundaryClock(bookings.map((b) => Date.parse(b.ends_at)))
  // Still to happen first, then past (realizada, Faltou, ended), then cancelled.
  const { upcoming, past, cancelled } = sessionSections(bookings, now)
  return (
    <SessionList label="Os meus casos">
      {[...upcoming, ...past, ...cancelled].map((b) => {
        const cardId = sessionCardId(b.id)
        const ids = sessionCardIds(cardId)
        const hasLink = Boolean(b.booking_links?.meeting_link)
        return (
          <li key={b.id}>
            <SessionCard
              id={cardId}
              heading={b.client?.name ?? 'Colaborador'}
              startsAt={b.starts_at}
              endsAt={b.ends_at}
              timeZone={timeZone}
              meetingType={b.meeting_type}
              status={b.status}
              pillar={b.pillar}
              details={[{ label: 'Prestador', value: b.prestador?.profile?.name ?? '—' }]}
              linkSlot={
                b.meeting_type === 'virtual' && isStillAhead(b, now) ? (
                  <Badge tone={hasLink ? 'success' : 'warning'}>{hasLink ? 'Link definido' : 'Sem link'}</Badge>
                ) : null
              }
              actions={
                // The card is clickable through this button's ::after (see PrestadorSessionsPage).
                <Button
                  variant="secondary"
                  size="sm"
                  aria-describedby={`${ids.title} ${ids.time}`}
                  onClick={() => onOpen(b)}
                  className="after:absolute after:inset-0 after:rounded-lg"
                >
                  Gerir sessão
                </Button>
              }
            />
          </li>
        )
      })}
    </SessionList>
  )
}
