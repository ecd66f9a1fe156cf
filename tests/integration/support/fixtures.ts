// Rows a test owns, made with the service role (which bypasses RLS, like a migration would),
// so write tests never depend on, or disturb, the seed rows other tests read.
import { expect } from 'vitest'
import { serviceClient, signedInClient } from './clients'
import { PEOPLE } from './seed'

let slot = 0
const runOffsetHours = Math.floor(Math.random() * 24 * 300)

/** A one-hour slot far in the future that no other fixture in this run uses. */
export function futureSlot(minutes = 50): { starts_at: string; ends_at: string } {
  const start = new Date(Date.now() + (400 * 24 + runOffsetHours + 2 * slot++) * 3_600_000)
  start.setUTCMinutes(0, 0, 0)
  return { starts_at: start.toISOString(), ends_at: new Date(start.getTime() + minutes * 60_000).toISOString() }
}

let bookableDay = 0

/**
 * A slot inside the seed prestadores' weekly hours (Mon-Fri, 10:00 UTC = 10:00 or 11:00 in
 * Lisbon), on a weekday at least 60 days ahead that no other fixture in this run used.
 */
export function bookableSlot(minutes: number): { starts_at: string; ends_at: string } {
  for (;;) {
    const day = new Date(Date.now() + (60 + runOffsetHours % 200 + bookableDay++) * 86_400_000)
    const weekday = day.getUTCDay()
    if (weekday === 0 || weekday === 6) continue
    day.setUTCHours(10, 0, 0, 0)
    return { starts_at: day.toISOString(), ends_at: new Date(day.getTime() + minutes * 60_000).toISOString() }
  }
}

export interface BookingFixture {
  user_id?: string
  prestador_id?: string
  meeting_type?: 'virtual' | 'phone' | 'presencial'
  status?: 'pending' | 'scheduled' | 'completed' | 'cancelled'
  starts_at?: string
  ends_at?: string
  booking_source?: 'direct' | 'admin_manual' | 'specialist_referral'
  cancellation_reason?: string
}

export async function createBooking(overrides: BookingFixture = {}): Promise<{ id: string; starts_at: string; ends_at: string }> {
  const slotTimes = overrides.starts_at ? {} : futureSlot()
  const { data, error } = await serviceClient()
    .from('bookings')
    .insert({
      user_id: PEOPLE.joao.id,
      prestador_id: PEOPLE.pedro.id,
      pillar: 'saude_mental',
      meeting_type: 'virtual',
      status: 'scheduled',
      booking_source: 'direct',
      ...slotTimes,
      ...overrides,
    })
    .select('id, starts_at, ends_at')
    .single()
  expect(error, error?.message).toBeNull()
  return data!
}

/**
 * A prestador of its own, so sessions near "now" never collide with the seed's sessions or
 * each other (one prestador's active sessions cannot overlap).
 */
export async function createPrestador(pillar = 'saude_mental', opts: { weeklyHours?: boolean } = {}) {
  const email = `prestador-${Math.random().toString(36).slice(2, 10)}@encontro.test`
  const password = 'fixture-local-only'
  const { data, error } = await serviceClient().auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    app_metadata: { app_role: 'prestador' },
    user_metadata: { name: 'Prestador de Teste' },
  })
  expect(error, error?.message).toBeNull()
  const id = data.user!.id
  const { error: dirError } = await serviceClient().from('prestadores').insert({ id, pillar, specialty: 'Teste' })
  expect(dirError, dirError?.message).toBeNull()
  if (opts.weeklyHours) {
    // Mon-Fri 09:00-18:00 in Europe/Lisbon: bookableSlot() always falls inside.
    const hours = [1, 2, 3, 4, 5].map((weekday) => ({ prestador_id: id, weekday, start_time: '09:00', end_time: '18:00' }))
    const { error: hoursError } = await serviceClient().from('prestador_availability').insert(hours)
    expect(hoursError, hoursError?.message).toBeNull()
  }
  return { id, email, password, client: () => signedInClient(email, password) }
}

/**
 * A booking relative to now: startsInMs from now, lasting durationMs, with a fresh prestador
 * unless one is given.
 */
export async function createBookingAt(startsInMs: number, durationMs: number, overrides: BookingFixture = {}) {
  const now = Date.now()
  const prestador = overrides.prestador_id ? null : await createPrestador()
  const booking = await createBooking({
    starts_at: new Date(now + startsInMs).toISOString(),
    ends_at: new Date(now + startsInMs + durationMs).toISOString(),
    ...(prestador ? { prestador_id: prestador.id } : {}),
    ...overrides,
  })
  return { ...booking, prestador }
}

export async function setLinkAsService(bookingId: string, link: string | null, updatedBy = PEOPLE.pedro.id) {
  const { error } = await serviceClient()
    .from('booking_links')
    .upsert({ booking_id: bookingId, meeting_link: link, updated_by: updatedBy })
  expect(error, error?.message).toBeNull()
}

export async function bookingRow(id: string) {
  const { data, error } = await serviceClient().from('bookings').select('*').eq('id', id).single()
  expect(error, error?.message).toBeNull()
  return data!
}

export async function createCallRequest(overrides: Record<string, unknown> = {}) {
  const { data, error } = await serviceClient()
    .from('call_requests')
    .insert({ user_id: PEOPLE.maria.id, pillar: 'saude_mental', notes: 'fixture', ...overrides })
    .select('id')
    .single()
  expect(error, error?.message).toBeNull()
  return data!.id as string
}
