// Runs under three process time zones (see vitest.config.ts): results must not move.
import { describe, expect, it } from 'vitest'
import { freeSlots, type FreeSlotsInput } from './free-slots'

const weekdays = (from: string, to: string, days = [1, 2, 3, 4, 5]) =>
  days.map((weekday) => ({ weekday, start_time: from, end_time: to }))

const base: FreeSlotsInput = {
  day: '2026-11-23', // a Monday
  viewerTimeZone: 'Europe/Lisbon',
  prestadorTimeZone: 'Europe/Lisbon',
  weeklyHours: weekdays('09:00', '13:00'),
  blockedDates: [],
  busy: [],
  sessionMinutes: 50,
  bufferMinutes: 10,
  now: Date.parse('2026-01-01T00:00:00Z'),
}

const starts = (input: Partial<FreeSlotsInput>) => freeSlots({ ...base, ...input }).map((s) => s.starts_at)

describe('freeSlots', () => {
  it.each<[string, Partial<FreeSlotsInput>, string[]]>([
    ['a plain Monday morning, 50 min + 10 min buffer', {}, [
      '2026-11-23T09:00:00.000Z', '2026-11-23T10:00:00.000Z', '2026-11-23T11:00:00.000Z', '2026-11-23T12:00:00.000Z',
    ]],
    ['the last slot must end by the end of the hours (55 min sessions)', { sessionMinutes: 55, bufferMinutes: 5 }, [
      '2026-11-23T09:00:00.000Z', '2026-11-23T10:00:00.000Z', '2026-11-23T11:00:00.000Z', '2026-11-23T12:00:00.000Z',
    ]],
    ['no buffer: back to back', { sessionMinutes: 60, bufferMinutes: 0 }, [
      '2026-11-23T09:00:00.000Z', '2026-11-23T10:00:00.000Z', '2026-11-23T11:00:00.000Z', '2026-11-23T12:00:00.000Z',
    ]],
    ['two blocks of hours with lunch in between', { weeklyHours: [...weekdays('09:00', '11:00'), ...weekdays('14:00', '16:00')] }, [
      '2026-11-23T09:00:00.000Z', '2026-11-23T10:00:00.000Z', '2026-11-23T14:00:00.000Z', '2026-11-23T15:00:00.000Z',
    ]],
    ['a Sunday without hours', { day: '2026-11-22' }, []],
    ['a blocked date', { blockedDates: ['2026-11-23'] }, []],
    ['a booking exactly at 10:00 takes that slot only (the buffer touches, not overlaps)', {
      busy: [{ starts_at: '2026-11-23T10:00:00Z', ends_at: '2026-11-23T10:50:00Z' }],
    }, ['2026-11-23T09:00:00.000Z', '2026-11-23T11:00:00.000Z', '2026-11-23T12:00:00.000Z']],
    ['a booking 10:05-10:55 also takes 11:00 (buffer of 10 min)', {
      busy: [{ starts_at: '2026-11-23T10:05:00Z', ends_at: '2026-11-23T10:55:00Z' }],
    }, ['2026-11-23T09:00:00.000Z', '2026-11-23T12:00:00.000Z']],
    ['a booking 08:00-08:55 takes 09:00 (buffer before)', {
      busy: [{ starts_at: '2026-11-23T08:00:00Z', ends_at: '2026-11-23T08:55:00Z' }],
    }, ['2026-11-23T10:00:00.000Z', '2026-11-23T11:00:00.000Z', '2026-11-23T12:00:00.000Z']],
    ['slots already started or past are gone', { now: Date.parse('2026-11-23T10:30:00Z') }, [
      '2026-11-23T11:00:00.000Z', '2026-11-23T12:00:00.000Z',
    ]],
    ['a slot starting exactly now is gone', { now: Date.parse('2026-11-23T11:00:00Z') }, ['2026-11-23T12:00:00.000Z']],
  ])('%s', (_label, input, expected) => {
    expect(starts(input)).toEqual(expected)
  })

  it('every slot lasts exactly the session length', () => {
    for (const slot of freeSlots({ ...base, sessionMinutes: 45 })) {
      expect(Date.parse(slot.ends_at) - Date.parse(slot.starts_at)).toBe(45 * 60_000)
    }
  })
})

describe('time zones', () => {
  it.each<[string, Partial<FreeSlotsInput>, string[]]>([
    // Lisbon in summer is UTC+1: 09:00 local is 08:00Z.
    ['Lisbon hours in summer', { day: '2026-07-06' }, [
      '2026-07-06T08:00:00.000Z', '2026-07-06T09:00:00.000Z', '2026-07-06T10:00:00.000Z', '2026-07-06T11:00:00.000Z',
    ]],
    // A viewer in São Paulo (UTC-3) sees the same instants on their Monday.
    ['viewer in São Paulo', { viewerTimeZone: 'America/Sao_Paulo' }, [
      '2026-11-23T09:00:00.000Z', '2026-11-23T10:00:00.000Z', '2026-11-23T11:00:00.000Z', '2026-11-23T12:00:00.000Z',
    ]],
    // Tokyo's Monday ends at 15:00Z on Monday: Lisbon's Monday morning is on it...
    ['viewer in Tokyo, their Monday', { viewerTimeZone: 'Asia/Tokyo' }, [
      '2026-11-23T09:00:00.000Z', '2026-11-23T10:00:00.000Z', '2026-11-23T11:00:00.000Z', '2026-11-23T12:00:00.000Z',
    ]],
    // ...and Tokyo's Tuesday holds Lisbon's Tuesday morning, not Monday's.
    ['viewer in Tokyo, their Tuesday', { viewerTimeZone: 'Asia/Tokyo', day: '2026-11-24' }, [
      '2026-11-24T09:00:00.000Z', '2026-11-24T10:00:00.000Z', '2026-11-24T11:00:00.000Z', '2026-11-24T12:00:00.000Z',
    ]],
    // A prestador in São Paulo (09:00 there = 12:00Z) seen from Lisbon.
    ['prestador in São Paulo', { prestadorTimeZone: 'America/Sao_Paulo' }, [
      '2026-11-23T12:00:00.000Z', '2026-11-23T13:00:00.000Z', '2026-11-23T14:00:00.000Z', '2026-11-23T15:00:00.000Z',
    ]],
    // Late hours in São Paulo (20:00-23:00 = 23:00Z-02:00Z) cross into Lisbon's next day.
    ['prestador evening in São Paulo lands on the Lisbon viewer\'s next day', {
      prestadorTimeZone: 'America/Sao_Paulo', weeklyHours: weekdays('20:00', '23:00'), day: '2026-11-24',
    }, ['2026-11-24T00:00:00.000Z', '2026-11-24T01:00:00.000Z', '2026-11-24T23:00:00.000Z']],
  ])('%s', (_label, input, expected) => {
    expect(starts(input)).toEqual(expected)
  })
})

describe('DST days in Lisbon', () => {
  const sundayNight = [{ weekday: 7, start_time: '00:00', end_time: '04:00' }]

  it('clocks go forward (29 Mar 2026, 01:00 -> 02:00): the night is an hour shorter', () => {
    expect(starts({ day: '2026-03-29', weeklyHours: sundayNight })).toEqual([
      '2026-03-29T00:00:00.000Z', // 00:00 WET
      '2026-03-29T01:00:00.000Z', // 02:00 WEST
      '2026-03-29T02:00:00.000Z', // 03:00 WEST, ends 03:50 < 04:00
    ])
  })

  it('clocks go back (25 Oct 2026, 02:00 -> 01:00): the night is an hour longer', () => {
    expect(starts({ day: '2026-10-25', weeklyHours: sundayNight })).toEqual([
      '2026-10-24T23:00:00.000Z', // 00:00 WEST
      '2026-10-25T00:00:00.000Z', // 01:00 WEST
      '2026-10-25T01:00:00.000Z', // 01:00 WET (the repeated hour)
      '2026-10-25T02:00:00.000Z',
      '2026-10-25T03:00:00.000Z', // 03:00 WET, ends 03:50 < 04:00
    ])
  })

  it('hours that start in the skipped hour give no slots that day rather than wrong ones', () => {
    expect(starts({ day: '2026-03-29', weeklyHours: [{ weekday: 7, start_time: '01:30', end_time: '04:00' }] })).toEqual([])
  })
})

describe('a booking straddling midnight', () => {
  const lateAndEarly = [
    { weekday: 1, start_time: '20:00', end_time: '24:00' },
    { weekday: 2, start_time: '00:00', end_time: '04:00' },
  ]
  const busy = [{ starts_at: '2026-11-23T23:30:00Z', ends_at: '2026-11-24T00:20:00Z' }]

  it('blocks the last slot of Monday', () => {
    expect(starts({ weeklyHours: lateAndEarly, busy })).toEqual([
      '2026-11-23T20:00:00.000Z', '2026-11-23T21:00:00.000Z', '2026-11-23T22:00:00.000Z',
    ])
  })

  it('and the first slot of Tuesday', () => {
    expect(starts({ weeklyHours: lateAndEarly, busy, day: '2026-11-24' })).toEqual([
      '2026-11-24T01:00:00.000Z', '2026-11-24T02:00:00.000Z', '2026-11-24T03:00:00.000Z',
    ])
  })

  it('hours ending at 24:00 allow a slot that ends exactly at midnight', () => {
    expect(starts({ weeklyHours: [{ weekday: 1, start_time: '23:10', end_time: '24:00' }] })).toEqual(['2026-11-23T23:10:00.000Z'])
  })
})
