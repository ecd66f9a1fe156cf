import { describe, expect, it } from 'vitest'
import {
  BOOKING_FIELD_MESSAGES as M,
  EMPTY_DRAFT,
  dayError,
  validateBookingDraft,
  type BookingDraft,
  type BookingField,
  type BookingFieldErrors,
} from './booking-form'

const TODAY = '2026-11-25'
const SLOT = { starts_at: '2026-12-02T09:00:00.000Z', ends_at: '2026-12-02T09:45:00.000Z' }
const EMPLOYEE_FIELDS: BookingField[] = ['pillar', 'prestador', 'day', 'slot', 'meetingType']
const full: BookingDraft = {
  ...EMPTY_DRAFT,
  pillar: 'bem_estar_fisico',
  prestador: 'p-1',
  day: '2026-12-02',
  slot: SLOT,
  meetingType: 'virtual',
}

describe('validateBookingDraft', () => {
  it.each<[string, Partial<BookingDraft>, BookingField[], BookingFieldErrors]>([
    ['a complete employee booking', {}, EMPLOYEE_FIELDS, {}],
    ['nothing chosen', EMPTY_DRAFT, EMPLOYEE_FIELDS, {
      pillar: M.pillar, prestador: M.prestador, day: M.dayMissing, slot: M.slot, meetingType: M.meetingType,
    }],
    ['a day in the past', { day: '2026-11-24' }, EMPLOYEE_FIELDS, { day: M.dayPast }],
    ['today is fine', { day: TODAY }, EMPLOYEE_FIELDS, {}],
    ['a day that does not exist', { day: '2026-02-30' }, EMPLOYEE_FIELDS, { day: M.dayInvalid }],
    ['garbage typed in the date', { day: 'amanhã' }, EMPLOYEE_FIELDS, { day: M.dayInvalid }],
    ['no slot picked', { slot: null }, EMPLOYEE_FIELDS, { slot: M.slot }],
    ['an unknown meeting type', { meetingType: 'video' as BookingDraft['meetingType'] }, EMPLOYEE_FIELDS, { meetingType: M.meetingType }],
    ['an unknown pillar', { pillar: 'yoga' as BookingDraft['pillar'] }, EMPLOYEE_FIELDS, { pillar: M.pillar }],
    ['admin: company and employee missing', {}, ['company', 'employee', 'prestador', 'day', 'slot', 'meetingType'], {
      company: M.company, employee: M.employee,
    }],
    ['only the fields the form has are checked', EMPTY_DRAFT, ['slot'], { slot: M.slot }],
  ])('%s', (_label, overrides, fields, expected) => {
    expect(validateBookingDraft({ ...full, ...overrides }, fields, TODAY)).toEqual(expected)
  })
})

describe('dayError', () => {
  it.each<[string, string | undefined]>([
    ['', M.dayMissing],
    ['2026-11-25', undefined],
    ['2027-01-01', undefined],
    ['2025-12-31', M.dayPast],
    ['2026-13-01', M.dayInvalid],
  ])('%s', (day, expected) => {
    expect(dayError(day, TODAY)).toBe(expected)
  })
})
