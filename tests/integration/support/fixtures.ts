// Rows a test owns, made with the service role (which bypasses RLS, like a migration would),
// so write tests never depend on, or disturb, the seed rows other tests read.
import { expect } from 'vitest'
import { serviceClient } from './clients'
import { PEOPLE } from './seed'

let slot = 0
const runOffsetHours = Math.floor(Math.random() * 24 * 300)

/** A one-hour slot far in the future that no other fixture in this run uses. */
export function futureSlot(minutes = 50): { starts_at: string; ends_at: string } {
  const start = new Date(Date.now() + (400 * 24 + runOffsetHours + 2 * slot++) * 3_600_000)
  start.setUTCMinutes(0, 0, 0)
  return { starts_at: start.toISOString(), ends_at: new Date(start.getTime() + minutes * 60_000).toISOString() }
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

/** A booking relative to the database clock: startsInMs from now, lasting durationMs. */
export async function createBookingAt(startsInMs: number, durationMs: number, overrides: BookingFixture = {}) {
  const now = Date.now()
  return createBooking({
    starts_at: new Date(now + startsInMs).toISOString(),
    ends_at: new Date(now + startsInMs + durationMs).toISOString(),
    ...overrides,
  })
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
