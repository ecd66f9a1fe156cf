// One session as an iCalendar file (RFC 5545), for "Adicionar ao calendário".
//
// This module pulls in ical-generator; it is loaded only when someone clicks the button
// (`await import('../lib/session-ics')`), so never import it statically from a component
// or re-export its values from the feature's index (types are fine).
//
// Decisions:
// - Times are instants: DTSTART/DTEND/DTSTAMP/LAST-MODIFIED are written in UTC ("...Z"), never
//   as floating or TZID local times, so neither the browser's zone nor DST can move them.
//   The calendar app shows them in its own zone.
// - UID is stable per booking (`<id>@encontro.app`); a reschedule or a cancel produces the
//   same UID with a higher SEQUENCE, so re-importing updates the existing entry.
// - METHOD:PUBLISH, also for a cancelled session (STATUS:CANCELLED). METHOD:CANCEL is an
//   iTIP (RFC 5546) message from the organizer to attendees: it requires ORGANIZER and
//   ATTENDEE properties and clients (Outlook, Google, Apple) match it against a meeting the
//   user was invited to, or refuse it. This file is a copy the user downloads and imports
//   into their own calendar, with no invitation behind it; PUBLISH ("here is the event as it
//   is now") with STATUS:CANCELLED and a higher SEQUENCE is what those apps accept as an
//   update of the imported entry. We send no ORGANIZER: we have no address to put there,
//   and a made-up one makes clients offer to "reply" to it.
// - The raw meeting link never goes in the file: for the employee the link is only visible
//   from 5 minutes before the start (RLS on booking_links). LOCATION/URL point to the
//   session's page in the app, which shows the link when the window opens.

import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
// Types only: at run time the sessions index creates the supabase client (and its realtime
// socket), which this pure module must not load. The pillar label comes in `pillarLabel`.
import type { BookingStatus, MeetingType, Pillar } from '@/features/sessions'
// The pure entry (the '@/features/meeting-link' index also loads its hooks, supabase and
// zod): the same timestamp rule and the same link window as the rest of the app.
import { LINK_OPENS_BEFORE_START_MS, parseInstant } from '@/features/meeting-link/rules'
import { localDateTimeOf } from '@/lib/zoned-time'
import { MAX_ICS_SEQUENCE } from './sequence'

export { sequenceFromUpdatedAt, SEQUENCE_BASE_EPOCH_SECONDS, MAX_ICS_SEQUENCE } from './sequence'

/** The booking fields the file is built from (a `bookings` row has them all). */
export type CalendarBooking = {
  id: string
  starts_at: string
  ends_at: string
  meeting_type: MeetingType
  status: BookingStatus
  location: string | null
  cancellation_reason: string | null
  pillar: Pillar
  updated_at: string
}

/** Whose calendar the file is for: the employee ('user') or the prestador. */
export type CalendarViewer = 'user' | 'prestador'

export type SessionIcsInput = {
  booking: CalendarBooking
  /** pt-PT label of `booking.pillar`: `pillarLabel(booking.pillar)` from '@/features/sessions'. */
  pillarLabel: string
  /** e.g. "Dr. Pedro Santos" */
  prestadorName: string
  /** The employee's name; used in the prestador's SUMMARY ("... com João Silva"). */
  employeeName?: string
  viewer: CalendarViewer
  /** e.g. "https://app.encontro.pt" (window.location.origin); no trailing path. */
  appOrigin: string
  /**
   * SEQUENCE: the number of `booking_rescheduled` notifications for the booking or, when the
   * caller does not have them, `sequenceFromUpdatedAt(booking.updated_at)`. One source per
   * booking, see ./sequence.ts.
   */
  sequence: number
  /** DTSTAMP: when the file is made. */
  now: Date
}

export const ICS_UID_DOMAIN = 'encontro.app'
/** As written in the file (ical-generator adds the leading "-"). */
export const ICS_PRODID = '-//Encontro//Sessões//PT'

export const ICS_TEXTS = {
  phoneLocation: 'Telefone',
  cancelledSummaryPrefix: 'Cancelada: ',
  cancelled: 'Sessão cancelada.',
  cancellationReason: (reason: string) => `Motivo: ${reason}`,
  virtualForUser: (minutes: number, url: string) =>
    `Sessão virtual. O link da reunião fica disponível na página da sessão ${minutes} minutos antes do início: ${url}`,
  virtualForPrestador: (url: string) => `Sessão virtual. O link da reunião está na página da sessão: ${url}`,
  phoneForUser: 'Sessão por telefone: o prestador liga para o seu número.',
  phoneForPrestador: 'Sessão por telefone: ligue ao cliente à hora marcada; o número está na página da sessão.',
  presencial: 'Sessão presencial.',
  address: (address: string) => `Morada: ${address}`,
  noAddress: 'A morada está na página da sessão.',
  sessionPage: (url: string) => `Página da sessão: ${url}`,
} as const

export const icsUid = (bookingId: string): string => `${bookingId}@${ICS_UID_DOMAIN}`

/** The session's place in the app: `${origin}/user/sessions#session-<id>` (or /prestador/...). */
export function sessionPageUrl(appOrigin: string, viewer: CalendarViewer, bookingId: string): string {
  const origin = new URL(appOrigin).origin // drops a trailing slash or path; throws on garbage
  return `${origin}/${viewer === 'prestador' ? 'prestador' : 'user'}/sessions#session-${encodeURIComponent(bookingId)}`
}

/** "Sessão de Saúde Mental com Dr. Pedro Santos" (the other person from the viewer's side). */
export function sessionSummary(
  input: Pick<SessionIcsInput, 'booking' | 'pillarLabel' | 'prestadorName' | 'employeeName' | 'viewer'>,
): string {
  const other = (input.viewer === 'prestador' ? input.employeeName : input.prestadorName)?.trim()
  const label = input.pillarLabel.trim()
  const base = `${label ? `Sessão de ${label}` : 'Sessão'}${other ? ` com ${other}` : ''}`
  return input.booking.status === 'cancelled' ? `${ICS_TEXTS.cancelledSummaryPrefix}${base}` : base
}

function eventStatus(status: BookingStatus): ICalEventStatus {
  switch (status) {
    case 'cancelled':
      return ICalEventStatus.CANCELLED
    case 'pending':
      // Not confirmed yet: RFC 5545's TENTATIVE, not CONFIRMED.
      return ICalEventStatus.TENTATIVE
    case 'scheduled':
    case 'completed':
    case 'no_show':
      return ICalEventStatus.CONFIRMED
  }
}

function placeAndDescription(input: SessionIcsInput, pageUrl: string): { location: string | null; lines: string[] } {
  const { booking, viewer } = input
  switch (booking.meeting_type) {
    case 'virtual':
      return {
        location: pageUrl,
        lines: [
          viewer === 'prestador'
            ? ICS_TEXTS.virtualForPrestador(pageUrl)
            : ICS_TEXTS.virtualForUser(LINK_OPENS_BEFORE_START_MS / 60_000, pageUrl),
        ],
      }
    case 'phone':
      return {
        location: ICS_TEXTS.phoneLocation,
        lines: [viewer === 'prestador' ? ICS_TEXTS.phoneForPrestador : ICS_TEXTS.phoneForUser, ICS_TEXTS.sessionPage(pageUrl)],
      }
    case 'presencial': {
      const address = booking.location?.trim() || null
      return {
        location: address,
        lines: [
          ICS_TEXTS.presencial,
          address ? ICS_TEXTS.address(address) : ICS_TEXTS.noAddress,
          ICS_TEXTS.sessionPage(pageUrl),
        ],
      }
    }
  }
}

function assertSequence(sequence: number): void {
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence > MAX_ICS_SEQUENCE) {
    throw new RangeError(`SEQUENCE must be an integer from 0 to ${MAX_ICS_SEQUENCE}: ${sequence}`)
  }
}

/**
 * The .ics text (CRLF line ends, lines folded at 75 octets, UTF-8 when encoded) with one
 * VEVENT for the booking. Throws RangeError for timestamps without an offset, an end not
 * after the start, a bad SEQUENCE or an invalid `now`/`appOrigin`.
 */
export function sessionToIcs(input: SessionIcsInput): string {
  const { booking, sequence, now } = input
  const start = parseInstant(booking.starts_at)
  const end = parseInstant(booking.ends_at)
  // ical-generator silently swaps a reversed range; a reversed range is a bug upstream.
  if (end <= start) throw new RangeError(`ends_at must be after starts_at (booking ${booking.id})`)
  if (!Number.isFinite(now.getTime())) throw new RangeError('Invalid "now"')
  assertSequence(sequence)

  const pageUrl = sessionPageUrl(input.appOrigin, input.viewer, booking.id)
  const { location, lines } = placeAndDescription(input, pageUrl)
  if (booking.status === 'cancelled') {
    const reason = booking.cancellation_reason?.trim()
    lines.unshift(reason ? `${ICS_TEXTS.cancelled} ${ICS_TEXTS.cancellationReason(reason)}` : ICS_TEXTS.cancelled)
  }

  const calendar = ical({
    prodId: ICS_PRODID.slice(1),
    method: ICalCalendarMethod.PUBLISH,
    // No calendar `timezone`: with one, ical-generator writes local times with TZID.
  })
  calendar.createEvent({
    id: icsUid(booking.id),
    sequence,
    stamp: now,
    start: new Date(start),
    end: new Date(end),
    lastModified: new Date(parseInstant(booking.updated_at)),
    summary: sessionSummary(input),
    description: lines.join('\n'),
    location,
    url: pageUrl,
    status: eventStatus(booking.status),
  })

  const text = calendar.toString()
  // RFC 5545 §3.1: every content line, the last one included, ends with CRLF.
  return text.endsWith('\r\n') ? text : `${text}\r\n`
}

/** "encontro-sessao-2026-10-25.ics": the session's calendar day in `timeZone` (the viewer's profile zone). */
export function icsFilename(startsAt: string, timeZone: string): string {
  const { year, month, day } = localDateTimeOf(parseInstant(startsAt), timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `encontro-sessao-${year}-${pad(month)}-${pad(day)}.ics`
}
