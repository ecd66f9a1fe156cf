import { formatDateTime } from './format-date-time'

describe('formatDateTime', () => {
  it.each([
    ['2025-11-15T14:00:00Z', 'Europe/Lisbon', '15 nov. 2025 às 14:00'],
    ['2025-07-15T14:00:00Z', 'Europe/Lisbon', '15 jul. 2025 às 15:00'],
    ['2025-11-15T14:00:00Z', 'America/Sao_Paulo', '15 nov. 2025 às 11:00'],
    ['2025-11-15T23:30:00+00:00', 'Asia/Tokyo', '16 nov. 2025 às 08:30'],
  ])('%s in %s -> %s (whatever the browser zone)', (iso, zone, expected) => {
    expect(formatDateTime(iso, zone)).toBe(expected)
  })

  it('falls back to Europe/Lisbon for an unknown zone instead of throwing', () => {
    expect(formatDateTime('2025-07-15T14:00:00Z', 'Mars/Olympus')).toBe('15 jul. 2025 às 15:00')
  })

  it('shows a dash for an unreadable timestamp', () => {
    expect(formatDateTime('not a date', 'Europe/Lisbon')).toBe('—')
  })
})
