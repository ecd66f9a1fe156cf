import type { BookingStatus } from './labels'
import { isStillAhead, sessionSections } from './session-sections'

const NOW = Date.parse('2026-11-30T12:00:00Z')

// A 50-minute session starting `minutes` from NOW, named for readable failures.
const s = (id: string, minutes: number, status: BookingStatus = 'scheduled') => {
  const start = NOW + minutes * 60_000
  return { id, status, starts_at: new Date(start).toISOString(), ends_at: new Date(start + 50 * 60_000).toISOString() }
}

const ids = (list: Array<{ id: string }>) => list.map((x) => x.id)

describe('sessionSections', () => {
  it.each([
    { name: 'empty', input: [], upcoming: [], past: [], cancelled: [] },
    {
      name: 'scheduled and pending ahead are upcoming, soonest first',
      input: [s('far', 600), s('soon', 60, 'pending'), s('mid', 120)],
      upcoming: ['soon', 'mid', 'far'],
      past: [],
      cancelled: [],
    },
    {
      name: 'a session in progress stays upcoming until it ends',
      input: [s('running', -10), s('later', 60)],
      upcoming: ['running', 'later'],
      past: [],
      cancelled: [],
    },
    {
      name: 'ended active sessions are past, most recent first',
      input: [s('old', -6000), s('recent', -100)],
      upcoming: [],
      past: ['recent', 'old'],
      cancelled: [],
    },
    {
      name: 'realizada or Faltou leave "Próximas" at once, even before the end',
      input: [s('done-now', -10, 'completed'), s('no-show-now', -5, 'no_show'), s('old-done', -3000, 'completed'), s('next', 60)],
      upcoming: ['next'],
      past: ['no-show-now', 'done-now', 'old-done'],
      cancelled: [],
    },
    {
      name: 'cancelled sessions are their own section, future or past, most recent first',
      input: [s('cancel-past', -3000, 'cancelled'), s('cancel-future', 600, 'cancelled'), s('next', 60), s('cancel-soon', 30, 'cancelled')],
      upcoming: ['next'],
      past: [],
      cancelled: ['cancel-future', 'cancel-soon', 'cancel-past'],
    },
  ])('$name', ({ input, upcoming, past, cancelled }) => {
    const sections = sessionSections(input, NOW)
    expect(ids(sections.upcoming)).toEqual(upcoming)
    expect(ids(sections.past)).toEqual(past)
    expect(ids(sections.cancelled)).toEqual(cancelled)
  })
})

describe('isStillAhead', () => {
  it.each<[string, number, BookingStatus, boolean]>([
    ['scheduled, later', 60, 'scheduled', true],
    ['pending, in progress', -10, 'pending', true],
    ['scheduled, ended', -60, 'scheduled', false],
    ['completed, in progress', -10, 'completed', false],
    ['no_show, in progress', -10, 'no_show', false],
    ['cancelled, later', 60, 'cancelled', false],
  ])('%s -> %s', (_name, minutes, status, expected) => {
    expect(isStillAhead(s('x', minutes, status), NOW)).toBe(expected)
  })
})
