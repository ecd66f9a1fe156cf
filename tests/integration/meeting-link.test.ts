// The meeting link, enforced by the database: who reads it when, who writes it, what it may
// contain, and what happens when two people save from different copies.
import type { SupabaseClient } from '@supabase/supabase-js'
import { beforeAll, describe, expect, it } from 'vitest'
import { serviceClient } from './support/clients'
import { signInEveryone } from './support/people'
import { createBooking, createBookingAt, setLinkAsService } from './support/fixtures'
import { BOOKING as B, PEOPLE as P } from './support/seed'

const MIN = 60_000
let joao: SupabaseClient
let maria: SupabaseClient
let pedro: SupabaseClient
let ana: SupabaseClient
let rita: SupabaseClient
let admin: SupabaseClient

beforeAll(async () => {
  const everyone = await signInEveryone()
  ;({ joao, maria, pedro, ana, rita, admin } = everyone)
})

/** What a client gets for a booking's link through a plain REST read with an embed. */
async function linkSeenBy(client: SupabaseClient, bookingId: string): Promise<string | null | 'no booking'> {
  const { data, error } = await client
    .from('bookings')
    .select('id, booking_links(meeting_link)')
    .eq('id', bookingId)
    .maybeSingle()
  expect(error).toBeNull()
  if (!data) return 'no booking'
  const links = data.booking_links as unknown as { meeting_link: string | null } | null
  return links?.meeting_link ?? null
}

const save = (client: SupabaseClient, bookingId: string, link: string | null, expected: string | null) =>
  client.rpc('save_meeting_link', { p_booking_id: bookingId, p_meeting_link: link, p_expected_updated_at: expected })

describe('the employee reads the link only inside its window', () => {
  it.each([
    ['starts in 10 minutes (window opens in 5)', 10 * MIN, 'hidden'],
    ['starts in 5 minutes and 30 seconds', 5.5 * MIN, 'hidden'],
    ['starts in 4 minutes and 30 seconds', 4.5 * MIN, 'visible'],
    ['started 20 minutes ago', -20 * MIN, 'visible'],
    ['ended a minute ago', -51 * MIN, 'hidden'],
  ] as const)('session that %s (starts in %i ms): link %s', async (_label, startsIn, visibility) => {
    const booking = await createBookingAt(startsIn, 50 * MIN)
    await setLinkAsService(booking.id, 'https://zoom.us/j/5550001')
    expect(await linkSeenBy(joao, booking.id)).toBe(visibility === 'visible' ? 'https://zoom.us/j/5550001' : null)
    // Staff always see it.
    expect(await linkSeenBy(await booking.prestador!.client(), booking.id)).toBe('https://zoom.us/j/5550001')
    expect(await linkSeenBy(pedro, booking.id)).toBe('no booking')
    expect(await linkSeenBy(admin, booking.id)).toBe('https://zoom.us/j/5550001')
  })

  it('a direct read of booking_links returns no row before the window', async () => {
    const booking = await createBookingAt(60 * MIN, 50 * MIN)
    await setLinkAsService(booking.id, 'https://zoom.us/j/5550002')
    const { data } = await joao.from('booking_links').select('*').eq('booking_id', booking.id)
    expect(data).toEqual([])
  })

  it('a cancelled session never shows its link, even inside the window', async () => {
    const booking = await createBookingAt(2 * MIN, 50 * MIN, { status: 'cancelled', cancellation_reason: 'Indisponível' })
    await setLinkAsService(booking.id, 'https://zoom.us/j/5550003')
    expect(await linkSeenBy(joao, booking.id)).toBeNull()
  })

  it("a prestador's personal room reused for the next client does not leak early", async () => {
    const room = 'https://zoom.us/my/dr.pedro.santos'
    const now = await createBookingAt(-10 * MIN, 50 * MIN)
    const later = await createBookingAt(3 * 60 * MIN, 50 * MIN, { user_id: P.maria.id, prestador_id: now.prestador!.id })
    await setLinkAsService(now.id, room)
    await setLinkAsService(later.id, room)
    expect(await linkSeenBy(joao, now.id)).toBe(room)
    expect(await linkSeenBy(maria, later.id)).toBeNull()
  })

  it("Maria cannot read João's link at any time", async () => {
    expect(await linkSeenBy(maria, B.joaoVirtualIn3Min)).toBe('no booking')
    const { data } = await maria.from('booking_links').select('*').eq('booking_id', B.joaoVirtualIn3Min)
    expect(data).toEqual([])
    // and the seeded open session really does have a link João can read now
    expect(await linkSeenBy(joao, B.joaoVirtualIn3Min)).toMatch(/^https:\/\/zoom\.us\//)
  })
})

describe('saving', () => {
  it('the prestador saves through save_meeting_link; João reads it in the window; audit columns are the server\'s', async () => {
    const booking = await createBookingAt(2 * MIN, 50 * MIN)
    const before = Date.now()
    const prestador = await booking.prestador!.client()
    const { data, error } = await save(prestador, booking.id, '  https://meet.google.com/abc-defg-hij  ', null)
    expect(error).toBeNull()
    expect(data).toMatchObject({ booking_id: booking.id, meeting_link: 'https://meet.google.com/abc-defg-hij', updated_by: booking.prestador!.id })
    expect(Math.abs(Date.parse(data!.updated_at) - before)).toBeLessThan(60_000)
    expect(await linkSeenBy(joao, booking.id)).toBe('https://meet.google.com/abc-defg-hij')
  })

  it('a client cannot forge who changed the link', async () => {
    const booking = await createBooking()
    const { data, error } = await pedro
      .from('booking_links')
      .insert({ booking_id: booking.id, meeting_link: 'https://zoom.us/j/1', updated_by: P.admin.id, updated_at: '2000-01-01T00:00:00Z' })
      .select()
      .single()
    expect(error).toBeNull()
    expect(data!.updated_by).toBe(P.pedro.id)
    expect(data!.updated_at).not.toContain('2000-01-01')
  })

  it('Rita saves the link of her case; Ana cannot touch Pedro\'s session; João cannot set his own', async () => {
    const { data: current } = await serviceClient().from('booking_links').select('updated_at').eq('booking_id', B.joaoRitaCase).maybeSingle()
    const { error: ritaError } = await save(rita, B.joaoRitaCase, 'https://meet.jit.si/Encontro-Caso-7', current?.updated_at ?? null)
    expect(ritaError).toBeNull()
    // leave the seed as it was: other files read this case without a link
    await serviceClient().from('booking_links').delete().eq('booking_id', B.joaoRitaCase)
    const booking = await createBooking()
    const { error: anaError } = await save(ana, booking.id, 'https://zoom.us/j/2', null)
    expect(anaError?.code).toBe('42501')
    const { error: joaoError } = await save(joao, booking.id, 'https://zoom.us/j/2', null)
    expect(joaoError?.code).toBe('42501')
    const { data: row } = await serviceClient().from('booking_links').select('*').eq('booking_id', booking.id)
    expect(row).toEqual([])
  })

  it.each([
    'javascript:alert(document.cookie)',
    'http://zoom.us/j/123',
    'data:text/html,<script>alert(1)</script>',
    'https://user:pass@zoom.us/j/1',
    'https://zoom.us/j/1 onmouseover=alert(1)',
    'https://',
    `https://zoom.us/j/${'1'.repeat(2040)}`,
    'ftp://files.example.com/x',
  ])('the database refuses %s even when the UI is bypassed (admin, direct write)', async (link) => {
    const booking = await createBooking()
    const { error } = await admin.from('booking_links').insert({ booking_id: booking.id, meeting_link: link })
    expect(error?.code).toBe('23514') // check_violation
    const { error: rpcError } = await save(pedro, booking.id, link, null)
    expect(rpcError?.code).toBe('23514')
  })

  it('accepts exactly 2048 characters', async () => {
    const base = 'https://zoom.us/j/'
    const link = base + '1'.repeat(2048 - base.length)
    const booking = await createBooking()
    const { error } = await save(pedro, booking.id, link, null)
    expect(error).toBeNull()
  })

  it('clearing the link keeps who cleared it', async () => {
    const booking = await createBooking()
    const { data: first } = await save(pedro, booking.id, 'https://zoom.us/j/3', null)
    const { data: cleared, error } = await save(admin, booking.id, null, first!.updated_at)
    expect(error).toBeNull()
    expect(cleared).toMatchObject({ meeting_link: null, updated_by: P.admin.id })
  })
})

describe('two people saving the same link', () => {
  it('the second, working from a stale copy, is refused with the current value', async () => {
    const booking = await createBooking({ booking_source: 'direct' })
    // Both open the editor and see no link yet.
    const { data: pedroSaved, error: firstError } = await save(pedro, booking.id, 'https://zoom.us/j/1111', null)
    expect(firstError).toBeNull()
    const { data, error } = await save(admin, booking.id, 'https://zoom.us/j/2222', null)
    expect(data).toBeNull()
    expect(error?.code).toBe('PT409')
    expect(error?.message).toBe('stale_meeting_link')
    expect(error?.hint).toBe('O link foi alterado por outra pessoa.')
    expect(JSON.parse(error!.details)).toMatchObject({ meeting_link: 'https://zoom.us/j/1111', updated_by: P.pedro.id })
    // nothing was overwritten
    const { data: row } = await serviceClient().from('booking_links').select('meeting_link').eq('booking_id', booking.id).single()
    expect(row!.meeting_link).toBe('https://zoom.us/j/1111')
    // with the fresh copy, the save goes through
    const { error: retryError } = await save(admin, booking.id, 'https://zoom.us/j/2222', pedroSaved!.updated_at)
    expect(retryError).toBeNull()
  })

  it('two saves racing from the same copy: exactly one wins', async () => {
    const booking = await createBooking()
    const results = await Promise.all([
      save(pedro, booking.id, 'https://zoom.us/j/aaa', null),
      save(admin, booking.id, 'https://zoom.us/j/bbb', null),
    ])
    expect(results.filter((r) => r.error === null)).toHaveLength(1)
    expect(results.filter((r) => r.error?.code === 'PT409')).toHaveLength(1)
  })
})
