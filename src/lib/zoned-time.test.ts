// Runs under three process time zones: none of these may depend on the machine's zone.
import { describe, expect, it } from 'vitest'
import { dayBounds, instantOfLocal, isoWeekday, parseLocalDate, zoneOffsetMs } from './zoned-time'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

describe('instantOfLocal', () => {
  it.each([
    ['Lisbon winter', { year: 2026, month: 11, day: 25, hour: 14, minute: 0 }, 'Europe/Lisbon', '2026-11-25T14:00:00.000Z'],
    ['Lisbon summer', { year: 2026, month: 7, day: 1, hour: 14, minute: 0 }, 'Europe/Lisbon', '2026-07-01T13:00:00.000Z'],
    ['São Paulo', { year: 2026, month: 11, day: 25, hour: 14, minute: 0 }, 'America/Sao_Paulo', '2026-11-25T17:00:00.000Z'],
    ['Tokyo', { year: 2026, month: 11, day: 25, hour: 14, minute: 0 }, 'Asia/Tokyo', '2026-11-25T05:00:00.000Z'],
    ['hour 24 is next midnight', { year: 2026, month: 11, day: 25, hour: 24, minute: 0 }, 'Europe/Lisbon', '2026-11-26T00:00:00.000Z'],
    ['skipped hour (spring forward) does not exist', { year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, 'Europe/Lisbon', null],
    ['repeated hour (fall back) is the earlier instant', { year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, 'Europe/Lisbon', '2026-10-25T00:30:00.000Z'],
    ['just after the repeated hour', { year: 2026, month: 10, day: 25, hour: 2, minute: 0 }, 'Europe/Lisbon', '2026-10-25T02:00:00.000Z'],
  ] as const)('%s', (_label, local, zone, expected) => {
    expect(iso(instantOfLocal(local, zone))).toBe(expected)
  })
})

describe('dayBounds', () => {
  it.each([
    ['2026-11-25', 'Europe/Lisbon', '2026-11-25T00:00:00.000Z', 24],
    ['2026-03-29', 'Europe/Lisbon', '2026-03-29T00:00:00.000Z', 23],
    ['2026-10-25', 'Europe/Lisbon', '2026-10-24T23:00:00.000Z', 25],
    ['2026-11-25', 'Asia/Tokyo', '2026-11-24T15:00:00.000Z', 24],
    ['2026-11-25', 'America/Sao_Paulo', '2026-11-25T03:00:00.000Z', 24],
  ] as const)('%s in %s', (day, zone, start, hours) => {
    const bounds = dayBounds(parseLocalDate(day), zone)
    expect(iso(bounds.start)).toBe(start)
    expect((bounds.end - bounds.start) / 3_600_000).toBe(hours)
  })
})

describe('small helpers', () => {
  it.each([
    ['2026-11-23', 1], ['2026-11-28', 6], ['2026-11-29', 7], ['2028-02-29', 2],
  ] as const)('isoWeekday(%s) = %i', (day, weekday) => {
    expect(isoWeekday(parseLocalDate(day))).toBe(weekday)
  })

  it.each(['2026-02-30', '2026-13-01', '26-11-25', '2026-11-25T00:00', ''])('parseLocalDate refuses %j', (value) => {
    expect(() => parseLocalDate(value)).toThrow(RangeError)
  })

  it('zoneOffsetMs', () => {
    expect(zoneOffsetMs(Date.parse('2026-07-01T12:00:00Z'), 'Europe/Lisbon')).toBe(3_600_000)
    expect(zoneOffsetMs(Date.parse('2026-07-01T12:00:00Z'), 'America/Sao_Paulo')).toBe(-3 * 3_600_000)
  })
})
