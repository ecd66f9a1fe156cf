// Public API of the booking feature (the three ways a session is created, and the admin's
// operations). Imported only by the lazy /user/book and /admin/operations pages; the
// especialista dashboard uses the light './especialista' entry (its dialog loads on demand).
export { bookingKeys } from './api/keys'
export {
  fetchPrestadores,
  fetchSchedule,
  fetchDayAvailability,
  fetchRangeAvailability,
  computeSlotsByDay,
  computeSlots,
  isSlotStillFree,
  fetchCompanies,
  fetchEmployees,
  createDirectBooking,
  createAdminBooking,
  assignCallRequest,
  updateBooking,
  fetchAdminBookings,
  fetchMissingLinks,
  linkOf,
  type PrestadorOption,
  type PrestadorSchedule,
  type DayAvailability,
  type CompanyOption,
  type EmployeeOption,
  type NewBooking,
  type CreatedBooking,
  type AssignInput,
  type BookingEdit,
  type AdminBooking,
  type AdminBookingsPage,
} from './api/booking-api'
export { useFreeDays, type UseFreeDaysOptions, type UseFreeDaysResult } from './hooks/use-free-days'
export {
  usePrestadores,
  useCompanies,
  useEmployees,
  useAdminBookings,
  useMissingLinks,
  ADMIN_PAGE_SIZE,
} from './hooks/use-booking-queries'
export {
  useCreateDirectBooking,
  useCreateAdminBooking,
  useAssignCallRequest,
  useUpdateBooking,
} from './hooks/use-booking-mutations'
export { freeSlots, type FreeSlotsInput, type Slot, type BusyInterval, type WeeklyHours } from './lib/free-slots'
export * from './lib/booking-errors'
export * from './lib/booking-days'
export * from './lib/booking-form'
export { waitingTimeLabel } from './lib/waiting-time'
export * from './lib/admin-filters'
export { BookingWizard, WIZARD_TEXTS } from './components/BookingWizard'
export { SlotPicker, SLOT_PICKER_TEXTS, type SlotPickerProps } from './components/SlotPicker'
export { DayGrid, type DayGridProps } from './components/DayPicker'
export * from './lib/day-picker'
export { MeetingTypeField } from './components/MeetingTypeField'
export { ChoiceGroup, type ChoiceOption } from './components/fields'
export { AdminNewBooking } from './components/AdminNewBooking'
export { AdminNewBookingForm, ADMIN_NEW_BOOKING_TEXTS } from './components/AdminNewBookingForm'
export { BookingActionButtons, LazyBookingActionDialog } from './components/AdminBookingActionButtons'
export type { BookingAction, BookingActionKind } from './lib/admin-booking-action'
export {
  BookingActionDialog,
  EditBookingForm,
  RescheduleBookingForm,
  CancelBookingForm,
  ADMIN_ACTION_TEXTS,
} from './components/AdminBookingActions'
export { AdminBookingFiltersForm, AdminBookingsTable, type AdminBookingsTableProps } from './components/AdminBookingsTable'
export { MissingLinksPanel } from './components/MissingLinksPanel'
export { CallRequestAssignment, AssignCallRequestButton } from './components/AssignCallRequestAction'
export { ASSIGN_BUTTON_TEXT, type AssignableRequest } from './lib/assignable-request'
export { AssignCallRequestDialog, AssignCallRequestForm, ASSIGN_TEXTS } from './components/AssignCallRequest'
