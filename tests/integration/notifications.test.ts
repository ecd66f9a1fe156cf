// Notifications are written by the database: each trigger produces exactly one notification
// for the right person and none for anyone else, and nobody reads, changes or forges another's.
import type { SupabaseClient } from '@supabase/supabase-js'
import { beforeAll, describe, expect, it } from 'vitest'
import { serviceClient } from './support/clients'
import { signInEveryone } from './support/people'
import { bookableSlot, createBooking, createBookingAt, createPrestador } from './support/fixtures'
import { PEOPLE as P } from './support/seed'

let joao: SupabaseClient
let maria: SupabaseClient
let admin: SupabaseClient
let prestador: Awaited<ReturnType<typeof createPrestador>>
let prestadorClient: SupabaseClient

beforeAll(async () => {
  const everyone = await signInEveryone()
  ;({ joao, maria, admin } = everyone)
  prestador = await createPrestador('saude_mental', { weeklyHours: true })
  prestadorClient = await prestador.client()
})

/** Every notification about a booking, as the database holds them (service role). */
async function notificationsFor(bookingId: string) {
  const { data, error } = await serviceClient()
    .from('notifications')
    .select('recipient_id, kind, payload')
    .eq('booking_id', bookingId)
    .order('created_at')
  expect(error).toBeNull()
  return data!
}

describe('triggers', () => {
  it('the admin books for Maria: Maria and the prestador each get one booking_created', async () => {
    const { data: booking } = await admin
      .from('bookings')
      .insert({ user_id: P.maria.id, prestador_id: prestador.id, pillar: 'saude_mental', meeting_type: 'virtual', booking_source: 'admin_manual', ...bookableSlot(50) })
      .select('id')
      .single()
    const rows = await notificationsFor(booking!.id)
    expect(rows.map((r) => [r.recipient_id, r.kind]).sort()).toEqual(
      [[P.maria.id, 'booking_created'], [prestador.id, 'booking_created']].sort(),
    )
  })

  it('João books for himself: only the prestador is told', async () => {
    const { data: booking } = await joao
      .from('bookings')
      .insert({ user_id: P.joao.id, prestador_id: prestador.id, pillar: 'saude_mental', meeting_type: 'virtual', booking_source: 'direct', ...bookableSlot(50) })
      .select('id')
      .single()
    expect(await notificationsFor(booking!.id)).toEqual([
      { recipient_id: prestador.id, kind: 'booking_created', payload: expect.objectContaining({ booking_source: 'direct' }) },
    ])
  })

  it('the link saved, then changed: the employee gets link_saved then link_changed, nobody else; the link is not in them', async () => {
    const booking = await createBooking({ prestador_id: prestador.id })
    const before = (await notificationsFor(booking.id)).length
    const { data: first } = await prestadorClient.rpc('save_meeting_link', { p_booking_id: booking.id, p_meeting_link: 'https://zoom.us/j/1', p_expected_updated_at: null })
    await prestadorClient.rpc('save_meeting_link', { p_booking_id: booking.id, p_meeting_link: 'https://zoom.us/j/2', p_expected_updated_at: first!.updated_at })
    const rows = (await notificationsFor(booking.id)).slice(before)
    expect(rows).toEqual([
      { recipient_id: P.joao.id, kind: 'link_saved', payload: {} },
      { recipient_id: P.joao.id, kind: 'link_changed', payload: {} },
    ])
  })

  it('saving the same link again tells nobody', async () => {
    const booking = await createBooking({ prestador_id: prestador.id })
    const { data: first } = await prestadorClient.rpc('save_meeting_link', { p_booking_id: booking.id, p_meeting_link: 'https://zoom.us/j/7', p_expected_updated_at: null })
    const count = (await notificationsFor(booking.id)).length
    await prestadorClient.rpc('save_meeting_link', { p_booking_id: booking.id, p_meeting_link: 'https://zoom.us/j/7', p_expected_updated_at: first!.updated_at })
    expect(await notificationsFor(booking.id)).toHaveLength(count)
  })

  it('the prestador reschedules: the employee gets old and new times; the prestador nothing', async () => {
    const booking = await createBooking({ prestador_id: prestador.id })
    const next = bookableSlot(50)
    const { error } = await prestadorClient.rpc('reschedule_booking', { p_booking_id: booking.id, p_starts_at: next.starts_at, p_ends_at: next.ends_at })
    expect(error).toBeNull()
    const rows = (await notificationsFor(booking.id)).filter((r) => r.kind === 'booking_rescheduled')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.recipient_id).toBe(P.joao.id)
    expect(Date.parse(rows[0]!.payload.old_starts_at)).toBe(Date.parse(booking.starts_at))
    expect(Date.parse(rows[0]!.payload.starts_at)).toBe(Date.parse(next.starts_at))
  })

  it('João cancels: the prestador gets the reason; João nothing', async () => {
    const booking = await createBooking({ prestador_id: prestador.id })
    const { error } = await joao.rpc('cancel_booking', { p_booking_id: booking.id, p_reason: 'Reunião de trabalho inadiável' })
    expect(error).toBeNull()
    const rows = (await notificationsFor(booking.id)).filter((r) => r.kind === 'booking_cancelled')
    expect(rows).toEqual([{ recipient_id: prestador.id, kind: 'booking_cancelled', payload: expect.objectContaining({ reason: 'Reunião de trabalho inadiável' }) }])
  })

  it('the admin cancels: both participants are told', async () => {
    const booking = await createBooking({ prestador_id: prestador.id })
    await admin.rpc('cancel_booking', { p_booking_id: booking.id, p_reason: 'Prestador indisponível' })
    const rows = (await notificationsFor(booking.id)).filter((r) => r.kind === 'booking_cancelled')
    expect(rows.map((r) => r.recipient_id).sort()).toEqual([P.joao.id, prestador.id].sort())
  })
})

describe('the 5-minute notice', () => {
  it('is written once, however many tabs ask, and only inside the window', async () => {
    const open = await createBookingAt(4 * 60_000, 50 * 60_000)
    const results = await Promise.all([1, 2, 3].map(() => joao.rpc('notify_session_starting', { p_booking_id: open.id })))
    expect(results.map((r) => r.data).filter(Boolean)).toHaveLength(1)
    expect((await notificationsFor(open.id)).filter((r) => r.kind === 'session_starting')).toHaveLength(1)

    const later = await createBookingAt(60 * 60_000, 50 * 60_000)
    const { data } = await joao.rpc('notify_session_starting', { p_booking_id: later.id })
    expect(data).toBe(false)
    // and not for someone else's session
    const { data: forMaria } = await maria.rpc('notify_session_starting', { p_booking_id: open.id })
    expect(forMaria).toBe(false)
  })
})

describe('access', () => {
  it('each person reads only their own', async () => {
    const { data: joaos } = await joao.from('notifications').select('recipient_id')
    expect(joaos!.length).toBeGreaterThan(0)
    expect(new Set(joaos!.map((r) => r.recipient_id))).toEqual(new Set([P.joao.id]))
    const { data: marias } = await maria.from('notifications').select('recipient_id')
    expect(new Set(marias!.map((r) => r.recipient_id))).toEqual(new Set([P.maria.id]))
  })

  it("marking read: own yes, another's no, and nothing but read_at", async () => {
    const { data: mine } = await joao.from('notifications').select('id').limit(1).single()
    const { data: updated, error } = await joao.from('notifications').update({ read_at: new Date().toISOString() }).eq('id', mine!.id).select('id, read_at')
    expect(error).toBeNull()
    expect(updated).toHaveLength(1)

    const { data: marias } = await serviceClient().from('notifications').select('id').eq('recipient_id', P.maria.id).limit(1).single()
    const { data: notMine } = await joao.from('notifications').update({ read_at: new Date().toISOString() }).eq('id', marias!.id).select('id')
    expect(notMine).toEqual([])
    const { data: still } = await serviceClient().from('notifications').select('read_at').eq('id', marias!.id).single()
    expect(still!.read_at).toBeNull()

    const { error: kindError } = await joao.from('notifications').update({ kind: 'link_saved' }).eq('id', mine!.id)
    expect(kindError?.code).toBe('42501')
  })

  it('no client can insert or delete a notification', async () => {
    const { error } = await joao.from('notifications').insert({ recipient_id: P.joao.id, kind: 'link_saved' })
    expect(error?.code).toBe('42501')
    const { error: forged } = await admin.from('notifications').insert({ recipient_id: P.maria.id, kind: 'booking_cancelled' })
    expect(forged?.code).toBe('42501')
    const { data: mine } = await joao.from('notifications').select('id').limit(1).single()
    await joao.from('notifications').delete().eq('id', mine!.id)
    const { data: after } = await serviceClient().from('notifications').select('id').eq('id', mine!.id)
    expect(after).toHaveLength(1)
  })
})
