// Leaf import on purpose (not the '@/features/meeting-link' barrel): the barrel also loads
// that feature's hooks, which import '@/features/sessions' (an import cycle) and zod (~5 KB gz
// on every session page's first load). Switch to a lighter public entry if one appears.
import { formatSessionDateTime } from '@/features/meeting-link/lib/format-session-time'

const FALLBACK_TIME_ZONE = 'Europe/Lisbon'

/**
 * "15 nov. 2025 às 14:00" in `timeZone` (the profile's zone, not the browser's), via the
 * meeting-link feature's formatSessionDateTime. Never throws while rendering a list: an
 * unknown zone falls back to Europe/Lisbon, an unparseable timestamp shows "—".
 */
export function formatDateTime(iso: string, timeZone: string): string {
  try {
    return formatSessionDateTime(iso, timeZone)
  } catch {
    try {
      return formatSessionDateTime(iso, FALLBACK_TIME_ZONE)
    } catch {
      return '—'
    }
  }
}
