import { formatDayLong, formatDayShort, formatInstant, formatSessionRange, monthShort, timeZoneCity, timeZoneNote, weekdayLong, weekdayOf } from './format-date'

describe('formatSessionRange', () => {
  it.each([
    // [start, end, zone, expected]
    ['2026-11-30T15:00:00Z', '2026-11-30T15:50:00Z', 'Europe/Lisbon', 'seg., 30 nov., 15:00–15:50'],
    ['2026-11-30T15:00:00Z', '2026-11-30T15:50:00Z', 'America/Sao_Paulo', 'seg., 30 nov., 12:00–12:50'],
    ['2026-11-30T15:00:00Z', '2026-11-30T15:50:00Z', 'Asia/Tokyo', 'ter., 1 dez., 00:00–00:50'],
    ['2026-07-05T09:00:00+01:00', '2026-07-05T09:50:00+01:00', 'Europe/Lisbon', 'dom., 5 jul., 09:00–09:50'],
    ['2026-11-30T23:30:00Z', '2026-12-01T00:20:00Z', 'Europe/Lisbon', 'seg., 30 nov., 23:30 – ter., 1 dez., 00:20'],
    ['2026-03-29T00:30:00Z', '2026-03-29T01:20:00Z', 'Europe/Lisbon', 'dom., 29 mar., 00:30–02:20'],
    ['2026-11-30T15:00:00Z', '2026-11-30T15:50:00Z', 'Bogus/Zone', 'seg., 30 nov., 15:00–15:50'],
    ['2026-11-30T15:00:00', '2026-11-30T15:50:00Z', 'Europe/Lisbon', '—'],
    ['not a date', 'x', 'Europe/Lisbon', '—'],
  ])('%s–%s in %s', (start, end, zone, expected) => {
    expect(formatSessionRange(start, end, zone)).toBe(expected)
  })
})

describe('formatInstant', () => {
  it.each([
    ['2026-11-29T23:59:00Z', 'Europe/Lisbon', 'dom., 29 nov., 23:59'],
    ['2026-11-29T23:59:00Z', 'Asia/Tokyo', 'seg., 30 nov., 08:59'],
    ['2026-01-03T10:05:00+00:00', 'Europe/Lisbon', 'sáb., 3 jan., 10:05'],
    ['garbage', 'Europe/Lisbon', '—'],
  ])('%s in %s', (iso, zone, expected) => {
    expect(formatInstant(iso, zone)).toBe(expected)
  })
})

describe('calendar-date helpers', () => {
  it.each([
    [2026, 11, 30, 1, 'seg., 30 nov.', 'segunda-feira'],
    [2026, 12, 6, 0, 'dom., 6 dez.', 'domingo'],
    [2027, 2, 27, 6, 'sáb., 27 fev.', 'sábado'],
    [2028, 2, 29, 2, 'ter., 29 fev.', 'terça-feira'],
  ])('%i-%i-%i', (y, m, d, weekday, short, long) => {
    expect(weekdayOf(y, m, d)).toBe(weekday)
    expect(formatDayShort(y, m, d)).toBe(short)
    expect(weekdayLong(y, m, d)).toBe(long)
  })
})

describe('formatDayLong', () => {
  it.each([
    [2026, 11, 30, 'segunda-feira, 30 de novembro'],
    [2026, 12, 1, 'terça-feira, 1 de dezembro'],
    [2027, 3, 7, 'domingo, 7 de março'],
  ])('%i-%i-%i', (y, m, d, expected) => {
    expect(formatDayLong(y, m, d)).toBe(expected)
  })
})

describe('monthShort', () => {
  it.each([
    [1, 'jan.'],
    [12, 'dez.'],
    [13, ''],
  ])('%i', (month, expected) => {
    expect(monthShort(month)).toBe(expected)
  })
})

describe('timeZoneCity', () => {
  it.each([
    ['Europe/Lisbon', 'Lisboa'],
    ['America/Sao_Paulo', 'São Paulo'],
    ['Asia/Tokyo', 'Tóquio'],
    ['America/New_York', 'Nova Iorque'],
    ['America/Argentina/Buenos_Aires', 'Buenos Aires'],
  ])('%s', (zone, expected) => {
    expect(timeZoneCity(zone)).toBe(expected)
  })
})

describe('timeZoneNote: the zone as its city, never the IANA name', () => {
  it.each([
    ['Europe/Lisbon', 'Horas em Lisboa'],
    ['Atlantic/Azores', 'Horas em Ponta Delgada'],
    ['America/Sao_Paulo', 'Horas em São Paulo'],
    ['Asia/Tokyo', 'Horas em Tóquio'],
    ['America/Argentina/Buenos_Aires', 'Horas em Buenos Aires'],
    ['UTC', 'Horas em UTC'],
  ])('%s', (zone, expected) => {
    expect(timeZoneNote(zone)).toBe(expected)
    expect(timeZoneNote(zone)).not.toContain('/')
  })
})
