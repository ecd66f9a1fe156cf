// Prestadores' weekly hours, blocked dates, session length and buffer through the real API
// (supabase-js -> gateway -> PostgREST -> Postgres with RLS): a prestador manages their own,
// admins any, nobody else writes; everyone signed in reads, anon nothing; the database refuses
// overlapping blocks (23P01) and a second block of one day (23505); and what a prestador
// publishes is what private.slot_is_bookable lets an employee book.
//
// Pedro's and Ana's seed hours are read by other files: every row written for them here is
// removed again (afterAll as well, should a test fail half-way), and the booking-effect tests
// use a fresh prestador of their own.
import type { SupabaseClient } from '@supabase/supabase-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, formatLocalDate, instantOfLocal, isoWeekday, localDateTimeOf, parseLocalDate } from '../../src/lib/zoned-time'
import { anonClient, serviceClient } from './support/clients'
import { createPrestador } from './support/fixtures'
import { signInEveryone } from './support/people'
import { EVERYONE, PEOPLE as P, type Person } from './support/seed'

const ZONE = 'Europe/Lisbon' // every seed and fixture profile's time_zone
const svc = () => serviceClient()

let people: Record<Person, SupabaseClient>
const written = { hours: new Set<string>(), blocked: new Set<string>() }

beforeAll(async () => {
  people = await signInEveryone()
})

afterAll(async () => {
  if (written.hours.size) await svc().from('prestador_availability').delete().in('id', [...written.hours])
  if (written.blocked.size) await svc().from('prestador_blocked_dates').delete().in('id', [...written.blocked])
})

/** Pedro's (or anyone's) weekly hours as the service role sees them, comparable. */
async function hoursOf(prestadorId: string) {
  const { data, error } = await svc().from('prestador_availability').select('id, weekday, start_time, end_time').eq('prestador_id', prestadorId).order('id')
  expect(error).toBeNull()
  return data!
}

/** A date at least `daysAhead` days from today in Lisbon that is an ISO `weekday`, "YYYY-MM-DD". */
function nextWeekday(weekday: number, daysAhead: number): string {
  let day = addDays(localDateTimeOf(Date.now(), ZONE), daysAhead)
  while (isoWeekday(day) !== weekday) day = addDays(day, 1)
  return formatLocalDate(day)
}

const runOffset = 70 + Math.floor(Math.random() * 200)
let weeksUsed = 0
/** A far-future day of `weekday`, each call in a later week: no two tests share a date. */
const freshDay = (weekday: number) => nextWeekday(weekday, runOffset + 7 * weeksUsed++)

/** [starts_at, ends_at) of `minutes` from `hh:mm` on `day` in Lisbon. */
function lisbonSlot(day: string, time: string, minutes = 50) {
  const [hour, minute] = time.split(':').map(Number) as [number, number]
  const start = instantOfLocal({ ...parseLocalDate(day), hour, minute }, ZONE)!
  return { starts_at: new Date(start).toISOString(), ends_at: new Date(start + minutes * 60_000).toISOString() }
}

describe('weekly hours: the prestador manages their own', () => {
  it('Pedro adds a Saturday block, sees it, and removes it', async () => {
    const { data, error } = await people.pedro
      .from('prestador_availability')
      .insert({ prestador_id: P.pedro.id, weekday: 6, start_time: '10:00', end_time: '12:00' })
      .select('id, weekday, start_time, end_time')
      .single()
    expect(error).toBeNull()
    written.hours.add(data!.id)
    expect(data).toMatchObject({ weekday: 6, start_time: '10:00:00', end_time: '12:00:00' })

    const { data: mine } = await people.pedro.from('prestador_availability').select('id').eq('prestador_id', P.pedro.id).eq('weekday', 6)
    expect(mine).toEqual([{ id: data!.id }])

    const { data: updated } = await people.pedro.from('prestador_availability').update({ end_time: '12:30' }).eq('id', data!.id).select('end_time')
    expect(updated).toEqual([{ end_time: '12:30:00' }])

    const { data: removed, error: removeError } = await people.pedro.from('prestador_availability').delete().eq('id', data!.id).select('id')
    expect(removeError).toBeNull()
    expect(removed).toEqual([{ id: data!.id }])
    written.hours.delete(data!.id)
    expect((await hoursOf(P.pedro.id)).some((h) => h.id === data!.id)).toBe(false)
  })

  it('a block until midnight is stored as 24:00', async () => {
    const { data, error } = await people.pedro
      .from('prestador_availability')
      .insert({ prestador_id: P.pedro.id, weekday: 7, start_time: '20:00', end_time: '24:00' })
      .select('id, end_time')
      .single()
    expect(error).toBeNull()
    written.hours.add(data!.id)
    expect(data!.end_time).toBe('24:00:00')
    await people.pedro.from('prestador_availability').delete().eq('id', data!.id)
    written.hours.delete(data!.id)
  })

  it('overlapping blocks on one weekday are refused with 23P01; touching ones are not', async () => {
    // Pedro works 09:00-13:00 and 14:00-18:00 on Mondays (seed).
    const before = await hoursOf(P.pedro.id)
    const { error } = await people.pedro.from('prestador_availability').insert({ prestador_id: P.pedro.id, weekday: 1, start_time: '12:00', end_time: '15:00' })
    expect(error?.code).toBe('23P01')
    // Two overlapping blocks in one request: all or nothing.
    const { error: both } = await people.pedro.from('prestador_availability').insert([
      { prestador_id: P.pedro.id, weekday: 6, start_time: '10:00', end_time: '12:00' },
      { prestador_id: P.pedro.id, weekday: 6, start_time: '11:00', end_time: '13:00' },
    ])
    expect(both?.code).toBe('23P01')
    expect(await hoursOf(P.pedro.id)).toEqual(before)

    // The lunch hour exactly fits between the two (half-open ranges).
    const { data: lunch, error: lunchError } = await people.pedro
      .from('prestador_availability')
      .insert({ prestador_id: P.pedro.id, weekday: 1, start_time: '13:00', end_time: '14:00' })
      .select('id')
      .single()
    expect(lunchError).toBeNull()
    written.hours.add(lunch!.id)
    await people.pedro.from('prestador_availability').delete().eq('id', lunch!.id)
    written.hours.delete(lunch!.id)
    expect(await hoursOf(P.pedro.id)).toEqual(before)
  })

  it('an end not after the start is refused (23514)', async () => {
    const { error } = await people.pedro.from('prestador_availability').insert({ prestador_id: P.pedro.id, weekday: 6, start_time: '12:00', end_time: '11:00' })
    expect(error?.code).toBe('23514')
  })
})

describe('weekly hours: nobody writes anyone else\'s', () => {
  it('Pedro cannot add hours for Ana (42501)', async () => {
    const { data, error } = await people.pedro
      .from('prestador_availability')
      .insert({ prestador_id: P.ana.id, weekday: 7, start_time: '10:00', end_time: '12:00' })
      .select('id')
    expect(error?.code).toBe('42501')
    expect(data).toBeNull()
  })

  it('Pedro cannot move or remove Ana\'s hours (0 rows, unchanged)', async () => {
    const before = await hoursOf(P.ana.id)
    const target = before[0]!
    const { data: updated, error: updateError } = await people.pedro.from('prestador_availability').update({ start_time: '06:00' }).eq('id', target.id).select('id')
    expect(updateError).toBeNull()
    expect(updated).toEqual([])
    // Nor hand his own row over to Ana.
    const { data: handedOver } = await people.pedro.from('prestador_availability').update({ prestador_id: P.ana.id }).eq('prestador_id', P.pedro.id).select('id')
    expect(handedOver ?? []).toEqual([])
    const { data: removed, error: deleteError } = await people.pedro.from('prestador_availability').delete().eq('id', target.id).select('id')
    expect(deleteError).toBeNull()
    expect(removed).toEqual([])
    expect(await hoursOf(P.ana.id)).toEqual(before)
  })

  it.each(['joao', 'maria', 'rita'] as const)('%s cannot add, change or remove Pedro\'s hours', async (person) => {
    const before = await hoursOf(P.pedro.id)
    const { error } = await people[person].from('prestador_availability').insert({ prestador_id: P.pedro.id, weekday: 6, start_time: '10:00', end_time: '12:00' })
    expect(error?.code).toBe('42501')
    const { data: updated } = await people[person].from('prestador_availability').update({ end_time: '23:00' }).eq('prestador_id', P.pedro.id).select('id')
    expect(updated).toEqual([])
    const { data: removed } = await people[person].from('prestador_availability').delete().eq('prestador_id', P.pedro.id).select('id')
    expect(removed).toEqual([])
    expect(await hoursOf(P.pedro.id)).toEqual(before)
  })

  it('the admin manages anyone\'s hours', async () => {
    const fresh = await createPrestador()
    const { data, error } = await people.admin
      .from('prestador_availability')
      .insert({ prestador_id: fresh.id, weekday: 2, start_time: '09:00', end_time: '10:00' })
      .select('id')
      .single()
    expect(error).toBeNull()
    const { data: removed } = await people.admin.from('prestador_availability').delete().eq('id', data!.id).select('id')
    expect(removed).toEqual([{ id: data!.id }])
  })

  it('anon cannot write', async () => {
    const { error } = await anonClient().from('prestador_availability').insert({ prestador_id: P.pedro.id, weekday: 6, start_time: '10:00', end_time: '12:00' })
    expect(error?.code).toBe('42501')
  })
})

describe('weekly hours: reading', () => {
  it.each(EVERYONE)('%s reads all of Pedro\'s hours', async (person) => {
    const expected = (await hoursOf(P.pedro.id)).map((h) => h.id).sort()
    expect(expected.length).toBeGreaterThan(0)
    const { data, error } = await people[person].from('prestador_availability').select('id').eq('prestador_id', P.pedro.id)
    expect(error).toBeNull()
    expect(data!.map((h) => h.id).sort()).toEqual(expected)
  })

  it('anon reads nothing', async () => {
    const hours = await anonClient().from('prestador_availability').select('id').eq('prestador_id', P.pedro.id)
    expect(hours.data ?? []).toEqual([])
    expect(hours.error?.code).toBe('42501')
    const blocked = await anonClient().from('prestador_blocked_dates').select('id')
    expect(blocked.data ?? []).toEqual([])
    expect(blocked.error?.code).toBe('42501')
  })
})

describe('blocked dates', () => {
  it('Pedro blocks a day and unblocks it; everyone signed in sees it meanwhile', async () => {
    const day = freshDay(3)
    const { data, error } = await people.pedro
      .from('prestador_blocked_dates')
      .insert({ prestador_id: P.pedro.id, blocked_on: day, reason: 'Formação' })
      .select('id, blocked_on, reason')
      .single()
    expect(error).toBeNull()
    written.blocked.add(data!.id)
    expect(data).toMatchObject({ blocked_on: day, reason: 'Formação' })

    for (const person of EVERYONE) {
      const { data: seen } = await people[person].from('prestador_blocked_dates').select('blocked_on').eq('id', data!.id)
      expect(seen, person).toEqual([{ blocked_on: day }])
    }

    // A second row for the same day is refused: 23505.
    const { error: again } = await people.pedro.from('prestador_blocked_dates').insert({ prestador_id: P.pedro.id, blocked_on: day })
    expect(again?.code).toBe('23505')

    const { data: removed } = await people.pedro.from('prestador_blocked_dates').delete().eq('id', data!.id).select('id')
    expect(removed).toEqual([{ id: data!.id }])
    written.blocked.delete(data!.id)
  })

  it('Pedro cannot block a day for Ana (42501) nor unblock hers (0 rows)', async () => {
    const { error } = await people.pedro.from('prestador_blocked_dates').insert({ prestador_id: P.ana.id, blocked_on: freshDay(4) })
    expect(error?.code).toBe('42501')
    const { data: ana } = await svc().from('prestador_blocked_dates').insert({ prestador_id: P.ana.id, blocked_on: freshDay(4), reason: 'Fixture' }).select('id').single()
    written.blocked.add(ana!.id)
    const { data: updated } = await people.pedro.from('prestador_blocked_dates').update({ reason: 'Alterado' }).eq('id', ana!.id).select('id')
    expect(updated).toEqual([])
    const { data: removed } = await people.pedro.from('prestador_blocked_dates').delete().eq('id', ana!.id).select('id')
    expect(removed).toEqual([])
    const { data: after } = await svc().from('prestador_blocked_dates').select('reason').eq('id', ana!.id).single()
    expect(after!.reason).toBe('Fixture')
  })

  it('João cannot block or unblock Pedro\'s days', async () => {
    const { error } = await people.joao.from('prestador_blocked_dates').insert({ prestador_id: P.pedro.id, blocked_on: freshDay(5) })
    expect(error?.code).toBe('42501')
    const { data: pedros } = await svc().from('prestador_blocked_dates').insert({ prestador_id: P.pedro.id, blocked_on: freshDay(5) }).select('id').single()
    written.blocked.add(pedros!.id)
    const { data: removed } = await people.joao.from('prestador_blocked_dates').delete().eq('id', pedros!.id).select('id')
    expect(removed).toEqual([])
    const { data: still } = await svc().from('prestador_blocked_dates').select('id').eq('id', pedros!.id)
    expect(still).toHaveLength(1)
  })
})

describe('session length and buffer (the prestador\'s directory entry)', () => {
  it('Pedro changes his own, and may not change his pillar or active flag', async () => {
    const { data: before } = await svc().from('prestadores').select('session_minutes, buffer_minutes').eq('id', P.pedro.id).single()
    try {
      const { data, error } = await people.pedro.from('prestadores').update({ session_minutes: 45, buffer_minutes: 15 }).eq('id', P.pedro.id).select('session_minutes, buffer_minutes')
      expect(error).toBeNull()
      expect(data).toEqual([{ session_minutes: 45, buffer_minutes: 15 }])
      const { error: outOfRange } = await people.pedro.from('prestadores').update({ session_minutes: 241 }).eq('id', P.pedro.id)
      expect(outOfRange?.code).toBe('23514')
      const { error: pillar } = await people.pedro.from('prestadores').update({ pillar: 'bem_estar_fisico' }).eq('id', P.pedro.id)
      expect(pillar?.code).toBe('42501')
      const { error: active } = await people.pedro.from('prestadores').update({ active: false }).eq('id', P.pedro.id)
      expect(active?.code).toBe('42501')
    } finally {
      await svc().from('prestadores').update(before!).eq('id', P.pedro.id)
    }
  })

  it('Pedro cannot change Ana\'s, nor João anyone\'s (0 rows)', async () => {
    const entries = () => svc().from('prestadores').select('id, session_minutes, buffer_minutes').in('id', [P.ana.id, P.pedro.id]).order('id')
    const { data: before } = await entries()
    const { data: ana } = await people.pedro.from('prestadores').update({ session_minutes: 20 }).eq('id', P.ana.id).select('id')
    expect(ana).toEqual([])
    const { data: pedro } = await people.joao.from('prestadores').update({ buffer_minutes: 0 }).eq('id', P.pedro.id).select('id')
    expect(pedro).toEqual([])
    const { data: after } = await entries()
    expect(after).toEqual(before)
    expect(after).toHaveLength(2)
  })
})

describe('what the prestador publishes is what an employee can book (private.slot_is_bookable)', () => {
  // A prestador of this file's own, with no hours at first: nothing here touches the seed.
  let prestador: Awaited<ReturnType<typeof createPrestador>>
  let client: SupabaseClient
  beforeAll(async () => {
    prestador = await createPrestador('saude_mental')
    client = await prestador.client()
  })

  const book = (slot: { starts_at: string; ends_at: string }) =>
    people.joao
      .from('bookings')
      .insert({
        user_id: P.joao.id,
        prestador_id: prestador.id,
        pillar: 'saude_mental',
        meeting_type: 'virtual',
        booking_source: 'direct',
        status: 'scheduled',
        ...slot,
      })
      .select('id')

  it('a new Saturday block opens its slots, and removing it closes them again', async () => {
    const saturday = freshDay(6)
    const nextSaturday = formatLocalDate(addDays(parseLocalDate(saturday), 7))
    // No hours yet: nothing is bookable.
    expect((await book(lisbonSlot(saturday, '10:00'))).error?.code).toBe('42501')

    const { data: block, error } = await client
      .from('prestador_availability')
      .insert({ prestador_id: prestador.id, weekday: 6, start_time: '10:00', end_time: '12:00' })
      .select('id')
      .single()
    expect(error).toBeNull()

    // Inside the new hours: booked. 11:00 still fits (50 min + 10 min buffer after 10:00).
    expect((await book(lisbonSlot(saturday, '10:00'))).error).toBeNull()
    expect((await book(lisbonSlot(saturday, '11:00'))).error).toBeNull()
    // Ending after 12:00, or on a day without hours (Sunday): refused.
    expect((await book(lisbonSlot(nextSaturday, '11:30'))).error?.code).toBe('42501')
    expect((await book(lisbonSlot(formatLocalDate(addDays(parseLocalDate(nextSaturday), 1)), '10:00'))).error?.code).toBe('42501')

    const { data: removed } = await client.from('prestador_availability').delete().eq('id', block!.id).select('id')
    expect(removed).toEqual([{ id: block!.id }])
    // The removed hours no longer take bookings.
    expect((await book(lisbonSlot(nextSaturday, '10:00'))).error?.code).toBe('42501')
  })

  it('a blocked day takes no bookings; unblocked, it does', async () => {
    const { error } = await client.from('prestador_availability').insert({ prestador_id: prestador.id, weekday: 2, start_time: '09:00', end_time: '18:00' })
    expect(error).toBeNull()
    const tuesday = freshDay(2)
    const { data: blocked } = await client.from('prestador_blocked_dates').insert({ prestador_id: prestador.id, blocked_on: tuesday, reason: 'Férias' }).select('id').single()
    expect((await book(lisbonSlot(tuesday, '09:00'))).error?.code).toBe('42501')
    await client.from('prestador_blocked_dates').delete().eq('id', blocked!.id)
    expect((await book(lisbonSlot(tuesday, '09:00'))).error).toBeNull()
  })

  it('a new session length and buffer change which slots are bookable (Tuesday hours of the test above)', async () => {
    const { error } = await client.from('prestadores').update({ session_minutes: 30, buffer_minutes: 0 }).eq('id', prestador.id)
    expect(error).toBeNull()
    const tuesday = freshDay(2)
    // 50 minutes no longer matches the session length; 30 does, back to back without buffer.
    expect((await book(lisbonSlot(tuesday, '09:00', 50))).error?.code).toBe('42501')
    expect((await book(lisbonSlot(tuesday, '09:00', 30))).error).toBeNull()
    expect((await book(lisbonSlot(tuesday, '09:30', 30))).error).toBeNull()
  })
})
