// Light entry of the booking feature for the reschedule form (session-management): the day
// and slot picker and the slot query keys, without the booking pages (which import that
// form themselves, so the full index here would be a cycle).
export { SlotPicker, SLOT_PICKER_TEXTS, type SlotPickerProps } from './components/SlotPicker'
export { bookingKeys } from './api/keys'
