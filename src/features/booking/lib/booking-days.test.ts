// Runs under three process time zones (see vitest.config.ts): results must not move.
import { describe, expect, it } from 'vitest'
import {
  blockedDatesWindow,
  busyWindow,
  dayOf,
  dayRangeInstants,
  formatSlotTime,
  isValidDay,
  shiftDay,
  todayIn,
} from './booking-days'

describe('isValidDay', () => {
  it.each([
    ['2026-11-25', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['25/11/2026', false],
    ['', false],
  ])('%s -> %s', (value, expected) => {
    expect(isValidDay(value)).toBe(expected)
  })
})

describe('todayIn', () => {
  it.each([
    ['2026-11-25T23:30:00Z', 'Europe/Lisbon', '2026-11-25'],
    ['2026-11-25T23:30:00Z', 'Asia/Tokyo', '2026-11-26'],
    ['2026-11-26T01:30:00Z', 'America/Sao_Paulo', '2026-11-25'],
    ['2026-07-01T23:30:00Z', 'Europe/Lisbon', '2026-07-02'],
  ])('%s in %s is %s', (now, zone, expected) => {
    expect(todayIn(zone, Date.parse(now))).toBe(expected)
  })
})

describe('shiftDay', () => {
  it.each([
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-25', 0, '2026-11-25'],
  ])('%s %+d -> %s', (day, n, expected) => {
    expect(shiftDay(day, n)).toBe(expected)
  })
})

describe('busyWindow', () => {
  it.each([
    ['2026-11-25', 'Europe/Lisbon', '2026-11-24T00:00:00.000Z', '2026-11-27T00:00:00.000Z'],
    ['2026-11-25', 'Asia/Tokyo', '2026-11-23T15:00:00.000Z', '2026-11-26T15:00:00.000Z'],
    // Lisbon springs forward on 29 March 2026: that day has 23 hours.
    ['2026-03-29', 'Europe/Lisbon', '2026-03-28T00:00:00.000Z', '2026-03-30T23:00:00.000Z'],
  ])('%s in %s', (day, zone, from, to) => {
    expect(busyWindow(day, zone)).toEqual({ from, to })
  })

  it('covers a range of days with one day of margin each side', () => {
    expect(busyWindow('2026-11-30', 'Europe/Lisbon', '2026-12-27')).toEqual({ from: '2026-11-29T00:00:00.000Z', to: '2026-12-29T00:00:00.000Z' })
  })
})

describe('blockedDatesWindow', () => {
  it('two days either side', () => {
    expect(blockedDatesWindow('2026-12-01')).toEqual({ from: '2026-11-29', to: '2026-12-03' })
    expect(blockedDatesWindow('2026-11-30', '2026-12-27')).toEqual({ from: '2026-11-28', to: '2026-12-29' })
  })
})

describe('dayRangeInstants', () => {
  it.each<[string | null, string | null, string, { from: string | null; to: string | null }]>([
    ['2026-11-01', '2026-11-30', 'Europe/Lisbon', { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' }],
    ['2026-07-01', '2026-07-01', 'Europe/Lisbon', { from: '2026-06-30T23:00:00.000Z', to: '2026-07-01T23:00:00.000Z' }],
    [null, '2026-11-30', 'America/Sao_Paulo', { from: null, to: '2026-12-01T03:00:00.000Z' }],
    ['2026-11-01', null, 'Asia/Tokyo', { from: '2026-10-31T15:00:00.000Z', to: null }],
    [null, null, 'Europe/Lisbon', { from: null, to: null }],
  ])('%s..%s in %s', (from, to, zone, expected) => {
    expect(dayRangeInstants(from, to, zone)).toEqual(expected)
  })
})

describe('formatSlotTime and dayOf', () => {
  it.each([
    ['2026-11-25T14:00:00Z', 'Europe/Lisbon', '14:00', '2026-11-25'],
    ['2026-07-25T14:00:00Z', 'Europe/Lisbon', '15:00', '2026-07-25'],
    ['2026-11-25T14:00:00Z', 'Asia/Tokyo', '23:00', '2026-11-25'],
    ['2026-11-25T15:30:00+00:00', 'Asia/Tokyo', '00:30', '2026-11-26'],
    ['2026-11-25T02:05:00.000Z', 'America/Sao_Paulo', '23:05', '2026-11-24'],
  ])('%s in %s', (iso, zone, time, day) => {
    expect(formatSlotTime(iso, zone)).toBe(time)
    expect(dayOf(iso, zone)).toBe(day)
  })
})
