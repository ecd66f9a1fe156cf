// Public API of the availability feature: a prestador edits their own weekly hours, blocked
// dates, session length and buffer. Imported only by the lazy /prestador/availability page.
export { availabilityKeys, bookingQueryPrefixes } from './api/keys'
export {
  fetchWeeklyHours,
  addWeeklyHours,
  removeWeeklyHours,
  fetchBlockedDates,
  addBlockedDate,
  removeBlockedDate,
  fetchPrestadorSettings,
  updatePrestadorEntry,
  type WeeklyHoursBlock,
  type NewWeeklyHours,
  type BlockedDate,
  type NewBlockedDate,
  type PrestadorSettings,
  type PrestadorEntryEdit,
} from './api/availability-api'
export {
  invalidateAfterChange,
  useWeeklyHours,
  useAddWeeklyHours,
  useRemoveWeeklyHours,
  useBlockedDates,
  useAddBlockedDate,
  useRemoveBlockedDate,
  usePrestadorSettings,
  useUpdatePrestadorSettings,
  type WeeklyHoursInput,
  type BlockedDateInput,
} from './hooks/use-availability'
export * from './lib/time-blocks'
export * from './lib/blocked-dates'
export * from './lib/session-settings'
export * from './lib/availability-errors'
export { WeeklyHoursEditor, WEEKLY_HOURS_TEXTS, type WeeklyHoursEditorProps } from './components/WeeklyHoursEditor'
export { BlockedDatesEditor, BLOCKED_DATES_TEXTS, type BlockedDatesEditorProps } from './components/BlockedDatesEditor'
export { SessionSettingsForm, SESSION_SETTINGS_TEXTS } from './components/SessionSettingsForm'
