import type { ReactNode } from 'react'
import { Badge } from '@/components/ui'
import { formatInstant, formatSessionRange } from '@/lib/format-date'
import { meetingTypeLabel, pillarLabel, type BookingStatus, type MeetingType, type Pillar } from '../lib/labels'
import { SessionStatusBadge } from './SessionStatusBadge'

export type SessionCardProps = {
  /**
   * Element id, e.g. `sessionCardId(booking.id)` ("session-<id>") so /page#session-<id>
   * links reach the card. The heading and the time get `<id>-title` / `<id>-time`
   * (see sessionCardIds) for buttons that describe themselves with them.
   */
  id?: string
  /** Who the session is with, e.g. the prestador's or the employee's name. */
  heading: ReactNode
  /** Heading level inside the page (sections use h2, so cards default to h3). */
  headingLevel?: 2 | 3 | 4
  startsAt: string
  /** The end, for "seg., 30 nov., 15:00–15:50" (the start alone when absent). */
  endsAt?: string
  /** IANA zone to show the time in: the signed-in person's profile.time_zone. */
  timeZone: string
  meetingType: MeetingType
  status: BookingStatus
  pillar?: Pillar
  /** Extra facts shown as a description list (company, specialty...). */
  details?: ReadonlyArray<{ label: string; value: ReactNode }>
  /** Extension point for the meeting-link area (link window state, link editor...). */
  linkSlot?: ReactNode
  /** Extension point for actions (cancel, reschedule...). */
  actions?: ReactNode
  children?: ReactNode
  /** The session just booked: outlined and badged "Nova". */
  highlighted?: boolean
}

/** The card's element id for a booking: what `#session-<id>` links point at. */
export const sessionCardId = (bookingId: string) => `session-${bookingId}`

/** Ids of a card's heading and time, for aria-describedby of buttons in the card. */
export const sessionCardIds = (cardId: string) => ({ title: `${cardId}-title`, time: `${cardId}-time` })

export function SessionCard({
  id,
  heading,
  headingLevel = 3,
  startsAt,
  endsAt,
  timeZone,
  meetingType,
  status,
  pillar,
  details,
  linkSlot,
  actions,
  children,
  highlighted = false,
}: SessionCardProps) {
  const Heading = `h${headingLevel}` as const
  const ids = id ? sessionCardIds(id) : null
  return (
    <article
      id={id}
      // Focusable from script only: a #session-<id> link moves focus to the card.
      tabIndex={id ? -1 : undefined}
      aria-labelledby={ids?.title}
      data-highlighted={highlighted || undefined}
      className={`relative flex scroll-mt-4 flex-col gap-3 rounded-lg border p-4 shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 ${highlighted ? 'border-brand-700 bg-brand-50 ring-2 ring-brand-700' : 'border-slate-200 bg-white'}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <Heading id={ids?.title} className="text-lg font-semibold text-slate-900">
            {heading}
          </Heading>
          <p className="text-slate-700">
            <time id={ids?.time} dateTime={startsAt}>
              {endsAt ? formatSessionRange(startsAt, endsAt, timeZone) : formatInstant(startsAt, timeZone)}
            </time>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {highlighted ? <Badge tone="brand">Nova</Badge> : null}
          <SessionStatusBadge status={status} />
          <Badge tone="neutral">{meetingTypeLabel(meetingType)}</Badge>
          {pillar ? <Badge tone="brand">{pillarLabel(pillar)}</Badge> : null}
        </div>
      </div>
      {details && details.length > 0 ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {details.map((d) => (
            <div key={d.label} className="contents">
              <dt className="text-slate-600">{d.label}</dt>
              <dd className="text-slate-900">{d.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {linkSlot ? <div className="border-t border-slate-100 pt-3">{linkSlot}</div> : null}
      {children}
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </article>
  )
}

/** A list of cards with list semantics. */
export function SessionList({ children, label }: { children: ReactNode; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-col gap-3">
      {children}
    </ul>
  )
}
