// Light public entry of the meeting-link feature: the pure rules (link validation and
// platform, the link window, instants, pt-PT session times, when session lists poll for a
// link) and nothing else. No React, no supabase client, no zod: any feature or page can
// import it without pulling the link editor or the saving path into its bundle.
//
//   '@/features/meeting-link/rules'     pure rules (this file)
//   '@/features/meeting-link/employee'  the employee's card panel + these rules
//   '@/features/meeting-link'           everything, incl. the editor and saving (staff pages)
export {
  detectPlatform,
  MEETING_LINK_ERRORS,
  MEETING_LINK_MAX_LENGTH,
  parseMeetingLink,
  PLATFORMS,
  type MeetingLinkErrorReason,
  type ParsedMeetingLink,
  type Platform,
  type PlatformId,
} from './lib/parse-meeting-link'
export { platformForHostname } from './lib/platform'
export {
  LINK_OPENS_BEFORE_START_MS,
  linkWindow,
  MAX_TIMEOUT_MS,
  msUntil,
  type BookingStatus,
  type LinkWindow,
  type LinkWindowBooking,
  type MeetingType,
} from './lib/link-window'
export { countdownLabel, formatSessionDateTime, msUntilCountdownChanges, wallClockIn } from './lib/format-session-time'
export { parseInstant } from './lib/parse-instant'
export { collectBookings, type BookingTimes } from './api/booking-link-cache'
export {
  LINK_REFETCH_INTERVAL_MS,
  LINK_REFETCH_LEAD_MS,
  meetingLinkQueryOptions,
  meetingLinkRefetchInterval,
  refetchIntervalFor,
  type RefetchSession,
} from './hooks/use-link-refetch-interval'
