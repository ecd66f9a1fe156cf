import { describe, expect, it } from 'vitest'
import type { Month } from 'date-fns'
import { pt } from 'date-fns/locale/pt'
import { localize } from 'date-fns/locale/pt/_lib/localize'
import { countdownLabel, formatSessionDateTime, msUntilCountdownChanges, wallClockIn } from './format-session-time'

const MIN = 60_000

describe('formatSessionDateTime', () => {
  it.each<[string, string, string]>([
    // Europe/Lisbon: WET (UTC+0) in winter, WEST (UTC+1) in summer
    ['2025-11-15T14:00:00+00:00', 'Europe/Lisbon', '15 nov. 2025 às 14:00'],
    ['2026-07-01T14:00:00+00:00', 'Europe/Lisbon', '1 jul. 2026 às 15:00'],
    ['2026-05-01T12:00:00Z', 'Europe/Lisbon', '1 mai. 2026 às 13:00'],
    ['2026-11-25T11:00:00-03:00', 'Europe/Lisbon', '25 nov. 2026 às 14:00'],
    ['2026-12-31T23:59:00+00:00', 'Europe/Lisbon', '31 dez. 2026 às 23:59'],
    ['2026-02-03T09:05:00+00:00', 'Europe/Lisbon', '3 fev. 2026 às 09:05'],
    // Lisbon spring forward, 2026-03-29 at 01:00Z: 00:59 WET, then 02:00 WEST
    ['2026-03-29T00:59:00Z', 'Europe/Lisbon', '29 mar. 2026 às 00:59'],
    ['2026-03-29T01:00:00Z', 'Europe/Lisbon', '29 mar. 2026 às 02:00'],
    ['2026-03-28T23:30:00Z', 'Europe/Lisbon', '28 mar. 2026 às 23:30'],
    // Lisbon fall back, 2026-10-25 at 01:00Z: 01:59 WEST, then 01:00 WET; 01:30 happens twice
    ['2026-10-25T00:59:00Z', 'Europe/Lisbon', '25 out. 2026 às 01:59'],
    ['2026-10-25T01:00:00Z', 'Europe/Lisbon', '25 out. 2026 às 01:00'],
    ['2026-10-25T00:30:00Z', 'Europe/Lisbon', '25 out. 2026 às 01:30'],
    ['2026-10-25T01:30:00Z', 'Europe/Lisbon', '25 out. 2026 às 01:30'],
    ['2026-10-24T23:30:00Z', 'Europe/Lisbon', '25 out. 2026 às 00:30'],
    // America/Sao_Paulo: UTC-3 all year (no DST since 2019)
    ['2026-11-25T14:00:00+00:00', 'America/Sao_Paulo', '25 nov. 2026 às 11:00'],
    ['2026-01-15T14:00:00+00:00', 'America/Sao_Paulo', '15 jan. 2026 às 11:00'],
    ['2026-07-15T14:00:00+00:00', 'America/Sao_Paulo', '15 jul. 2026 às 11:00'],
    ['2026-01-01T02:00:00Z', 'America/Sao_Paulo', '31 dez. 2025 às 23:00'],
    ['2026-10-25T01:00:00Z', 'America/Sao_Paulo', '24 out. 2026 às 22:00'],
    // Asia/Tokyo: UTC+9, no DST
    ['2026-11-25T14:00:00+00:00', 'Asia/Tokyo', '25 nov. 2026 às 23:00'],
    ['2026-11-25T15:00:00+00:00', 'Asia/Tokyo', '26 nov. 2026 às 00:00'],
    ['2026-03-29T01:00:00Z', 'Asia/Tokyo', '29 mar. 2026 às 10:00'],
    ['2026-08-31T20:15:00Z', 'Asia/Tokyo', '1 set. 2026 às 05:15'],
    // other zones and offsets
    ['2026-04-10T08:00:00Z', 'UTC', '10 abr. 2026 às 08:00'],
    ['2026-06-10T08:00:00.123456+00:00', 'Atlantic/Azores', '10 jun. 2026 às 08:00'],
    ['2026-09-10T08:00:00+00:00', 'Atlantic/Madeira', '10 set. 2026 às 09:00'],
  ])('%s in %s -> %s', (iso, timeZone, expected) => {
    expect(formatSessionDateTime(iso, timeZone)).toBe(expected)
  })

  it('uses every pt month abbreviation with a full stop', () => {
    const months = Array.from({ length: 12 }, (_, i) =>
      formatSessionDateTime(`2026-${String(i + 1).padStart(2, '0')}-15T12:00:00Z`, 'UTC').split(' ')[1],
    )
    expect(months).toEqual(['jan.', 'fev.', 'mar.', 'abr.', 'mai.', 'jun.', 'jul.', 'ago.', 'set.', 'out.', 'nov.', 'dez.'])
  })

  it("takes the month names from date-fns' pt locale itself (the aliased file is pt.localize)", () => {
    expect(localize).toBe(pt.localize)
    for (let m = 0; m < 12; m++) {
      const month = m as Month
      expect(localize.month(month, { width: 'abbreviated' })).toBe(pt.localize.month(month, { width: 'abbreviated' }))
    }
  })

  it.each([
    ['timestamp without offset', '2026-11-25T14:00:00', 'Europe/Lisbon'],
    ['unknown time zone', '2026-11-25T14:00:00Z', 'Europe/Atlantis'],
  ])('throws RangeError for %s', (_label, iso, timeZone) => {
    expect(() => formatSessionDateTime(iso, timeZone)).toThrow(RangeError)
  })

  it('does not depend on the process time zone (this file runs under several TZ values)', () => {
    // Sanity: the rules projects really do change the zone the process runs in.
    // (process is read via globalThis: tsconfig.app.json has no Node types.)
    const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env
    expect(['Europe/Lisbon', 'America/Sao_Paulo', 'Asia/Tokyo']).toContain(env?.TZ)
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(env?.TZ)
    expect(wallClockIn(Date.parse('2026-10-25T00:30:00Z'), 'Europe/Lisbon')).toEqual({
      year: 2026,
      month: 10,
      day: 25,
      hour: 1,
      minute: 30,
    })
  })
})

describe('countdownLabel', () => {
  it.each<[number, string]>([
    [12 * MIN, 'Disponível dentro de 12 min'],
    [12 * MIN + 59_999, 'Disponível dentro de 12 min'],
    [59 * MIN + 59_999, 'Disponível dentro de 59 min'],
    [2 * MIN, 'Disponível dentro de 2 min'],
    [2 * MIN - 1, 'Disponível dentro de 1 min'],
    [MIN, 'Disponível dentro de 1 min'],
    [MIN - 1, 'Disponível dentro de menos de 1 min'],
    [1, 'Disponível dentro de menos de 1 min'],
    [0, 'Disponível agora'],
    [-5_000, 'Disponível agora'],
    [60 * MIN, 'Disponível dentro de 1 h'],
    [65 * MIN, 'Disponível dentro de 1 h 5 min'],
    [3 * 60 * MIN + 30_000, 'Disponível dentro de 3 h'],
  ])('%i ms -> %s', (ms, expected) => {
    expect(countdownLabel(ms)).toBe(expected)
  })

  it('refuses NaN', () => {
    expect(() => countdownLabel(Number.NaN)).toThrow(RangeError)
  })
})

describe('msUntilCountdownChanges', () => {
  it.each<[number, number]>([
    [12 * MIN, 1],
    [12 * MIN + 30_000, 30_001],
    [MIN, 1],
    [MIN - 1, MIN - 1],
    [1, 1],
    [0, 0],
    [-1, 0],
  ])('%i ms -> %i ms', (ms, expected) => {
    expect(msUntilCountdownChanges(ms)).toBe(expected)
    // After that delay the label text is different (or the window is open).
    if (ms > 0) {
      expect(countdownLabel(ms - expected + 1)).toBe(countdownLabel(ms))
      expect(countdownLabel(ms - expected)).not.toBe(countdownLabel(ms))
    }
  })
})
