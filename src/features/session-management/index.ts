// Public API of the session-management feature: the prestador's / especialista's session
// modal (link editor + reschedule, cancel, mark as done), the employee's cancel action, and
// the reschedule and cancel forms the admin's dialogs use too (reschedule into free slots).
export {
  ACTION_ERROR_MESSAGES,
  ACTION_FALLBACK_MESSAGES,
  mapActionError,
  type ActionErrorCode,
  type ActionErrorField,
  type ActionFailure,
  type ActionFailureKind,
  type RpcErrorLike,
} from './lib/action-errors'
export {
  CANCEL_REASON_MAX_LENGTH,
  endTimeFor,
  initialRescheduleValues,
  slotDayError,
  validateCancelReason,
  validateReschedule,
  validateSlotChoice,
  VALIDATION_MESSAGES,
  type RescheduleCheck,
  type RescheduleErrors,
  type RescheduleValues,
  type SlotChoiceCheck,
  type SlotChoiceErrors,
} from './lib/validate'
export {
  ACTION_TIMEOUT_MS,
  cancelBooking,
  completeBooking,
  markNoShow,
  rescheduleBooking,
  type ActionResult,
  type BookingRow,
} from './api/booking-actions'
export { applyBookingRow, mergeBookingRow } from './api/booking-cache'
export { runAction, useCancelBooking, useCompleteBooking, useMarkNoShow, useRescheduleBooking } from './hooks/use-booking-actions'
// The two forms (also through the light './forms' entry).
export * from './forms'
export {
  CompleteSessionAction,
  NoShowSessionAction,
  COMPLETE_TEXTS,
  NO_SHOW_TEXTS,
  type CompleteSessionActionProps,
} from './components/CompleteSessionAction'
export {
  SessionManagement,
  MANAGEMENT_TEXTS,
  type ManagedSession,
  type SessionManagementAction,
  type SessionManagementProps,
} from './components/SessionManagement'
export { SessionManagementDialog, type SessionManagementDialogProps } from './components/SessionManagementDialog'
export { EmployeeCancelSession, EMPLOYEE_CANCEL_TEXTS, type EmployeeCancelSessionProps } from './components/EmployeeCancelSession'
