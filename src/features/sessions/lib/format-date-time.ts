// TEMPORARY: src/features/meeting-link (another engineer) provides
// formatSessionDateTime(iso, timeZone); its public index ('@/features/meeting-link') did
// not exist yet when this was written. Replace the body with that function once it does.
// Same output shape: "15 nov. 2025 às 14:00", in the profile's zone, not the browser's.

const FALLBACK_TIME_ZONE = 'Europe/Lisbon'
const MONTHS_PT = ['jan.', 'fev.', 'mar.', 'abr.', 'mai.', 'jun.', 'jul.', 'ago.', 'set.', 'out.', 'nov.', 'dez.']
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    // en-US + latn for plain numeric parts (pt-PT patterns vary between ICU versions).
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      numberingSystem: 'latn',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, f)
  }
  return f
}

const pad2 = (n: string | undefined) => (n ?? '').padStart(2, '0')

/** "15 nov. 2025 às 14:00" in `timeZone`; an unknown zone falls back to Europe/Lisbon. */
export function formatDateTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return '—'
  let formatter: Intl.DateTimeFormat
  try {
    formatter = formatterFor(timeZone)
  } catch {
    formatter = formatterFor(FALLBACK_TIME_ZONE)
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {}
  for (const p of formatter.formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = p.value
  const month = MONTHS_PT[Number(parts.month) - 1] ?? ''
  return `${parts.day} ${month} ${parts.year} às ${pad2(parts.hour)}:${pad2(parts.minute)}`
}
