import { describe, expect, it } from 'vitest'
import {
  FILTER_MESSAGES,
  NO_FILTERS,
  draftOf,
  hasFilters,
  readAdminFilters,
  readPage,
  validateAdminFilterDraft,
  writeAdminFilters,
  type AdminBookingFilters,
  type AdminFilterDraft,
} from './admin-filters'

const COMPANY = '10000000-0000-4000-8000-000000000001'
const PRESTADOR = '20000000-0000-4000-8000-000000000004'

describe('readAdminFilters', () => {
  it.each<[string, string, Partial<AdminBookingFilters>]>([
    ['nothing', '', {}],
    ['every filter', `company=${COMPANY}&prestador=${PRESTADOR}&status=scheduled&type=virtual&from=2026-11-01&to=2026-11-30`, {
      company: COMPANY, prestador: PRESTADOR, status: 'scheduled', type: 'virtual', from: '2026-11-01', to: '2026-11-30',
    }],
    ['a malformed id is ignored (never sent to the server)', 'company=acme&prestador=1%27%20or%201=1', {}],
    ['an unknown status or type is ignored', 'status=lost&type=video', {}],
    ['a day that does not exist is ignored', 'from=2026-02-30&to=2026-11-30', { to: '2026-11-30' }],
    ['an inverted range keeps the first day only', 'from=2026-12-01&to=2026-11-01', { from: '2026-12-01' }],
    ['ids are compared lower-case', `company=${COMPANY.toUpperCase()}`, { company: COMPANY }],
    ['"Virtual sem link" over a range', 'missing_link=1&from=2026-11-01&to=2026-12-31', { missingLink: true, from: '2026-11-01', to: '2026-12-31' }],
    ['"Virtual sem link" only as 1', 'missing_link=true', {}],
  ])('%s', (_label, query, expected) => {
    expect(readAdminFilters(new URLSearchParams(query))).toEqual({ ...NO_FILTERS, ...expected })
  })
})

describe('readPage', () => {
  it.each([
    ['', 1],
    ['page=3', 3],
    ['page=0', 1],
    ['page=-2', 1],
    ['page=2.5', 1],
    ['page=abc', 1],
  ])('%s -> %i', (query, expected) => {
    expect(readPage(new URLSearchParams(query))).toBe(expected)
  })
})

describe('writeAdminFilters', () => {
  it.each<[string, Partial<AdminBookingFilters>, number, string]>([
    ['nothing, page 1', {}, 1, ''],
    ['page 2 only', {}, 2, 'page=2'],
    ['some filters', { status: 'cancelled', from: '2026-11-01' }, 1, 'status=cancelled&from=2026-11-01'],
    ['everything', { company: COMPANY, prestador: PRESTADOR, status: 'scheduled', type: 'phone', from: '2026-11-01', to: '2026-11-02' }, 4,
      `company=${COMPANY}&prestador=${PRESTADOR}&status=scheduled&type=phone&from=2026-11-01&to=2026-11-02&page=4`],
    ['"Virtual sem link"', { missingLink: true, from: '2026-11-01' }, 1, 'missing_link=1&from=2026-11-01'],
  ])('%s', (_label, filters, page, expected) => {
    expect(writeAdminFilters({ ...NO_FILTERS, ...filters }, page).toString()).toBe(expected)
  })

  it('round-trips through the URL', () => {
    const filters: AdminBookingFilters = { company: COMPANY, prestador: null, status: 'pending', type: 'presencial', missingLink: false, from: '2026-11-01', to: null }
    const missing: AdminBookingFilters = { ...NO_FILTERS, type: 'virtual', missingLink: true, to: '2026-12-31' }
    expect(readAdminFilters(writeAdminFilters(missing))).toEqual(missing)
    expect(readAdminFilters(writeAdminFilters(filters, 3))).toEqual(filters)
    expect(readPage(writeAdminFilters(filters, 3))).toBe(3)
  })
})

describe('validateAdminFilterDraft', () => {
  const empty = draftOf(NO_FILTERS)
  it.each<[string, Partial<AdminFilterDraft>, ReturnType<typeof validateAdminFilterDraft>]>([
    ['empty form: no filters', {}, { ok: true, filters: NO_FILTERS }],
    ['a range', { from: '2026-11-01', to: '2026-11-30' }, { ok: true, filters: { ...NO_FILTERS, from: '2026-11-01', to: '2026-11-30' } }],
    ['one day', { from: '2026-11-01', to: '2026-11-01' }, { ok: true, filters: { ...NO_FILTERS, from: '2026-11-01', to: '2026-11-01' } }],
    ['inverted range', { from: '2026-11-30', to: '2026-11-01' }, { ok: false, errors: { to: FILTER_MESSAGES.rangeInverted } }],
    ['invalid days', { from: '31/11/2026', to: '2026-02-30' }, { ok: false, errors: { from: FILTER_MESSAGES.dayInvalid, to: FILTER_MESSAGES.dayInvalid } }],
    ['status and type', { status: 'completed', type: 'virtual' }, { ok: true, filters: { ...NO_FILTERS, status: 'completed', type: 'virtual' } }],
    ['"Virtual sem link" with any type or virtual', { missingLink: true }, { ok: true, filters: { ...NO_FILTERS, missingLink: true } }],
    ['"Virtual sem link" with phone: said next to the type', { missingLink: true, type: 'phone' }, { ok: false, errors: { type: FILTER_MESSAGES.missingLinkType } }],
  ])('%s', (_label, draft, expected) => {
    expect(validateAdminFilterDraft({ ...empty, ...draft })).toEqual(expected)
  })

  it('hasFilters', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false)
    expect(hasFilters({ ...NO_FILTERS, type: 'phone' })).toBe(true)
    expect(hasFilters({ ...NO_FILTERS, missingLink: true })).toBe(true)
  })
})
