import { BLOCKED_REASON_MAX_LENGTH, formatBlockedDay, isCalendarDate, todayIn, validateBlockedDate } from './blocked-dates'

describe('todayIn (the prestador zone, never the browser zone)', () => {
  it.each([
    // 00:30 UTC on the night Lisbon moves to summer time (01:00 UTC).
    ['2026-03-29T00:30:00Z', 'Europe/Lisbon', '2026-03-29'],
    ['2026-03-29T00:30:00Z', 'America/Sao_Paulo', '2026-03-28'],
    ['2026-03-29T00:30:00Z', 'Asia/Tokyo', '2026-03-29'],
    // 23:30 UTC in Lisbon summer time is already the next day there.
    ['2026-07-31T23:30:00Z', 'Europe/Lisbon', '2026-08-01'],
    ['2026-07-31T23:30:00Z', 'America/Sao_Paulo', '2026-07-31'],
    ['2026-07-31T15:30:00Z', 'Asia/Tokyo', '2026-08-01'],
    // The night Lisbon goes back to winter time.
    ['2026-10-25T00:59:59Z', 'Europe/Lisbon', '2026-10-25'],
    ['2026-10-24T23:00:00Z', 'Europe/Lisbon', '2026-10-25'],
    ['2026-10-24T22:59:59Z', 'Europe/Lisbon', '2026-10-24'],
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(todayIn(zone, Date.parse(instant))).toBe(day)
    expect(todayIn(zone, new Date(instant))).toBe(day)
  })
})

describe('isCalendarDate', () => {
  it.each([
    ['2026-12-05', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['05/12/2026', false],
    ['', false],
  ])('%j -> %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected)
  })
})

describe('validateBlockedDate', () => {
  const ctx = { today: '2026-11-25', blocked: ['2026-12-01', '2026-12-24'] }

  it.each([
    ['today', '2026-11-25', '', { ok: true, day: '2026-11-25', reason: null }],
    ['tomorrow with a reason', '2026-11-26', ' Férias ', { ok: true, day: '2026-11-26', reason: 'Férias' }],
    ['next year', '2027-01-04', 'Formação', { ok: true, day: '2027-01-04', reason: 'Formação' }],
    ['a reason of exactly the maximum', '2026-12-02', 'x'.repeat(BLOCKED_REASON_MAX_LENGTH), { ok: true }],
  ])('accepts %s', (_label, day, reason, expected) => {
    expect(validateBlockedDate({ day, reason }, ctx)).toMatchObject(expected)
  })

  it.each([
    ['no day', '', '', { day: 'day_required' }],
    ['a day that does not exist', '2026-02-30', '', { day: 'day_invalid' }],
    ['yesterday', '2026-11-24', '', { day: 'day_in_past' }],
    ['last year', '2025-12-24', '', { day: 'day_in_past' }],
    ['a day already blocked', '2026-12-24', '', { day: 'duplicate' }],
    ['a reason that is too long', '2026-12-02', 'x'.repeat(BLOCKED_REASON_MAX_LENGTH + 1), { reason: 'reason_too_long' }],
    ['both', '2026-11-01', 'y'.repeat(BLOCKED_REASON_MAX_LENGTH + 1), { day: 'day_in_past', reason: 'reason_too_long' }],
  ])('refuses %s', (_label, day, reason, problems) => {
    expect(validateBlockedDate({ day, reason }, ctx)).toEqual({ ok: false, ...problems })
  })
})

describe('formatBlockedDay (a calendar date, the same in every browser zone)', () => {
  it.each([
    ['2026-12-05', 'sábado, 5 de dezembro de 2026'],
    ['2026-03-29', 'domingo, 29 de março de 2026'],
    ['2026-10-25', 'domingo, 25 de outubro de 2026'],
    ['2027-01-01', 'sexta-feira, 1 de janeiro de 2027'],
    ['2028-02-29', 'terça-feira, 29 de fevereiro de 2028'],
  ])('%s -> %s', (day, text) => {
    expect(formatBlockedDay(day)).toBe(text)
  })

  it('refuses what is not a date', () => {
    expect(() => formatBlockedDay('2026-02-30')).toThrow(RangeError)
  })
})
