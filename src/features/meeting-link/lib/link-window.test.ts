import { describe, expect, it } from 'vitest'
import {
  LINK_OPENS_BEFORE_START_MS,
  linkWindow,
  MAX_TIMEOUT_MS,
  msUntil,
  type LinkWindow,
  type LinkWindowBooking,
} from './link-window'

const MIN = 60_000
const at = (iso: string) => Date.parse(iso) // test fixtures are always UTC ("Z"), so zone-free

const session: LinkWindowBooking = {
  starts_at: '2026-11-25T14:00:00+00:00',
  ends_at: '2026-11-25T15:00:00+00:00',
  meeting_type: 'virtual',
  status: 'scheduled',
}
const START = at('2026-11-25T14:00:00Z')
const END = at('2026-11-25T15:00:00Z')
const OPENS = START - LINK_OPENS_BEFORE_START_MS

describe('linkWindow: boundaries', () => {
  it.each<[string, number, LinkWindow]>([
    ['one day before', START - 24 * 60 * MIN, { state: 'waiting', opensAt: new Date(OPENS), nextChangeAt: new Date(OPENS), msUntilOpen: 24 * 60 * MIN - 5 * MIN }],
    ['T-5min minus 1 ms', OPENS - 1, { state: 'waiting', opensAt: new Date(OPENS), nextChangeAt: new Date(OPENS), msUntilOpen: 1 }],
    ['exactly T-5min', OPENS, { state: 'open', startsAt: new Date(START), nextChangeAt: new Date(END), started: false }],
    ['1 ms before start', START - 1, { state: 'open', startsAt: new Date(START), nextChangeAt: new Date(END), started: false }],
    ['exactly start', START, { state: 'open', startsAt: new Date(START), nextChangeAt: new Date(END), started: true }],
    ['1 ms before end', END - 1, { state: 'open', startsAt: new Date(START), nextChangeAt: new Date(END), started: true }],
    ['exactly end', END, { state: 'ended', nextChangeAt: null }],
    ['end plus 1 ms', END + 1, { state: 'ended', nextChangeAt: null }],
  ])('%s', (_label, now, expected) => {
    expect(linkWindow(session, now)).toEqual(expected)
    expect(linkWindow(session, new Date(now))).toEqual(expected)
  })

  it('opens exactly 5 minutes before start', () => {
    expect(LINK_OPENS_BEFORE_START_MS).toBe(300_000)
    expect(new Date(OPENS).toISOString()).toBe('2026-11-25T13:55:00.000Z')
  })
})

describe('linkWindow: type and status', () => {
  it.each<[string, Partial<LinkWindowBooking>, number, LinkWindow['state']]>([
    ['cancelled, inside the window', { status: 'cancelled' }, START, 'cancelled'],
    ['cancelled, before the window', { status: 'cancelled' }, OPENS - 1, 'cancelled'],
    ['cancelled, after the end', { status: 'cancelled' }, END, 'cancelled'],
    ['phone', { meeting_type: 'phone' }, START, 'not_virtual'],
    ['presencial', { meeting_type: 'presencial' }, START, 'not_virtual'],
    ['phone and cancelled: not_virtual wins', { meeting_type: 'phone', status: 'cancelled' }, START, 'not_virtual'],
    ['completed early, inside the window', { status: 'completed' }, START + 20 * MIN, 'ended'],
    ['completed, before the window', { status: 'completed' }, OPENS - 1, 'ended'],
    ['completed, after the end', { status: 'completed' }, END + 1, 'ended'],
    ['no_show, inside the window', { status: 'no_show' }, START + 20 * MIN, 'ended'],
    ['pending follows the clock (before)', { status: 'pending' }, OPENS - 1, 'waiting'],
    ['pending follows the clock (inside)', { status: 'pending' }, OPENS, 'open'],
  ])('%s', (_label, patch, now, state) => {
    const result = linkWindow({ ...session, ...patch }, now)
    expect(result.state).toBe(state)
    if (state !== 'waiting' && state !== 'open') expect(result.nextChangeAt).toBeNull()
  })
})

describe('linkWindow: offsets and DST (instants, not wall clocks)', () => {
  it.each([
    ['UTC', '2026-11-25T14:00:00+00:00', '2026-11-25T15:00:00+00:00'],
    ['Sao Paulo offset', '2026-11-25T11:00:00-03:00', '2026-11-25T12:00:00-03:00'],
    ['Tokyo offset', '2026-11-25T23:00:00+09:00', '2026-11-26T00:00:00+09:00'],
    ['microseconds', '2026-11-25T14:00:00.000000+00:00', '2026-11-25T15:00:00.000000+00:00'],
  ])('%s gives the same window', (_label, starts_at, ends_at) => {
    const booking = { ...session, starts_at, ends_at }
    expect(linkWindow(booking, OPENS - 1).state).toBe('waiting')
    expect(linkWindow(booking, OPENS)).toEqual(linkWindow(session, OPENS))
    expect(linkWindow(booking, END).state).toBe('ended')
  })

  // Lisbon, 2026-10-25: at 01:00Z clocks go back from 02:00 WEST to 01:00 WET, so this
  // session starts at 01:30 local and ends at 01:30 local, one real hour later. Its window
  // (00:25Z = 01:25 WEST) opens before the change and ends after it.
  const lisbonOctober: LinkWindowBooking = {
    ...session,
    starts_at: '2026-10-25T01:30:00+01:00',
    ends_at: '2026-10-25T01:30:00+00:00',
  }
  it.each<[string, string, LinkWindow]>([
    ['before the window', '2026-10-25T00:24:59.999Z', { state: 'waiting', opensAt: new Date('2026-10-25T00:25:00Z'), nextChangeAt: new Date('2026-10-25T00:25:00Z'), msUntilOpen: 1 }],
    ['window opens (01:25 WEST)', '2026-10-25T00:25:00Z', { state: 'open', startsAt: new Date('2026-10-25T00:30:00Z'), nextChangeAt: new Date('2026-10-25T01:30:00Z'), started: false }],
    ['at the clock change', '2026-10-25T01:00:00Z', { state: 'open', startsAt: new Date('2026-10-25T00:30:00Z'), nextChangeAt: new Date('2026-10-25T01:30:00Z'), started: true }],
    ['1 ms before end (01:29:59.999 WET)', '2026-10-25T01:29:59.999Z', { state: 'open', startsAt: new Date('2026-10-25T00:30:00Z'), nextChangeAt: new Date('2026-10-25T01:30:00Z'), started: true }],
    ['end (01:30 WET)', '2026-10-25T01:30:00Z', { state: 'ended', nextChangeAt: null }],
  ])('Lisbon October DST: %s', (_label, now, expected) => {
    expect(linkWindow(lisbonOctober, at(now))).toEqual(expected)
  })

  it('Lisbon March DST: 00:30 WET to 02:30 WEST is one real hour', () => {
    const march = { ...session, starts_at: '2026-03-29T00:30:00+00:00', ends_at: '2026-03-29T02:30:00+01:00' }
    expect(linkWindow(march, at('2026-03-29T01:00:00Z'))).toMatchObject({ state: 'open', started: true })
    expect(linkWindow(march, at('2026-03-29T01:29:59.999Z')).state).toBe('open')
    expect(linkWindow(march, at('2026-03-29T01:30:00Z')).state).toBe('ended')
  })
})

describe('linkWindow: one timer is enough', () => {
  it('following nextChangeAt visits waiting -> open -> ended', () => {
    const states: string[] = []
    let now = START - 3 * 24 * 60 * MIN
    for (let step = 0; step < 10; step++) {
      const window = linkWindow(session, now)
      states.push(window.state)
      const delay = msUntil(window.nextChangeAt, now)
      if (delay === null) break
      now += delay
    }
    expect(states).toEqual(['waiting', 'open', 'ended'])
  })

  it('corrupt data (ends before the window opens) goes straight from waiting to ended', () => {
    const corrupt = { ...session, ends_at: '2026-11-25T13:50:00+00:00' }
    expect(linkWindow(corrupt, at('2026-11-25T13:00:00Z'))).toMatchObject({
      state: 'waiting',
      nextChangeAt: new Date('2026-11-25T13:50:00Z'),
    })
    expect(linkWindow(corrupt, at('2026-11-25T13:50:00Z')).state).toBe('ended')
  })

  it.each([
    ['starts_at without offset', { starts_at: '2026-11-25T14:00:00' }],
    ['ends_at without offset', { ends_at: '2026-11-25 15:00' }],
    ['garbage', { starts_at: 'amanhã' }],
  ])('refuses %s instead of guessing the zone', (_label, patch) => {
    expect(() => linkWindow({ ...session, ...patch }, START)).toThrow(RangeError)
  })
})

describe('msUntil', () => {
  it.each<[string, Date | null | undefined, number, number | null]>([
    ['null: nothing will change', null, START, null],
    ['undefined', undefined, START, null],
    ['in 1 ms', new Date(START + 1), START, 1],
    ['now', new Date(START), START, 0],
    ['already past clamps to 0', new Date(START - 10 * MIN), START, 0],
    ['exactly the setTimeout maximum', new Date(START + MAX_TIMEOUT_MS), START, MAX_TIMEOUT_MS],
    ['30 days clamps to 2^31-1', new Date(START + 30 * 24 * 60 * MIN), START, 2 ** 31 - 1],
  ])('%s', (_label, next, now, expected) => {
    expect(msUntil(next, now)).toBe(expected)
    expect(msUntil(next, new Date(now))).toBe(expected)
  })
})
