import { MAX_ICS_SEQUENCE, SEQUENCE_BASE_EPOCH_SECONDS, sequenceFromUpdatedAt } from './sequence'

// Expected values are whole seconds since 2025-01-01T00:00:00Z, worked out by hand
// (2025 has 365 days = 31_536_000 s), so the table does not reuse the code's arithmetic.
describe('sequenceFromUpdatedAt', () => {
  it('uses 2025-01-01Z as base', () => {
    expect(SEQUENCE_BASE_EPOCH_SECONDS).toBe(1_735_689_600)
  })

  it.each([
    ['2025-01-01T00:00:00Z', 0],
    ['2025-01-01T00:00:01+00:00', 1],
    ['2025-01-01T00:01:00Z', 60],
    ['2025-01-02T00:00:00Z', 86_400],
    ['2026-01-01T00:00:00+00:00', 31_536_000],
    // PostgREST's shape: microseconds and an offset; fractions are truncated.
    ['2026-11-25T12:00:00.999999+00:00', 59_918_400],
    // The same instant written in Lisbon summer time and in São Paulo.
    ['2026-07-01T13:00:00+01:00', 31_536_000 + 181 * 86_400 + 12 * 3600],
    ['2026-07-01T09:00:00-03:00', 31_536_000 + 181 * 86_400 + 12 * 3600],
    // Before the base (cannot happen for real rows): clamped to 0, still a valid SEQUENCE.
    ['2024-12-31T23:59:59Z', 0],
    ['1970-01-01T00:00:00Z', 0],
  ])('%s -> %i', (updatedAt, expected) => {
    expect(sequenceFromUpdatedAt(updatedAt)).toBe(expected)
  })

  it('grows with every change, one second apart', () => {
    const a = sequenceFromUpdatedAt('2026-11-25T10:00:05.100+00:00')
    const b = sequenceFromUpdatedAt('2026-11-25T10:00:06.000+00:00')
    const c = sequenceFromUpdatedAt('2026-11-25T10:00:40+00:00')
    expect(a).toBeLessThan(b)
    expect(b).toBeLessThan(c)
  })

  it('fits in a signed 32-bit int until 2093', () => {
    const last = sequenceFromUpdatedAt('2093-01-19T03:14:07Z')
    expect(Number.isSafeInteger(last)).toBe(true)
    expect(last).toBeLessThanOrEqual(MAX_ICS_SEQUENCE)
    expect(() => sequenceFromUpdatedAt('2093-12-31T00:00:00Z')).toThrow(RangeError)
  })

  it.each(['2026-11-25T12:00:00', '2026-11-25 12:00', 'ontem', '', '2026-02-30T12:00:00Z'])(
    'refuses %j (no offset or not a timestamp)',
    (bad) => {
      expect(() => sequenceFromUpdatedAt(bad)).toThrow(RangeError)
    },
  )
})
