import type { AppRole } from '@/features/auth'
import type { Json } from '@/lib/database.types'
import type { NotificationKind } from '../api/notifications'
import { notificationText } from './notification-text'

type Row = [label: string, kind: NotificationKind, payload: Json, role: AppRole, zone: string, title: string, body: string]

// 14:00 UTC on 15 Nov 2025 is 14:00 in Lisbon (winter), 11:00 in São Paulo, 23:00 in Tokyo.
const START = '2025-11-15T14:00:00+00:00'
const OLD = '2025-11-14T09:30:00Z'

const cases: Row[] = [
  ['booking for a prestador', 'booking_created', { starts_at: START, booking_source: 'direct' }, 'prestador', 'Europe/Lisbon',
    'Nova sessão marcada consigo', 'Sessão marcada para sáb., 15 nov., 14:00.'],
  ['booking for an employee, by the admin', 'booking_created', { starts_at: START, booking_source: 'admin_manual' }, 'user', 'Europe/Lisbon',
    'Foi marcada uma sessão para si', 'Marcada pela administração para sáb., 15 nov., 14:00.'],
  ['booking for an employee, by the especialista, in São Paulo', 'booking_created', { starts_at: START, booking_source: 'specialist_referral' }, 'user', 'America/Sao_Paulo',
    'Foi marcada uma sessão para si', 'Marcada por especialista para sáb., 15 nov., 11:00.'],
  ['booking without a time', 'booking_created', {}, 'prestador', 'Europe/Lisbon',
    'Nova sessão marcada consigo', 'Veja os detalhes na página da sessão.'],
  ['link saved', 'link_saved', {}, 'user', 'Europe/Lisbon',
    'O link da sessão já está definido', 'Pode entrar na reunião a partir de 5 minutos antes do início.'],
  ['link changed: the old one no longer applies', 'link_changed', {}, 'user', 'Europe/Lisbon',
    'O link da sessão foi alterado', 'O link anterior deixou de ser válido. Use o novo link na página da sessão.'],
  ['rescheduled, old and new time in Tokyo', 'booking_rescheduled',
    { old_starts_at: OLD, old_ends_at: '2025-11-14T10:20:00Z', starts_at: START, ends_at: '2025-11-15T14:50:00Z' }, 'user', 'Asia/Tokyo',
    'Sessão reagendada', 'A sessão de sex., 14 nov., 18:30–19:20 passou para sáb., 15 nov., 23:00–23:50.'],
  ['rescheduled, only the new time', 'booking_rescheduled', { starts_at: START }, 'prestador', 'Europe/Lisbon',
    'Sessão reagendada', 'Nova data: sáb., 15 nov., 14:00.'],
  ['cancelled with a reason', 'booking_cancelled', { reason: '  Reunião de trabalho inadiável ', starts_at: START }, 'prestador', 'Europe/Lisbon',
    'Sessão cancelada', 'A sessão de sáb., 15 nov., 14:00 foi cancelada. Motivo: Reunião de trabalho inadiável'],
  ['cancelled without a reason', 'booking_cancelled', { reason: null, starts_at: START }, 'user', 'Europe/Lisbon',
    'Sessão cancelada', 'A sessão de sáb., 15 nov., 14:00 foi cancelada. Sem motivo indicado.'],
  ['cancelled, unreadable time', 'booking_cancelled', { reason: 'Doença', starts_at: '15/11/2025' }, 'user', 'Europe/Lisbon',
    'Sessão cancelada', 'A sessão foi cancelada. Motivo: Doença'],
  ['the 5-minute notice', 'session_starting', {}, 'user', 'Europe/Lisbon',
    'A sua sessão começa em 5 minutos', 'O link da reunião já está disponível na página da sessão.'],
]

describe('notificationText', () => {
  it.each(cases)('%s', (_label, kind, payload, role, zone, title, body) => {
    expect(notificationText({ kind, payload }, zone, role)).toEqual({ title, body })
  })

  it('never throws on a malformed payload, nor on a kind it does not know', () => {
    for (const payload of [null, 'x', 3, [], { starts_at: 42 }] as Json[]) {
      for (const kind of ['booking_created', 'booking_rescheduled', 'booking_cancelled'] as NotificationKind[]) {
        expect(notificationText({ kind, payload }, 'Europe/Lisbon', 'user').title).not.toBe('')
      }
    }
    expect(notificationText({ kind: 'something_new' as NotificationKind, payload: {} }, 'Europe/Lisbon', 'user')).toEqual({
      title: 'Atualização de uma sessão',
      body: 'Veja os detalhes na página da sessão.',
    })
  })

  it('never shows a meeting link (payloads do not carry one, and the text never reads one)', () => {
    const text = notificationText({ kind: 'link_saved', payload: { meeting_link: 'https://zoom.us/j/1' } }, 'Europe/Lisbon', 'user')
    expect(JSON.stringify(text)).not.toContain('zoom')
  })
})
