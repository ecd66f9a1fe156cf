import { describe, expect, it } from 'vitest'
import { waitingTimeLabel } from './waiting-time'

describe('waitingTimeLabel', () => {
  const now = Date.parse('2026-11-25T12:00:00Z')
  it.each([
    ['2026-11-25T12:00:00Z', 'menos de 1 minuto'],
    ['2026-11-25T12:05:00Z', 'menos de 1 minuto'], // clock skew: never negative
    ['2026-11-25T11:59:00Z', '1 minuto'],
    ['2026-11-25T11:15:00Z', '45 minutos'],
    ['2026-11-25T11:00:00Z', '1 hora'],
    ['2026-11-25T09:00:00+00:00', '3 horas'],
    ['2026-11-24T12:00:00Z', '1 dia'],
    ['2026-11-20T10:00:00Z', '5 dias'],
    ['not a date', 'menos de 1 minuto'],
  ])('%s -> %s', (createdAt, expected) => {
    expect(waitingTimeLabel(createdAt, now)).toBe(expected)
  })
})
