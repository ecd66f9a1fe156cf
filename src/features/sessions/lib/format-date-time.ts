// The light, pure entry (not the '@/features/meeting-link' index: that one also loads the
// feature's hooks, which import '@/features/sessions' back, and zod).
import { formatSessionDateTime } from '@/features/meeting-link/rules'

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
