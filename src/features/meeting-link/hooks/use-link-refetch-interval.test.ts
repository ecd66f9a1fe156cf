import { describe, expect, it } from 'vitest'
import {
  LINK_REFETCH_INTERVAL_MS,
  meetingLinkQueryOptions,
  meetingLinkRefetchInterval,
  refetchIntervalFor,
  type RefetchSession,
} from './use-link-refetch-interval'

const MIN = 60_000
const START = Date.parse('2026-11-25T14:00:00Z')
const END = Date.parse('2026-11-25T15:00:00Z')
const OPENS = START - 5 * MIN
const POLL_FROM = OPENS - 30 * MIN

const session: RefetchSession = {
  starts_at: '2026-11-25T14:00:00+00:00',
  ends_at: '2026-11-25T15:00:00+00:00',
  meeting_type: 'virtual',
  status: 'scheduled',
}

describe('refetchIntervalFor', () => {
  it.each<[string, RefetchSession[], number, number | false]>([
    ['no sessions', [], START, false],
    ['a day before', [session], START - 24 * 60 * MIN, false],
    ['1 ms before polling starts (35 min before start)', [session], POLL_FROM - 1, false],
    ['exactly 30 min before the window opens', [session], POLL_FROM, 10_000],
    ['waiting, 10 min before the window', [session], OPENS - 10 * MIN, 10_000],
    ['window open', [session], OPENS, 10_000],
    ['in progress', [session], START + 20 * MIN, 10_000],
    ['1 ms before the end', [session], END - 1, 10_000],
    ['ended', [session], END, false],
    ['cancelled, inside the window', [{ ...session, status: 'cancelled' }], START, false],
    ['completed early', [{ ...session, status: 'completed' }], START + 10 * MIN, false],
    ['pending follows the clock', [{ ...session, status: 'pending' }], START, 10_000],
    ['phone', [{ ...session, meeting_type: 'phone' }], START, false],
    ['presencial', [{ ...session, meeting_type: 'presencial' }], START, false],
    ['corrupt timestamp is ignored', [{ ...session, starts_at: '2026-11-25 14:00' }], START, false],
    [
      'one of many is close',
      [{ ...session, meeting_type: 'phone' }, { ...session, starts_at: '2026-11-26T14:00:00+00:00', ends_at: '2026-11-26T15:00:00+00:00' }, session],
      START,
      10_000,
    ],
    ['offsets are instants (Sao Paulo)', [{ ...session, starts_at: '2026-11-25T11:00:00-03:00', ends_at: '2026-11-25T12:00:00-03:00' }], POLL_FROM, 10_000],
  ])('%s', (_label, sessions, now, expected) => {
    expect(refetchIntervalFor(sessions, now)).toBe(expected)
    expect(refetchIntervalFor(sessions, new Date(now))).toBe(expected)
  })

  it('polls well within 15 seconds', () => {
    expect(LINK_REFETCH_INTERVAL_MS).toBeLessThanOrEqual(15_000)
  })
})

describe('meetingLinkRefetchInterval', () => {
  it('reads bookings out of any query data shape', () => {
    const near = { ...session, id: 'b', starts_at: new Date(Date.now() + 10 * MIN).toISOString(), ends_at: new Date(Date.now() + 60 * MIN).toISOString() }
    expect(meetingLinkRefetchInterval({ state: { data: [{ id: 'cr', booking: near }] } })).toBe(10_000)
    expect(meetingLinkRefetchInterval({ state: { data: { rows: [near], total: 1 } } })).toBe(10_000)
    expect(meetingLinkRefetchInterval({ state: { data: undefined } })).toBe(false)
  })

  it('comes with refetchOnWindowFocus', () => {
    expect(meetingLinkQueryOptions.refetchOnWindowFocus).toBe(true)
    expect(meetingLinkQueryOptions.refetchInterval).toBe(meetingLinkRefetchInterval)
  })
})
