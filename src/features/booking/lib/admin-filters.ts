// The admin bookings table's filters live in the URL (?company=&prestador=&status=&type=&missing_link=1&from=&to=&page=),
// so a reload, the back button or a shared link keep them. Reading is forgiving (an unknown
// value is ignored); the filter form validates what a person typed before writing it.

import type { Enums } from '@/lib/database.types'
import { isValidDay } from './booking-days'
import { MEETING_TYPES } from './booking-form'

type BookingStatus = Enums<'booking_status'>
type MeetingType = Enums<'meeting_type'>

export const BOOKING_STATUSES = ['pending', 'scheduled', 'completed', 'no_show', 'cancelled'] as const satisfies readonly BookingStatus[]

export type AdminBookingFilters = {
  company: string | null
  prestador: string | null
  status: BookingStatus | null
  type: MeetingType | null
  /** "Virtual sem link": active virtual sessions that have no meeting link (any dates). */
  missingLink: boolean
  /** First and last calendar day ("YYYY-MM-DD", both included) in the admin's zone. */
  from: string | null
  to: string | null
}

export const NO_FILTERS: AdminBookingFilters = {
  company: null,
  prestador: null,
  status: null,
  type: null,
  missingLink: false,
  from: null,
  to: null,
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null

/** Filters from the URL; anything malformed is dropped (never sent to the server). */
export function readAdminFilters(params: URLSearchParams): AdminBookingFilters {
  const uuid = (key: string) => {
    const value = params.get(key)
    return value && UUID.test(value) ? value.toLowerCase() : null
  }
  const day = (key: string) => {
    const value = params.get(key)
    return value && isValidDay(value) ? value : null
  }
  const from = day('from')
  let to = day('to')
  // An inverted range from a hand-edited URL would match nothing: keep the first day only.
  if (from && to && to < from) to = null
  return {
    company: uuid('company'),
    prestador: uuid('prestador'),
    status: oneOf(BOOKING_STATUSES, params.get('status')),
    type: oneOf(MEETING_TYPES, params.get('type')),
    missingLink: params.get(MISSING_LINK_PARAM) === '1',
    from,
    to,
  }
}

const MISSING_LINK_PARAM = 'missing_link'

/** 1-based page from `?page=`, 1 when absent or malformed. */
export function readPage(params: URLSearchParams): number {
  const n = Number(params.get('page'))
  return Number.isInteger(n) && n >= 1 ? n : 1
}

/** The search params for these filters and page (empty ones and page 1 left out). */
export function writeAdminFilters(filters: AdminBookingFilters, page = 1): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of ['company', 'prestador', 'status', 'type'] as const) {
    const value = filters[key]
    if (value) params.set(key, value)
  }
  if (filters.missingLink) params.set(MISSING_LINK_PARAM, '1')
  for (const key of ['from', 'to'] as const) {
    const value = filters[key]
    if (value) params.set(key, value)
  }
  if (page > 1) params.set('page', String(page))
  return params
}

export function hasFilters(filters: AdminBookingFilters): boolean {
  return Object.values(filters).some((v) => v !== null && v !== false)
}

/** What the filter form holds while a person edits it (select and date inputs give strings). */
export type AdminFilterDraft = { [K in Exclude<keyof AdminBookingFilters, 'missingLink'>]: string } & { missingLink: boolean }

export function draftOf(filters: AdminBookingFilters): AdminFilterDraft {
  return {
    company: filters.company ?? '',
    prestador: filters.prestador ?? '',
    status: filters.status ?? '',
    type: filters.type ?? '',
    missingLink: filters.missingLink,
    from: filters.from ?? '',
    to: filters.to ?? '',
  }
}

export const FILTER_MESSAGES = {
  dayInvalid: 'Indique uma data válida.',
  rangeInverted: 'A data final tem de ser igual ou posterior à data inicial.',
  missingLinkType: 'O filtro «Virtual sem link» só mostra sessões virtuais: escolha o tipo «Virtual» ou «Todos».',
} as const

export type AdminFilterErrors = Partial<Record<keyof AdminBookingFilters, string>>

/** Validates the form; on success gives the filters to write to the URL. */
export function validateAdminFilterDraft(
  draft: AdminFilterDraft,
): { ok: true; filters: AdminBookingFilters } | { ok: false; errors: AdminFilterErrors } {
  const errors: AdminFilterErrors = {}
  const from = draft.from.trim()
  const to = draft.to.trim()
  if (from && !isValidDay(from)) errors.from = FILTER_MESSAGES.dayInvalid
  if (to && !isValidDay(to)) errors.to = FILTER_MESSAGES.dayInvalid
  if (!errors.from && !errors.to && from && to && to < from) errors.to = FILTER_MESSAGES.rangeInverted
  if (draft.missingLink && draft.type && draft.type !== 'virtual') errors.type = FILTER_MESSAGES.missingLinkType
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    filters: {
      company: draft.company && UUID.test(draft.company) ? draft.company : null,
      prestador: draft.prestador && UUID.test(draft.prestador) ? draft.prestador : null,
      status: oneOf(BOOKING_STATUSES, draft.status || null),
      type: oneOf(MEETING_TYPES, draft.type || null),
      missingLink: draft.missingLink,
      from: from || null,
      to: to || null,
    },
  }
}
