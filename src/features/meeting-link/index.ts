// Public API of the meeting-link feature: pure, React-free rules first.
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
export { generateJitsiLink, JITSI_RANDOM_BYTES, JITSI_ROOM_PREFIX, type FillRandom } from './lib/generate-jitsi-link'
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

// React side: saving, the one hook, and the two components the pages use.
export {
  mapSaveError,
  parseBookingLinkRow,
  saveMeetingLink,
  SAVE_MEETING_LINK_MESSAGES,
  SAVE_TIMEOUT_MS,
  type BookingLinkRow,
  type PostgrestErrorLike,
  type SaveFailureKind,
  type SaveMeetingLinkFailure,
  type SaveMeetingLinkInput,
  type SaveMeetingLinkResult,
} from './api/save-meeting-link'
export { collectBookings, replaceBookingLink, type MeetingLinkEmbed } from './api/booking-link-cache'
export { fetchProfileName, meetingLinkKeys } from './api/profile-name'
export {
  applySavedLink,
  useMeetingLink,
  type MeetingLinkBooking,
  type SaveOutcome,
  type SaveStatus,
  type UseMeetingLinkResult,
} from './hooks/use-meeting-link'
export { useLinkWindow, type LinkWindowClock } from './hooks/use-link-window'
export { useCountdownLabel, COUNTDOWN_SHOWN_UNDER_MS } from './hooks/use-countdown-label'
export { useProfileName } from './hooks/use-profile-name'
export {
  LINK_REFETCH_INTERVAL_MS,
  LINK_REFETCH_LEAD_MS,
  meetingLinkQueryOptions,
  meetingLinkRefetchInterval,
  refetchIntervalFor,
  type RefetchSession,
} from './hooks/use-link-refetch-interval'
export { MeetingLinkEditor, EDITOR_TEXTS, type MeetingLinkEditorProps } from './components/MeetingLinkEditor'
export {
  EmployeeMeetingLinkPanel,
  EMPLOYEE_PANEL_TEXTS,
  type EmployeeMeetingLinkPanelProps,
  type EmployeePanelState,
} from './components/EmployeeMeetingLinkPanel'
