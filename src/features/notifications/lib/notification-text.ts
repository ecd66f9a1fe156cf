// pt-PT title and body of a notification, from its kind and payload, for the person who
// reads it: times in their profile's zone (never the browser's), and "consigo"/"para si"
// by role. Pure: the same row always reads the same.

import type { AppRole } from '@/features/auth'
import type { Json } from '@/lib/database.types'
import { formatInstant, formatSessionRange } from '@/lib/format-date'
import type { NotificationKind } from '../api/notifications'
import { NOTIFICATION_TITLES } from './notification-titles'

export type NotificationText = { title: string; body: string }

export type NotificationTextInput = { kind: NotificationKind; payload: Json }

export { NOTIFICATION_TITLES }

const T = NOTIFICATION_TITLES

/** A non-empty trimmed string field of the payload, or null. */
function text(payload: Json, key: string): string | null {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return null
  const value = payload[key]
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

/** "seg., 30 nov., 15:00–15:50" from `<prefix>starts_at` and `<prefix>ends_at` (the start alone without an end). */
function when(payload: Json, prefix: '' | 'old_', timeZone: string): string | null {
  const start = text(payload, `${prefix}starts_at`)
  if (start === null) return null
  const end = text(payload, `${prefix}ends_at`)
  const formatted = end === null ? formatInstant(start, timeZone) : formatSessionRange(start, end, timeZone)
  return formatted === '—' ? null : formatted
}

const DETAILS_ON_SESSION_PAGE = 'Veja os detalhes na página da sessão.'

function bookedBy(source: string | null): string {
  if (source === 'admin_manual') return 'Marcada pela administração'
  if (source === 'specialist_referral') return 'Marcada por especialista'
  return 'Marcada'
}

/** The pt-PT { title, body } of a notification, read by someone of `role` in `timeZone`. */
export function notificationText(n: NotificationTextInput, timeZone: string, role: AppRole): NotificationText {
  const { payload } = n
  switch (n.kind) {
    case 'booking_created': {
      const startsAt = when(payload, '', timeZone)
      if (role === 'prestador') {
        return { title: T.bookingCreatedForPrestador, body: startsAt ? `Sessão marcada para ${startsAt}.` : DETAILS_ON_SESSION_PAGE }
      }
      if (role === 'user') {
        const by = bookedBy(text(payload, 'booking_source'))
        return { title: T.bookingCreatedForEmployee, body: startsAt ? `${by} para ${startsAt}.` : DETAILS_ON_SESSION_PAGE }
      }
      return { title: T.bookingCreated, body: startsAt ? `Sessão marcada para ${startsAt}.` : DETAILS_ON_SESSION_PAGE }
    }
    case 'link_saved':
      return { title: T.linkSaved, body: 'Pode entrar na reunião a partir de 5 minutos antes do início.' }
    case 'link_changed':
      return { title: T.linkChanged, body: 'O link anterior deixou de ser válido. Use o novo link na página da sessão.' }
    case 'booking_rescheduled': {
      const from = when(payload, 'old_', timeZone)
      const to = when(payload, '', timeZone)
      if (from && to) return { title: T.rescheduled, body: `A sessão de ${from} passou para ${to}.` }
      if (to) return { title: T.rescheduled, body: `Nova data: ${to}.` }
      return { title: T.rescheduled, body: DETAILS_ON_SESSION_PAGE }
    }
    case 'booking_cancelled': {
      const startsAt = when(payload, '', timeZone)
      const reason = text(payload, 'reason')
      const what = startsAt ? `A sessão de ${startsAt} foi cancelada.` : 'A sessão foi cancelada.'
      return { title: T.cancelled, body: reason ? `${what} Motivo: ${reason}` : `${what} Sem motivo indicado.` }
    }
    case 'session_starting':
      return { title: T.starting, body: 'O link da reunião já está disponível na página da sessão.' }
    default:
      // A kind added to the database before this app learnt it: still say something.
      return { title: T.unknown, body: DETAILS_ON_SESSION_PAGE }
  }
}
