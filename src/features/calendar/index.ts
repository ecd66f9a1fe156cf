// Public API of the calendar feature ("Adicionar ao calendário").
//
// The .ics generator (lib/session-ics, with ical-generator) is deliberately NOT re-exported
// as a value: a static re-export here would put the library in every page that renders the
// button. The button imports it on click; code that needs it directly should do the same:
//   const { sessionToIcs } = await import('@/features/calendar/lib/session-ics')
export {
  AddToCalendarButton,
  ADD_TO_CALENDAR_TEXTS,
  type AddToCalendarButtonProps,
} from './components/AddToCalendarButton'
export { downloadIcs, ICS_MIME_TYPE, REVOKE_OBJECT_URL_AFTER_MS } from './lib/download'
export type { CalendarBooking, CalendarViewer, SessionIcsInput } from './lib/session-ics'
