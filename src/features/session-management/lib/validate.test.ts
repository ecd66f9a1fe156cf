import {
  CANCEL_REASON_MAX_LENGTH,
  endTimeFor,
  initialRescheduleValues,
  parseTime,
  reasonLength,
  slotDayError,
  usableTimeZone,
  validateCancelReason,
  validateReschedule,
  validateSlotChoice,
  VALIDATION_MESSAGES as M,
} from './validate'

// Runs in the rules:* projects, i.e. once per browser zone (Lisbon, São Paulo, Tokyo): the
// results must only depend on the zone passed in, never on the machine's.

const NOW = Date.parse('2026-11-20T10:00:00Z')

describe('validateCancelReason', () => {
  it.each([
    ['', M.reasonRequired],
    ['   \n\t ', M.reasonRequired],
    ['x'.repeat(CANCEL_REASON_MAX_LENGTH + 1), M.reasonTooLong],
  ])('refuses %j', (text, error) => {
    expect(validateCancelReason(text)).toEqual({ ok: false, error })
  })

  it.each(['Doente', 'x'.repeat(CANCEL_REASON_MAX_LENGTH), ` ${'x'.repeat(CANCEL_REASON_MAX_LENGTH)} `])('accepts %j', (text) => {
    expect(validateCancelReason(text)).toEqual({ ok: true, reason: text.trim() })
  })

  it.each<[string, string, ReturnType<typeof validateCancelReason>]>([
    ['empty', '', { ok: true, reason: '' }],
    ['blank', '  \n ', { ok: true, reason: '' }],
    ['a reason', ' Consulta médica ', { ok: true, reason: 'Consulta médica' }],
    ['too long', 'x'.repeat(CANCEL_REASON_MAX_LENGTH + 1), { ok: false, error: M.reasonTooLong }],
  ])('optional (the employee): %s', (_name, text, expected) => {
    expect(validateCancelReason(text, { optional: true })).toEqual(expected)
  })

  it('accepts up to 500 characters after trimming, and sends the trimmed text', () => {
    const text = `  ${'a'.repeat(CANCEL_REASON_MAX_LENGTH)}  `
    expect(validateCancelReason(text)).toEqual({ ok: true, reason: 'a'.repeat(CANCEL_REASON_MAX_LENGTH) })
  })

  it('counts characters like the database (an emoji is one character, not two)', () => {
    const text = '😀'.repeat(CANCEL_REASON_MAX_LENGTH)
    expect(text.length).toBe(1000)
    expect(reasonLength(text)).toBe(500)
    expect(validateCancelReason(text).ok).toBe(true)
  })
})

describe('validateSlotChoice (reschedule into a free slot)', () => {
  const TODAY = '2026-11-25'
  const SLOT = { starts_at: '2026-12-02T09:00:00.000Z', ends_at: '2026-12-02T09:45:00.000Z' }

  it.each<[string, string | undefined]>([
    ['', M.dateRequired],
    ['2026-11-25', undefined],
    ['2027-01-01', undefined],
    ['2025-12-31', M.dayPast],
    ['2026-11-24', M.dayPast],
    ['2026-13-01', M.dateInvalid],
    ['2026-02-30', M.dateInvalid],
    ['amanhã', M.dateInvalid],
  ])('day %j', (day, expected) => {
    expect(slotDayError(day, TODAY)).toBe(expected)
  })

  it('needs a valid day and a slot, and reports both at once', () => {
    expect(validateSlotChoice('2026-12-02', SLOT, TODAY)).toEqual({ ok: true, slot: SLOT })
    expect(validateSlotChoice('2026-12-02', null, TODAY)).toEqual({ ok: false, errors: { slot: M.slotRequired } })
    expect(validateSlotChoice('', null, TODAY)).toEqual({ ok: false, errors: { day: M.dateRequired, slot: M.slotRequired } })
    expect(validateSlotChoice('2026-11-01', SLOT, TODAY)).toEqual({ ok: false, errors: { day: M.dayPast } })
  })

  it('says a taken slot in the words the other booking paths use', () => {
    expect(M.slotTaken).toBe('Este horário acabou de ser reservado.')
  })
})

describe('parseTime', () => {
  it.each([
    ['09:05', { hour: 9, minute: 5 }],
    ['23:59', { hour: 23, minute: 59 }],
    ['14:00:00', { hour: 14, minute: 0 }],
    ['24:00', null],
    ['9:05', null],
    ['12:60', null],
    ['', null],
  ])('%j', (text, expected) => {
    expect(parseTime(text)).toEqual(expected)
  })
})

describe('initialRescheduleValues', () => {
  it.each([
    ['Europe/Lisbon', { date: '2026-11-25', start: '14:00', end: '14:50' }],
    ['America/Sao_Paulo', { date: '2026-11-25', start: '11:00', end: '11:50' }],
    ['Asia/Tokyo', { date: '2026-11-25', start: '23:00', end: '23:50' }],
  ])('shows the session in the viewer zone %s', (zone, expected) => {
    expect(initialRescheduleValues({ starts_at: '2026-11-25T14:00:00+00:00', ends_at: '2026-11-25T14:50:00+00:00' }, zone)).toEqual(expected)
  })

  it('uses summer time in Lisbon', () => {
    expect(
      initialRescheduleValues({ starts_at: '2026-07-01T08:30:00.000000+00:00', ends_at: '2026-07-01T09:20:00+00:00' }, 'Europe/Lisbon'),
    ).toEqual({ date: '2026-07-01', start: '09:30', end: '10:20' })
  })

  it('leaves the fields empty for an unreadable timestamp', () => {
    expect(initialRescheduleValues({ starts_at: 'nope', ends_at: 'nope' }, 'Europe/Lisbon')).toEqual({ date: '', start: '', end: '' })
  })
})

describe('endTimeFor', () => {
  it('keeps the duration after a new start', () => {
    expect(endTimeFor('2026-11-26', '09:30', 50 * 60_000, 'Europe/Lisbon')).toBe('10:20')
  })

  it('counts real time across the spring change (Lisbon, 29 Mar 2026: 01:00 -> 02:00)', () => {
    // 00:30 + 60 min of real time is 02:30 on the clocks.
    expect(endTimeFor('2026-03-29', '00:30', 60 * 60_000, 'Europe/Lisbon')).toBe('02:30')
  })

  it('is null while the date or time is incomplete', () => {
    expect(endTimeFor('', '09:30', 3_600_000, 'Europe/Lisbon')).toBeNull()
    expect(endTimeFor('2026-11-26', '', 3_600_000, 'Europe/Lisbon')).toBeNull()
  })
})

describe('validateReschedule', () => {
  it('turns the wall-clock times of the viewer zone into instants', () => {
    expect(validateReschedule({ date: '2026-11-26', start: '09:30', end: '10:20' }, 'Europe/Lisbon', NOW)).toEqual({
      ok: true,
      startsAt: '2026-11-26T09:30:00.000Z',
      endsAt: '2026-11-26T10:20:00.000Z',
    })
    expect(validateReschedule({ date: '2026-11-26', start: '09:30', end: '10:20' }, 'America/Sao_Paulo', NOW)).toEqual({
      ok: true,
      startsAt: '2026-11-26T12:30:00.000Z',
      endsAt: '2026-11-26T13:20:00.000Z',
    })
    expect(validateReschedule({ date: '2026-07-01', start: '09:30', end: '10:20' }, 'Europe/Lisbon', Date.parse('2026-06-01T00:00:00Z'))).toEqual({
      ok: true,
      startsAt: '2026-07-01T08:30:00.000Z',
      endsAt: '2026-07-01T09:20:00.000Z',
    })
  })

  it.each([
    ['missing date', { date: '', start: '09:30', end: '10:20' }, { date: M.dateRequired }],
    ['impossible date', { date: '2026-02-30', start: '09:30', end: '10:20' }, { date: M.dateInvalid }],
    ['missing start', { date: '2026-11-26', start: '', end: '10:20' }, { start: M.startRequired }],
    ['missing end', { date: '2026-11-26', start: '09:30', end: '' }, { end: M.endRequired }],
    ['end before start', { date: '2026-11-26', start: '10:20', end: '09:30' }, { end: M.endBeforeStart }],
    ['end equal to start', { date: '2026-11-26', start: '10:20', end: '10:20' }, { end: M.endBeforeStart }],
    ['longer than 8 hours', { date: '2026-11-26', start: '08:00', end: '16:01' }, { end: M.tooLong }],
    ['start in the past', { date: '2026-11-20', start: '09:00', end: '09:50' }, { start: M.startInPast }],
    ['start exactly now', { date: '2026-11-20', start: '10:00', end: '10:50' }, { start: M.startInPast }],
    ['in the past and reversed', { date: '2026-11-19', start: '10:00', end: '09:00' }, { start: M.startInPast, end: M.endBeforeStart }],
    ['a wall time skipped by the spring change', { date: '2027-03-28', start: '01:30', end: '03:00' }, { start: M.startDoesNotExist }],
  ])('refuses %s', (_name, values, errors) => {
    expect(validateReschedule(values, 'Europe/Lisbon', NOW)).toEqual({ ok: false, errors })
  })

  it('accepts exactly 8 hours', () => {
    expect(validateReschedule({ date: '2026-11-26', start: '08:00', end: '16:00' }, 'Europe/Lisbon', NOW).ok).toBe(true)
  })

  it('falls back to Europe/Lisbon for an unknown zone instead of throwing', () => {
    expect(usableTimeZone('Mars/Olympus')).toBe('Europe/Lisbon')
    expect(validateReschedule({ date: '2026-11-26', start: '09:30', end: '10:20' }, 'Mars/Olympus', NOW)).toMatchObject({
      ok: true,
      startsAt: '2026-11-26T09:30:00.000Z',
    })
  })
})
