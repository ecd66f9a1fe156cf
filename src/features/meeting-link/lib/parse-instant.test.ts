import { describe, expect, it } from 'vitest'
import { parseInstant } from './parse-instant'

describe('parseInstant', () => {
  it.each([
    ['PostgREST default', '2026-11-25T14:00:00+00:00', '2026-11-25T14:00:00.000Z'],
    ['Z suffix', '2026-11-25T14:00:00Z', '2026-11-25T14:00:00.000Z'],
    ['lowercase z', '2026-11-25T14:00:00z', '2026-11-25T14:00:00.000Z'],
    ['negative offset', '2026-11-25T11:00:00-03:00', '2026-11-25T14:00:00.000Z'],
    ['positive offset', '2026-11-25T23:00:00+09:00', '2026-11-25T14:00:00.000Z'],
    ['hour-only offset (Postgres text)', '2026-11-25 14:00:00+00', '2026-11-25T14:00:00.000Z'],
    ['compact offset', '2026-11-25T15:30:00+0130', '2026-11-25T14:00:00.000Z'],
    ['microseconds truncated', '2026-11-25T14:00:00.123456+00:00', '2026-11-25T14:00:00.123Z'],
    ['one fractional digit', '2026-11-25T14:00:00.5Z', '2026-11-25T14:00:00.500Z'],
    ['no seconds', '2026-11-25T14:00Z', '2026-11-25T14:00:00.000Z'],
    ['offset crosses the day', '2026-11-26T00:30:00+01:00', '2026-11-25T23:30:00.000Z'],
    ['leap day', '2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
    ['Lisbon DST end, first 01:30 (WEST)', '2026-10-25T01:30:00+01:00', '2026-10-25T00:30:00.000Z'],
    ['Lisbon DST end, second 01:30 (WET)', '2026-10-25T01:30:00+00:00', '2026-10-25T01:30:00.000Z'],
  ])('%s: %s', (_label, input, expected) => {
    expect(new Date(parseInstant(input)).toISOString()).toBe(expected)
  })

  it.each([
    ['no offset: would be read in the browser zone', '2026-11-25T14:00:00'],
    ['no offset, space separator', '2026-11-25 14:00'],
    ['date only', '2026-11-25'],
    ['empty', ''],
    ['garbage', 'amanhã às 14h'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['31 November', '2026-11-31T00:00:00Z'],
    ['29 Feb on a non-leap year', '2026-02-29T00:00:00Z'],
    ['hour 24', '2026-11-25T24:00:00Z'],
    ['minute 60', '2026-11-25T14:60:00Z'],
    ['offset hour 24', '2026-11-25T14:00:00+24:00'],
    ['RFC 2822 style', 'Wed, 25 Nov 2026 14:00:00 GMT'],
  ])('refuses %s', (_label, input) => {
    expect(() => parseInstant(input)).toThrow(RangeError)
  })
})
