import {
  BOOKING_STATUS_LABELS,
  bookingSourceLabel,
  bookingStatusLabel,
  bookingStatusTone,
  callRequestStatusLabel,
  meetingTypeLabel,
  pillarLabel,
} from './labels'

describe('labels (pt-PT)', () => {
  it.each([
    ['saude_mental', 'Saúde mental'],
    ['bem_estar_fisico', 'Bem-estar físico'],
    ['assistencia_financeira', 'Assistência financeira'],
    ['assistencia_juridica', 'Assistência jurídica'],
  ] as const)('pillar %s -> %s', (pillar, label) => {
    expect(pillarLabel(pillar)).toBe(label)
  })

  it.each([
    ['virtual', 'Virtual'],
    ['phone', 'Telefone'],
    ['presencial', 'Presencial'],
  ] as const)('meeting type %s -> %s', (type, label) => {
    expect(meetingTypeLabel(type)).toBe(label)
  })

  it.each([
    ['pending', 'Pendente', 'warning'],
    ['scheduled', 'Agendada', 'brand'],
    ['completed', 'Realizada', 'success'],
    ['cancelled', 'Cancelada', 'danger'],
    ['no_show', 'Faltou', 'warning'],
  ] as const)('booking status %s -> %s (%s)', (status, label, tone) => {
    expect(bookingStatusLabel(status)).toBe(label)
    expect(bookingStatusTone(status)).toBe(tone)
  })

  it('labels every booking source and call request status', () => {
    expect(bookingSourceLabel('direct')).toBe('Marcação direta')
    expect(bookingSourceLabel('admin_manual')).toBe('Marcada pelo administrador')
    expect(bookingSourceLabel('specialist_referral')).toBe('Encaminhamento por especialista')
    expect(callRequestStatusLabel('open')).toBe('Em espera')
    expect(callRequestStatusLabel('assigned')).toBe('Atribuído')
    expect(callRequestStatusLabel('closed')).toBe('Fechado')
  })

  it('has no duplicate status labels', () => {
    const labels = Object.values(BOOKING_STATUS_LABELS)
    expect(new Set(labels).size).toBe(labels.length)
  })
})
