import type { Enums } from '@/lib/database.types'
import type { BadgeTone } from '@/components/ui'

export type Pillar = Enums<'pillar'>
export type MeetingType = Enums<'meeting_type'>
export type BookingStatus = Enums<'booking_status'>
export type BookingSource = Enums<'booking_source'>
export type CallRequestStatus = Enums<'call_request_status'>

// The one place for pt-PT labels of the schema's enums.

export const PILLAR_LABELS: Record<Pillar, string> = {
  saude_mental: 'Saúde mental',
  bem_estar_fisico: 'Bem-estar físico',
  assistencia_financeira: 'Assistência financeira',
  assistencia_juridica: 'Assistência jurídica',
}

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  virtual: 'Virtual',
  phone: 'Telefone',
  presencial: 'Presencial',
}

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  pending: 'Pendente',
  scheduled: 'Agendada',
  completed: 'Realizada',
  cancelled: 'Cancelada',
  no_show: 'Faltou',
}

export const BOOKING_STATUS_TONES: Record<BookingStatus, BadgeTone> = {
  pending: 'warning',
  scheduled: 'brand',
  completed: 'success',
  cancelled: 'danger',
  no_show: 'warning',
}

export const BOOKING_SOURCE_LABELS: Record<BookingSource, string> = {
  direct: 'Marcação direta',
  admin_manual: 'Marcada pelo administrador',
  specialist_referral: 'Encaminhamento por especialista',
}

export const CALL_REQUEST_STATUS_LABELS: Record<CallRequestStatus, string> = {
  open: 'Em espera',
  assigned: 'Atribuído',
  closed: 'Fechado',
}

export const pillarLabel = (pillar: Pillar): string => PILLAR_LABELS[pillar]
export const meetingTypeLabel = (type: MeetingType): string => MEETING_TYPE_LABELS[type]
export const bookingStatusLabel = (status: BookingStatus): string => BOOKING_STATUS_LABELS[status]
export const bookingStatusTone = (status: BookingStatus): BadgeTone => BOOKING_STATUS_TONES[status]
export const bookingSourceLabel = (source: BookingSource): string => BOOKING_SOURCE_LABELS[source]
export const callRequestStatusLabel = (status: CallRequestStatus): string => CALL_REQUEST_STATUS_LABELS[status]
