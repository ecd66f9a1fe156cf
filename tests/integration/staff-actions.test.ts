// Staff actions that cannot hurt, through the real API (issue 9): reschedule only into a
// bookable slot unless an admin overrides, complete / "Faltou" only from the start, an
// employee cannot cancel a started session and need not give a reason (staff must).
import type { SupabaseClient } from '@supabase/supabase-js'
import { beforeAll, describe, expect, it } from 'vitest'
import { serviceClient } from './support/clients'
import { signInEveryone } from './support/people'
import { bookableSlot, bookingRow, createBooking, createBookingAt, createCallRequest, createPrestador } from './support/fixtures'
import { PEOPLE as P } from './support/seed'

let joao: SupabaseClient
let maria: SupabaseClient
let rita: SupabaseClient
let admin: SupabaseClient
let pedro: SupabaseClient
// A prestador of this file, Mon-Fri 09:00-18:00 Lisbon, 50-minute sessions, 10-minute buffer.
let prestador: Awaited<ReturnType<typeof createPrestador>>
let prestadorClient: SupabaseClient

const LENGTH = 50
const MIN = 60_000

beforeAll(async () => {
  ;({ joao, maria, rita, admin, pedro } = await signInEveryone())
  prestador = await createPrestador('saude_mental', { weeklyHours: true })
  prestadorClient = await prestador.client()
})

function shift(startsAt: string, minutes: number, lengthMinutes = LENGTH) {
  const start = Date.parse(startsAt) + minutes * MIN
  return { starts_at: new Date(start).toISOString(), ends_at: new Date(start + lengthMinutes * MIN).toISOString() }
}

function nextSunday(startsAt: string) {
  const d = new Date(startsAt)
  d.setUTCDate(d.getUTCDate() + ((7 - d.getUTCDay()) % 7 || 7))
  return { starts_at: d.toISOString(), ends_at: new Date(d.getTime() + LENGTH * MIN).toISOString() }
}

/** A scheduled session of this file's prestador in a bookable slot. */
const ownBooking = (overrides: Record<string, unknown> = {}) =>
  createBooking({ prestador_id: prestador.id, ...bookableSlot(LENGTH), ...overrides })

const reschedule = (client: SupabaseClient, id: string, slot: { starts_at: string; ends_at: string }, override?: boolean) =>
  client.rpc('reschedule_booking', {
    p_booking_id: id,
    p_starts_at: slot.starts_at,
    p_ends_at: slot.ends_at,
    ...(override === undefined ? {} : { p_override: override }),
  })

/** A session that started `minutesAgo` minutes ago, with a prestador of its own (no overlaps). */
async function startedSession(minutesAgo: number, status: 'scheduled' | 'pending' = 'scheduled') {
  const booking = await createBookingAt(-minutesAgo * MIN, LENGTH * MIN, { status })
  return { ...booking, prestadorClient: await booking.prestador!.client() }
}

/** Makes `bookingId` one of Rita's cases (an assigned call request pointing at it). */
async function makeRitaCase(bookingId: string) {
  await createCallRequest({ user_id: P.joao.id, status: 'assigned', especialista_id: P.rita.id, booking_id: bookingId, assigned_at: new Date().toISOString() })
}

describe('reschedule_booking: only bookable slots for everyone but the admin', () => {
  it('the prestador moves a session into another free slot', async () => {
    const booking = await ownBooking()
    const next = bookableSlot(LENGTH)
    const { data, error } = await reschedule(prestadorClient, booking.id, next)
    expect(error).toBeNull()
    expect(Date.parse(data!.starts_at)).toBe(Date.parse(next.starts_at))
  })

  it('the prestador moves a session by 10 minutes over its own old time (the session itself is not busy)', async () => {
    const booking = await ownBooking()
    const { error } = await reschedule(prestadorClient, booking.id, shift(booking.starts_at, 10))
    expect(error).toBeNull()
  })

  it.each([
    ['outside the weekly hours (03:00 UTC)', (s: { starts_at: string }) => shift(s.starts_at, -7 * 60)],
    ['4 hours long', (s: { starts_at: string }) => shift(s.starts_at, 0, 240)],
    ['with the wrong length (60 min instead of 50)', (s: { starts_at: string }) => shift(s.starts_at, 0, 60)],
    ['on a Sunday', (s: { starts_at: string }) => nextSunday(s.starts_at)],
  ])('the prestador is refused %s, with a pt-PT hint, and nothing changes', async (_label, makeSlot) => {
    const booking = await ownBooking()
    const { error } = await reschedule(prestadorClient, booking.id, makeSlot(bookableSlot(LENGTH)))
    expect(error?.message).toBe('reschedule_slot_not_bookable')
    expect(error?.hint).toBe('Esse horário não está livre na agenda do prestador. Escolha um dos horários livres.')
    expect(Date.parse((await bookingRow(booking.id)).starts_at)).toBe(Date.parse(booking.starts_at))
  })

  it('the prestador is refused on a blocked date', async () => {
    const booking = await ownBooking()
    const next = bookableSlot(LENGTH)
    const { error: blockError } = await serviceClient()
      .from('prestador_blocked_dates')
      .insert({ prestador_id: prestador.id, blocked_on: next.starts_at.slice(0, 10), reason: 'Formação' })
    expect(blockError).toBeNull()
    const { error } = await reschedule(prestadorClient, booking.id, next)
    expect(error?.message).toBe('reschedule_slot_not_bookable')
  })

  it('the prestador is refused inside the buffer after another session, allowed just after it', async () => {
    const other = await ownBooking()
    const booking = await ownBooking()
    const { error } = await reschedule(prestadorClient, booking.id, shift(other.starts_at, LENGTH + 5))
    expect(error?.message).toBe('reschedule_slot_not_bookable')
    const { error: ok } = await reschedule(prestadorClient, booking.id, shift(other.starts_at, LENGTH + 10))
    expect(ok).toBeNull()
  })

  it('a prestador cannot use the override', async () => {
    const booking = await ownBooking()
    const { error } = await reschedule(prestadorClient, booking.id, shift(booking.starts_at, -7 * 60), true)
    expect(error?.code).toBe('42501')
    expect(error?.message).toBe('reschedule_override_not_allowed')
    // Not even into a free slot: the flag itself is the admin's.
    const { error: free } = await reschedule(prestadorClient, booking.id, bookableSlot(LENGTH), true)
    expect(free?.message).toBe('reschedule_override_not_allowed')
  })

  it('the case especialista: a free slot yes, outside the hours no, override no', async () => {
    const booking = await ownBooking()
    await makeRitaCase(booking.id)
    expect((await reschedule(rita, booking.id, shift(booking.starts_at, -7 * 60))).error?.message).toBe('reschedule_slot_not_bookable')
    expect((await reschedule(rita, booking.id, shift(booking.starts_at, -7 * 60), true)).error?.message).toBe('reschedule_override_not_allowed')
    expect((await reschedule(rita, booking.id, bookableSlot(LENGTH))).error).toBeNull()
  })

  it('the employee cannot reschedule at all', async () => {
    const booking = await ownBooking()
    const { error } = await reschedule(joao, booking.id, bookableSlot(LENGTH))
    expect(error?.code).toBe('42501')
  })

  it('the admin without the override is held to the same rules; with it, may go outside the hours', async () => {
    const booking = await ownBooking()
    const sunday = nextSunday(bookableSlot(LENGTH).starts_at)
    const night = shift(sunday.starts_at, -7 * 60, 240)
    const refused = await reschedule(admin, booking.id, night)
    expect(refused.error?.message).toBe('reschedule_slot_not_bookable')
    const { data, error } = await reschedule(admin, booking.id, night, true)
    expect(error).toBeNull()
    expect(Date.parse(data!.ends_at) - Date.parse(data!.starts_at)).toBe(240 * MIN)
  })

  it('the admin override still cannot overlap another session of the prestador', async () => {
    const other = await ownBooking()
    const booking = await ownBooking()
    const { error } = await reschedule(admin, booking.id, shift(other.starts_at, 20), true)
    expect(error?.message).toBe('booking_overlap')
  })
})

describe('complete_booking: only from the start', () => {
  it('refused before the start, with a pt-PT hint', async () => {
    const booking = await ownBooking()
    const { error } = await prestadorClient.rpc('complete_booking', { p_booking_id: booking.id })
    expect(error?.message).toBe('booking_not_started')
    expect(error?.hint).toBe('Só pode marcar como realizada depois de a sessão começar.')
    expect((await bookingRow(booking.id)).status).toBe('scheduled')
  })

  it('the prestador completes a session that has started', async () => {
    const s = await startedSession(1)
    const { data, error } = await s.prestadorClient.rpc('complete_booking', { p_booking_id: s.id })
    expect(error).toBeNull()
    expect(data!.status).toBe('completed')
  })

  it('the employee cannot complete their own session', async () => {
    const s = await startedSession(1)
    const { error } = await joao.rpc('complete_booking', { p_booking_id: s.id })
    expect(error?.code).toBe('42501')
  })
})

describe('mark_booking_no_show: "Faltou", a distinct outcome', () => {
  it('refused before the start', async () => {
    const booking = await ownBooking()
    const { error } = await prestadorClient.rpc('mark_booking_no_show', { p_booking_id: booking.id })
    expect(error?.message).toBe('no_show_not_started')
    expect(error?.hint).toBe('Só pode registar a falta depois de a sessão começar.')
    expect((await bookingRow(booking.id)).status).toBe('scheduled')
  })

  it('the prestador records it from the start; the employee sees status no_show; no second outcome', async () => {
    const s = await startedSession(2)
    const { data, error } = await s.prestadorClient.rpc('mark_booking_no_show', { p_booking_id: s.id })
    expect(error).toBeNull()
    expect(data!.status).toBe('no_show')
    const { data: seen } = await joao.from('bookings').select('status').eq('id', s.id).single()
    expect(seen).toEqual({ status: 'no_show' })
    const again = await s.prestadorClient.rpc('complete_booking', { p_booking_id: s.id })
    expect(again.error?.message).toBe('booking_not_active')
    const twice = await s.prestadorClient.rpc('mark_booking_no_show', { p_booking_id: s.id })
    expect(twice.error?.message).toBe('booking_not_scheduled')
  })

  it('only for scheduled sessions: a pending or completed one is refused', async () => {
    const pending = await startedSession(3, 'pending')
    expect((await pending.prestadorClient.rpc('mark_booking_no_show', { p_booking_id: pending.id })).error?.message).toBe('booking_not_scheduled')
    const done = await startedSession(3)
    await done.prestadorClient.rpc('complete_booking', { p_booking_id: done.id })
    expect((await done.prestadorClient.rpc('mark_booking_no_show', { p_booking_id: done.id })).error?.message).toBe('booking_not_scheduled')
  })

  it('the admin may record it', async () => {
    const s = await startedSession(4)
    const { data, error } = await admin.rpc('mark_booking_no_show', { p_booking_id: s.id })
    expect(error).toBeNull()
    expect(data!.status).toBe('no_show')
  })

  it.each([
    ['the employee', () => joao],
    ['another employee', () => maria],
    ['another prestador', () => pedro],
    ['the case especialista', () => rita],
  ])('%s cannot record it', async (_who, client) => {
    const s = await startedSession(5)
    await makeRitaCase(s.id)
    const { error } = await client().rpc('mark_booking_no_show', { p_booking_id: s.id })
    expect(error?.code).toBe('42501')
    expect((await bookingRow(s.id)).status).toBe('scheduled')
  })
})

describe('cancel_booking: the employee before the start, reason optional for them only', () => {
  it.each([
    ['null', null],
    ['empty', ''],
    ['blank', '   '],
  ])('the employee cancels with a %s reason: stored as no reason', async (_label, reason) => {
    const booking = await ownBooking()
    const { data, error } = await joao.rpc('cancel_booking', { p_booking_id: booking.id, p_reason: reason as string })
    expect(error).toBeNull()
    expect(data).toMatchObject({ status: 'cancelled', cancellation_reason: null, cancelled_by: P.joao.id })
  })

  it('the employee may still give one', async () => {
    const booking = await ownBooking()
    const { data } = await joao.rpc('cancel_booking', { p_booking_id: booking.id, p_reason: '  Consulta médica  ' })
    expect(data).toMatchObject({ status: 'cancelled', cancellation_reason: 'Consulta médica' })
  })

  it('the employee cannot cancel a session that has started', async () => {
    const s = await startedSession(1)
    const { error } = await joao.rpc('cancel_booking', { p_booking_id: s.id, p_reason: 'Afinal não posso' })
    expect(error?.message).toBe('booking_already_started')
    expect(error?.hint).toBe('A sessão já começou: já não pode ser cancelada.')
    expect((await bookingRow(s.id)).status).toBe('scheduled')
  })

  it.each([
    ['the prestador', () => prestadorClient],
    ['the admin', () => admin],
  ])('%s must give a reason', async (_who, client) => {
    const booking = await ownBooking()
    const { error } = await client().rpc('cancel_booking', { p_booking_id: booking.id, p_reason: '  ' })
    expect(error?.message).toBe('cancel_reason_required')
    expect((await bookingRow(booking.id)).status).toBe('scheduled')
  })

  it('the prestador may still cancel a session that has started (with a reason)', async () => {
    const s = await startedSession(1)
    const { data, error } = await s.prestadorClient.rpc('cancel_booking', { p_booking_id: s.id, p_reason: 'O colaborador pediu para terminar' })
    expect(error).toBeNull()
    expect(data!.status).toBe('cancelled')
  })

  it('the table itself refuses a cancellation without a reason by anyone but the employee', async () => {
    const booking = await ownBooking()
    const { error } = await admin
      .from('bookings')
      .update({ status: 'cancelled', cancelled_by: P.admin.id, cancelled_at: new Date().toISOString() })
      .eq('id', booking.id)
    expect(error?.code).toBe('23514')
  })
})
