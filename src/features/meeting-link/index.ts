// Public API of the meeting-link feature (everything, incl. the editor and saving).
// Pages and features that only need the rules or the employee's panel import the light
// entries instead: './rules' (pure) and './employee' (panel + rules), which keep zod and
// the save RPC out of their bundles.
export * from './rules'
export { generateJitsiLink, JITSI_RANDOM_BYTES, JITSI_ROOM_PREFIX, type FillRandom } from './lib/generate-jitsi-link'

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
export { replaceBookingLink, type MeetingLinkEmbed } from './api/booking-link-cache'
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
export { MeetingLinkEditor, EDITOR_TEXTS, type MeetingLinkEditorProps } from './components/MeetingLinkEditor'
export {
  EmployeeMeetingLinkPanel,
  EMPLOYEE_PANEL_TEXTS,
  useShownLink,
  type EmployeeMeetingLinkPanelProps,
  type EmployeePanelState,
  type ShownLink,
} from './employee'
