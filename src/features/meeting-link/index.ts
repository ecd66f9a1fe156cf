// Public API of the meeting-link feature: pure, React-free rules.
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
