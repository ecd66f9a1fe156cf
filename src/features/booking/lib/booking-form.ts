// Validation of the booking forms (employee wizard, admin "Nova sessão", especialista
// "Atribuir"; reschedule and cancel are session-management's): pt-PT messages shown next to each field. Pure, so the
// rules are tested in a table; the database checks everything again.

import type { Enums } from '@/lib/database.types'
import { isValidDay } from './booking-days'
import type { Slot } from './free-slots'

type Pillar = Enums<'pillar'>
type MeetingType = Enums<'meeting_type'>

export const PILLARS = [
  'saude_mental',
  'bem_estar_fisico',
  'assistencia_financeira',
  'assistencia_juridica',
] as const satisfies readonly Pillar[]

export const MEETING_TYPES = ['virtual', 'phone', 'presencial'] as const satisfies readonly MeetingType[]

export type BookingDraft = {
  company: string
  employee: string
  pillar: Pillar | ''
  prestador: string
  /** "YYYY-MM-DD" in the viewer's zone, as a date input gives it ('' when empty). */
  day: string
  slot: Slot | null
  meetingType: MeetingType | ''
}

export type BookingField = keyof BookingDraft
export type BookingFieldErrors = Partial<Record<BookingField, string>>

export const EMPTY_DRAFT: BookingDraft = {
  company: '',
  employee: '',
  pillar: '',
  prestador: '',
  day: '',
  slot: null,
  meetingType: '',
}

export const BOOKING_FIELD_MESSAGES = {
  company: 'Escolha a empresa.',
  employee: 'Escolha o colaborador.',
  pillar: 'Escolha a área da sessão.',
  prestador: 'Escolha um prestador.',
  dayMissing: 'Escolha o dia.',
  dayInvalid: 'Indique uma data válida.',
  dayPast: 'Escolha hoje ou um dia futuro.',
  slot: 'Escolha um horário livre.',
  meetingType: 'Escolha o tipo de sessão.',
} as const

function isMeetingType(value: string): value is MeetingType {
  return (MEETING_TYPES as readonly string[]).includes(value)
}

/**
 * Errors of the `fields` the form has, in the order they appear. `today` is today's date in
 * the viewer's zone ("YYYY-MM-DD"); a day before it is refused.
 */
export function validateBookingDraft(
  draft: BookingDraft,
  fields: readonly BookingField[],
  today: string,
): BookingFieldErrors {
  const errors: BookingFieldErrors = {}
  for (const field of fields) {
    switch (field) {
      case 'company':
        if (!draft.company) errors.company = BOOKING_FIELD_MESSAGES.company
        break
      case 'employee':
        if (!draft.employee) errors.employee = BOOKING_FIELD_MESSAGES.employee
        break
      case 'pillar':
        if (!draft.pillar || !(PILLARS as readonly string[]).includes(draft.pillar)) errors.pillar = BOOKING_FIELD_MESSAGES.pillar
        break
      case 'prestador':
        if (!draft.prestador) errors.prestador = BOOKING_FIELD_MESSAGES.prestador
        break
      case 'day':
        errors.day = dayError(draft.day, today)
        if (!errors.day) delete errors.day
        break
      case 'slot':
        if (!draft.slot) errors.slot = BOOKING_FIELD_MESSAGES.slot
        break
      case 'meetingType':
        if (!isMeetingType(draft.meetingType)) errors.meetingType = BOOKING_FIELD_MESSAGES.meetingType
        break
    }
  }
  return errors
}

/** The day field's error, or undefined when it is a valid day from today on. */
export function dayError(day: string, today: string): string | undefined {
  if (!day) return BOOKING_FIELD_MESSAGES.dayMissing
  if (!isValidDay(day)) return BOOKING_FIELD_MESSAGES.dayInvalid
  if (day < today) return BOOKING_FIELD_MESSAGES.dayPast
  return undefined
}

export const LOCATION_MAX = 500
export const LOCATION_TOO_LONG = `O local pode ter no máximo ${LOCATION_MAX} caracteres.`
