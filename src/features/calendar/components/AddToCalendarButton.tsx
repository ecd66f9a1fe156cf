import { useId, useRef, useState } from 'react'
import { Button } from '@/components/ui'
import { pillarLabel } from '@/features/sessions'
import { formatSessionRange } from '@/lib/format-date'
// Types only; the module itself (and ical-generator) is loaded on the first click.
import type { CalendarBooking, CalendarViewer } from '../lib/session-ics'
import { downloadIcs } from '../lib/download'

export type AddToCalendarButtonProps = {
  booking: CalendarBooking
  /** e.g. "Dr. Pedro Santos" */
  prestadorName: string
  /** The employee's name, for the prestador's file ("Sessão de ... com João Silva"). */
  employeeName?: string
  viewer: CalendarViewer
  /** IANA zone of the signed-in profile: for the file name's date and the accessible name. */
  timeZone?: string
}

export const ADD_TO_CALENDAR_TEXTS = {
  button: 'Adicionar ao calendário',
  /** A cancelled session: the same file, now STATUS:CANCELLED, takes it out of the calendar. */
  remove: 'Remover do calendário',
  /** Read after the visible text, so several buttons on a page are told apart. */
  context: (when: string) => `a sessão de ${when}`,
  error: 'Não foi possível criar o ficheiro do calendário. Tente novamente.',
} as const

const DEFAULT_TIME_ZONE = 'Europe/Lisbon'

/**
 * "Adicionar ao calendário" ("Remover do calendário" once cancelled: calendar apps drop an
 * event whose update says STATUS:CANCELLED): builds the session's .ics on click and downloads it. The
 * generator is imported on demand, so its library stays out of the pages' bundles.
 * The SEQUENCE comes from `booking.updated_at` (see lib/sequence.ts).
 */
export function AddToCalendarButton({
  booking,
  prestadorName,
  employeeName,
  viewer,
  timeZone = DEFAULT_TIME_ZONE,
}: AddToCalendarButtonProps) {
  const [failed, setFailed] = useState(false)
  const busy = useRef(false)
  const errorId = useId()

  async function handleClick() {
    if (busy.current) return
    busy.current = true
    setFailed(false)
    try {
      const ics = await import('../lib/session-ics')
      const text = ics.sessionToIcs({
        booking,
        pillarLabel: pillarLabel(booking.pillar),
        prestadorName,
        employeeName,
        viewer,
        appOrigin: window.location.origin,
        sequence: ics.sequenceFromUpdatedAt(booking.updated_at),
        now: new Date(),
      })
      downloadIcs(ics.icsFilename(booking.starts_at, timeZone), text)
    } catch {
      // Bad data, an unknown zone, or the chunk failed to load (e.g. after a deploy).
      setFailed(true)
    } finally {
      busy.current = false
    }
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        size="sm"
        onClick={() => void handleClick()}
        aria-describedby={failed ? errorId : undefined}
      >
        {booking.status === 'cancelled' ? ADD_TO_CALENDAR_TEXTS.remove : ADD_TO_CALENDAR_TEXTS.button}{' '}
        <span className="sr-only">{ADD_TO_CALENDAR_TEXTS.context(formatSessionRange(booking.starts_at, booking.ends_at, timeZone))}</span>
      </Button>
      {failed ? (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {ADD_TO_CALENDAR_TEXTS.error}
        </p>
      ) : null}
    </div>
  )
}
