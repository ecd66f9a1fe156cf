import { isUpcoming, sortSessions } from './sort-sessions'

const NOW = Date.parse('2025-11-15T12:00:00Z')

// A one-hour session starting at `start` (ISO with offset), named for readable failures.
const s = (id: string, start: string, minutes = 60) => ({
  id,
  starts_at: start,
  ends_at: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
})

const ids = (list: Array<{ id: string }>) => list.map((x) => x.id)

describe('sortSessions', () => {
  it.each([
    { name: 'empty list', input: [], expected: [] },
    {
      name: 'upcoming ascending, then past descending',
      input: [
        s('past-old', '2025-11-01T09:00:00Z'),
        s('next-far', '2025-12-01T09:00:00Z'),
        s('past-recent', '2025-11-14T09:00:00Z'),
        s('next-soon', '2025-11-15T15:00:00Z'),
      ],
      expected: ['next-soon', 'next-far', 'past-recent', 'past-old'],
    },
    {
      name: 'a session in progress stays upcoming (first)',
      input: [s('later', '2025-11-16T09:00:00Z'), s('now-running', '2025-11-15T11:30:00Z')],
      expected: ['now-running', 'later'],
    },
    {
      name: 'a session that ended exactly now is past',
      input: [s('just-ended', '2025-11-15T11:00:00Z'), s('older', '2025-11-10T11:00:00Z')],
      expected: ['just-ended', 'older'],
    },
    {
      name: 'offsets are compared as instants, not as text',
      // 13:30+02:00 is 11:30Z (before 12:00+00:00 = 12:00Z) but sorts after it as a string.
      input: [s('b', '2025-11-20T12:00:00+00:00'), s('a', '2025-11-20T13:30:00+02:00')],
      expected: ['a', 'b'],
    },
    {
      name: 'equal start times keep their input order',
      input: [s('first', '2025-11-20T10:00:00Z'), s('second', '2025-11-20T10:00:00Z')],
      expected: ['first', 'second'],
    },
    {
      name: 'only past sessions: most recent first',
      input: [s('a', '2025-01-01T10:00:00Z'), s('b', '2025-06-01T10:00:00Z'), s('c', '2025-03-01T10:00:00Z')],
      expected: ['b', 'c', 'a'],
    },
  ])('$name', ({ input, expected }) => {
    expect(ids(sortSessions(input, NOW))).toEqual(expected)
  })

  it('accepts a Date for now and does not mutate its input', () => {
    const input = [s('past', '2025-11-01T09:00:00Z'), s('next', '2025-11-20T09:00:00Z')]
    const copy = [...input]
    expect(ids(sortSessions(input, new Date(NOW)))).toEqual(['next', 'past'])
    expect(input).toEqual(copy)
  })
})

describe('isUpcoming', () => {
  it.each([
    ['future', '2025-11-15T13:00:00Z', true],
    ['in progress', '2025-11-15T11:30:00Z', true],
    ['ended exactly now', '2025-11-15T11:00:00Z', false],
    ['past', '2025-11-14T11:00:00Z', false],
  ])('%s', (_name, start, expected) => {
    expect(isUpcoming(s('x', start), NOW)).toBe(expected)
  })
})
