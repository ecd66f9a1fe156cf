// The three ways a session is created, through the real API: each role creates exactly
// what it should, only in free slots, and two clients racing for one slot cannot both win.
import type { SupabaseClient } from '@supabase/supabase-js'
import { beforeAll, describe, expect, it } from 'vitest'
import { serviceClient, signedInClient } from './support/clients'
import { signInEveryone } from './support/people'
import { bookableSlot, createCallRequest, createPrestador } from './support/fixtures'
import { PEOPLE as P } from './support/seed'

let joao: SupabaseClient
let maria: SupabaseClient
let pedro: SupabaseClient
let rita: SupabaseClient
let admin: SupabaseClient
// Prestadores of this file's own, with weekly hours, so these bookings never touch the seed's
// prestadores (whose client lists the read matrix checks) or other files' slots.
let fisio: Awaited<ReturnType<typeof createPrestador>>
let psi: Awaited<ReturnType<typeof createPrestador>>

beforeAll(async () => {
  fisio = await createPrestador('bem_estar_fisico', { weeklyHours: true })
  psi = await createPrestador('saude_mental', { weeklyHours: true })
  const everyone = await signInEveryone()
  ;({ joao, maria, pedro, rita, admin } = everyone)
})

const LENGTH = 50 // the default session length of a new prestador

const fisioBooking = (slot: { starts_at: string; ends_at: string }, overrides: Record<string, unknown> = {}) => ({
  user_id: P.joao.id,
  prestador_id: fisio.id,
  pillar: 'bem_estar_fisico',
  meeting_type: 'virtual',
  booking_source: 'direct',
  status: 'scheduled',
  ...slot,
  ...overrides,
})

describe('employee books (direct)', () => {
  it('a free slot: scheduled, direct, no link', async () => {
    const slot = bookableSlot(LENGTH)
    const { data, error } = await joao.from('bookings').insert(fisioBooking(slot)).select('*, booking_links(*)').single()
    expect(error).toBeNull()
    expect(data).toMatchObject({ status: 'scheduled', booking_source: 'direct', user_id: P.joao.id, booking_links: null })
  })

  it.each([
    ['outside the weekly hours (03:00 UTC)', (s: { starts_at: string }) => shift(s.starts_at, -7 * 60, LENGTH)],
    ['with the wrong length (60 min instead of 50)', (s: { starts_at: string }) => shift(s.starts_at, 0, 60)],
    ['on a Sunday', (s: { starts_at: string }) => nextSunday(s.starts_at)],
  ])('refused %s', async (_label, makeSlot) => {
    const slot = makeSlot(bookableSlot(LENGTH))
    const { error } = await joao.from('bookings').insert(fisioBooking(slot))
    expect(error?.code).toBe('42501')
  })

  it('refused on a blocked date', async () => {
    const slot = bookableSlot(LENGTH)
    const day = slot.starts_at.slice(0, 10)
    await serviceClient().from('prestador_blocked_dates').insert({ prestador_id: fisio.id, blocked_on: day, reason: 'Férias' })
    const { error } = await joao.from('bookings').insert(fisioBooking(slot))
    expect(error?.code).toBe('42501')
  })

  it('refused inside the buffer after another session', async () => {
    const slot = bookableSlot(LENGTH)
    const { error: first } = await maria.from('bookings').insert(fisioBooking(slot, { user_id: P.maria.id }))
    expect(first).toBeNull()
    // 10 minutes are kept between sessions: starting 5 minutes after the end is refused.
    const { error } = await joao.from('bookings').insert(fisioBooking(shift(slot.starts_at, LENGTH + 5, LENGTH)))
    expect(error?.code).toBe('42501')
    const { error: ok } = await joao.from('bookings').insert(fisioBooking(shift(slot.starts_at, LENGTH + 10, LENGTH)))
    expect(ok).toBeNull()
  })

  it('an employee cannot set a link when booking (the link is not theirs to write)', async () => {
    const slot = bookableSlot(LENGTH)
    const { data } = await joao.from('bookings').insert(fisioBooking(slot)).select('id').single()
    const { error } = await joao.from('booking_links').insert({ booking_id: data!.id, meeting_link: 'https://meet.example.org/x' })
    expect(error?.code).toBe('42501')
  })

  it('busy times tell when a prestador is busy without saying with whom', async () => {
    const slot = bookableSlot(LENGTH)
    await maria.from('bookings').insert(fisioBooking(slot, { user_id: P.maria.id }))
    const { data, error } = await joao.rpc('prestador_busy_times', {
      p_prestador_id: fisio.id,
      p_from: shift(slot.starts_at, -60, 0).starts_at,
      p_to: shift(slot.starts_at, 120, 0).starts_at,
    })
    expect(error).toBeNull()
    expect(data).toContainEqual({ starts_at: expect.any(String), ends_at: expect.any(String) })
    expect(Object.keys(data![0]!).sort()).toEqual(['ends_at', 'starts_at'])
    expect(data!.some((b: { starts_at: string }) => Date.parse(b.starts_at) === Date.parse(slot.starts_at))).toBe(true)
  })
})

describe('two clients booking the same slot at once', () => {
  it.each([1, 2, 3, 4, 5])('round %i: exactly one wins', async () => {
    const slot = bookableSlot(LENGTH)
    const results = await Promise.all([
      joao.from('bookings').insert(fisioBooking(slot)).select('id'),
      maria.from('bookings').insert(fisioBooking(slot, { user_id: P.maria.id })).select('id'),
    ])
    const winners = results.filter((r) => r.error === null)
    expect(winners).toHaveLength(1)
    // The loser is refused by the exclusion constraint (raced) or by the free-slot policy (late).
    expect(['23P01', '42501']).toContain(results.find((r) => r.error)!.error!.code)
    const { data: rows } = await serviceClient().from('bookings').select('id').eq('prestador_id', fisio.id).eq('starts_at', slot.starts_at).neq('status', 'cancelled')
    expect(rows).toHaveLength(1)
  })
})

describe('admin books for an employee', () => {
  it('for Maria, source admin_manual, visible to Maria at once', async () => {
    const slot = bookableSlot(LENGTH)
    const { data, error } = await admin.from('bookings').insert(fisioBooking(slot, { user_id: P.maria.id, booking_source: 'admin_manual' })).select('id').single()
    expect(error).toBeNull()
    const { data: seen } = await maria.from('bookings').select('id, booking_source').eq('id', data!.id)
    expect(seen).toEqual([{ id: data!.id, booking_source: 'admin_manual' }])
  })

  it('a prestador cannot create bookings', async () => {
    const { error } = await pedro.from('bookings').insert(fisioBooking(bookableSlot(LENGTH)))
    expect(error?.code).toBe('42501')
    const { error: own } = await (await fisio.client()).from('bookings').insert(fisioBooking(bookableSlot(LENGTH)))
    expect(own?.code).toBe('42501')
  })
})

describe('especialista assigns a call request', () => {
  const assign = (client: SupabaseClient, requestId: string, slot: { starts_at: string; ends_at: string }, prestador: string = psi.id, type = 'phone') =>
    client.rpc('assign_call_request', {
      p_call_request_id: requestId,
      p_prestador_id: prestador,
      p_starts_at: slot.starts_at,
      p_ends_at: slot.ends_at,
      p_meeting_type: type,
    })

  it('creates a specialist_referral booking, links it to the request and holds the request', async () => {
    const requestId = await createCallRequest()
    const { data: booking, error } = await assign(rita, requestId, bookableSlot(LENGTH))
    expect(error).toBeNull()
    expect(booking).toMatchObject({ booking_source: 'specialist_referral', user_id: P.maria.id, meeting_type: 'phone', created_by: P.rita.id })
    const { data: request } = await rita.from('call_requests').select('*').eq('id', requestId).single()
    expect(request).toMatchObject({ status: 'assigned', especialista_id: P.rita.id, booking_id: booking!.id })
    // the case is Rita's and Maria's, visible to both
    expect((await rita.from('bookings').select('id').eq('id', booking!.id)).data).toHaveLength(1)
    expect((await maria.from('bookings').select('id').eq('id', booking!.id)).data).toHaveLength(1)
  })

  it('a second especialista cannot take the same request', async () => {
    const { data: created } = await serviceClient().auth.admin.createUser({
      email: `esp-${Math.random().toString(36).slice(2, 8)}@encontro.test`,
      password: 'fixture-local-only',
      email_confirm: true,
      app_metadata: { app_role: 'especialista' },
    })
    const other = await signedInClient(created.user!.email!, 'fixture-local-only')
    const requestId = await createCallRequest()
    const [a, b] = await Promise.all([assign(rita, requestId, bookableSlot(LENGTH)), assign(other, requestId, bookableSlot(LENGTH))])
    expect([a, b].filter((r) => r.error === null)).toHaveLength(1)
    const loser = [a, b].find((r) => r.error)!
    expect(loser.error!.code).toBe('PT409')
    expect(loser.error!.message).toBe('call_request_taken')
    expect(loser.error!.hint).toBe('Este pedido já foi atribuído entretanto por outra pessoa da equipa.')
  })

  it('refuses a prestador of another pillar, a busy slot, an employee or a prestador calling', async () => {
    const requestId = await createCallRequest()
    expect((await assign(rita, requestId, bookableSlot(LENGTH), fisio.id)).error?.message).toBe('prestador_wrong_pillar')
    expect((await assign(joao, requestId, bookableSlot(LENGTH))).error?.code).toBe('42501')
    expect((await assign(pedro, requestId, bookableSlot(LENGTH))).error?.code).toBe('42501')
    const slot = bookableSlot(LENGTH)
    await serviceClient().from('bookings').insert({ user_id: P.joao.id, prestador_id: psi.id, pillar: 'saude_mental', meeting_type: 'phone', booking_source: 'direct', ...slot })
    expect((await assign(rita, requestId, slot)).error?.message).toBe('slot_taken')
    const { data: still } = await serviceClient().from('call_requests').select('status').eq('id', requestId).single()
    expect(still!.status).toBe('open')
  })

  it('an especialista cannot insert a booking directly, even for a request she holds', async () => {
    const { error } = await rita.from('bookings').insert({ user_id: P.maria.id, prestador_id: psi.id, pillar: 'saude_mental', meeting_type: 'phone', booking_source: 'specialist_referral', ...bookableSlot(LENGTH) })
    expect(error?.code).toBe('42501')
  })
})

function shift(startsAt: string, minutes: number, lengthMinutes: number) {
  const start = Date.parse(startsAt) + minutes * 60_000
  return { starts_at: new Date(start).toISOString(), ends_at: new Date(start + lengthMinutes * 60_000).toISOString() }
}

function nextSunday(startsAt: string) {
  const d = new Date(startsAt)
  d.setUTCDate(d.getUTCDate() + ((7 - d.getUTCDay()) % 7 || 7))
  return { starts_at: d.toISOString(), ends_at: new Date(d.getTime() + LENGTH * 60_000).toISOString() }
}
