// pt-PT date texts shared by every page: "seg., 30 nov., 15:00–15:50" in a chosen IANA zone
// (the viewer's profile zone, not the browser's). Pure; built on Intl via zoned-time.
import { localDateTimeOf } from '@/lib/zoned-time'

const WEEKDAYS = ['dom.', 'seg.', 'ter.', 'qua.', 'qui.', 'sex.', 'sáb.'] as const
const WEEKDAYS_LONG = ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'] as const
const MONTHS = ['jan.', 'fev.', 'mar.', 'abr.', 'mai.', 'jun.', 'jul.', 'ago.', 'set.', 'out.', 'nov.', 'dez.'] as const
const MONTHS_LONG = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'] as const
const FALLBACK_TIME_ZONE = 'Europe/Lisbon'

const pad2 = (n: number) => String(n).padStart(2, '0')

/** Strict ISO instant with an offset or Z; anything else is NaN (never the browser's zone). */
function instantOf(iso: string): number {
  if (!/(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(iso.trim())) return Number.NaN
  return Date.parse(iso)
}

/** 0 = Sunday, for a calendar date (no zone involved). */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay()
}

/** "seg., 30 nov." for a calendar date. */
export function formatDayShort(year: number, month: number, day: number): string {
  return `${WEEKDAYS[weekdayOf(year, month, day)]}, ${day} ${MONTHS[month - 1]}`
}

/** "segunda-feira" for a calendar date (accessible names, headings). */
export function weekdayLong(year: number, month: number, day: number): string {
  return WEEKDAYS_LONG[weekdayOf(year, month, day)] ?? ''
}

/** "dez." for a month (1..12). */
export function monthShort(month: number): string {
  return MONTHS[month - 1] ?? ''
}

/** "segunda-feira, 30 de novembro" for a calendar date (accessible names of calendar days). */
export function formatDayLong(year: number, month: number, day: number): string {
  return `${weekdayLong(year, month, day)}, ${day} de ${MONTHS_LONG[month - 1]}`
}

/** Short weekday names starting on Monday, for calendar headers. */
export const WEEKDAY_HEADERS = [...WEEKDAYS.slice(1), WEEKDAYS[0]]

function parts(iso: string, timeZone: string) {
  const ms = instantOf(iso)
  if (Number.isNaN(ms)) return null
  for (const zone of [timeZone, FALLBACK_TIME_ZONE]) {
    try {
      return localDateTimeOf(ms, zone)
    } catch {
      // unknown zone: fall back to Lisbon rather than break a list while rendering
    }
  }
  return null
}

/** "seg., 30 nov., 15:00" in `timeZone`; "—" for an unparseable instant. Never throws. */
export function formatInstant(iso: string, timeZone: string): string {
  const p = parts(iso, timeZone)
  if (!p) return '—'
  return `${formatDayShort(p.year, p.month, p.day)}, ${pad2(p.hour)}:${pad2(p.minute)}`
}

/**
 * "seg., 30 nov., 15:00–15:50" in `timeZone`. A session crossing midnight names both days:
 * "seg., 30 nov., 23:30 – ter., 1 dez., 00:20". Never throws ("—" for bad input).
 */
export function formatSessionRange(startIso: string, endIso: string, timeZone: string): string {
  const s = parts(startIso, timeZone)
  const e = parts(endIso, timeZone)
  if (!s) return '—'
  const start = `${formatDayShort(s.year, s.month, s.day)}, ${pad2(s.hour)}:${pad2(s.minute)}`
  if (!e) return start
  const sameDay = s.year === e.year && s.month === e.month && s.day === e.day
  if (sameDay) return `${start}–${pad2(e.hour)}:${pad2(e.minute)}`
  return `${start} – ${formatDayShort(e.year, e.month, e.day)}, ${pad2(e.hour)}:${pad2(e.minute)}`
}

// pt-PT names of the cities of the zones people here are likely to have; any other zone reads
// as its own city ("America/New_York" -> "New York"), never as the raw IANA name.
const ZONE_CITIES: Record<string, string> = {
  'Europe/Lisbon': 'Lisboa',
  'Atlantic/Madeira': 'Funchal',
  'Atlantic/Azores': 'Ponta Delgada',
  'Europe/London': 'Londres',
  'Europe/Madrid': 'Madrid',
  'Europe/Paris': 'Paris',
  'Europe/Berlin': 'Berlim',
  'Europe/Brussels': 'Bruxelas',
  'Europe/Luxembourg': 'Luxemburgo',
  'Europe/Zurich': 'Zurique',
  'America/Sao_Paulo': 'São Paulo',
  'America/New_York': 'Nova Iorque',
  'Africa/Luanda': 'Luanda',
  'Africa/Maputo': 'Maputo',
  'Asia/Tokyo': 'Tóquio',
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
}

/** The city of an IANA zone in pt-PT: "Lisboa", "São Paulo"; the zone's last part otherwise. */
export function timeZoneCity(timeZone: string): string {
  const known = ZONE_CITIES[timeZone]
  if (known) return known
  const last = timeZone.split('/').pop()?.replaceAll('_', ' ').trim()
  return last || timeZone
}

/** "Horas em Lisboa": the note next to times that are in a zone ("Horas em São Paulo"). */
export function timeZoneNote(timeZone: string): string {
  return `Horas em ${timeZoneCity(timeZone)}`
}
