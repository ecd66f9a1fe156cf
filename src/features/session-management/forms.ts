// Light entry of the session-management feature for pages that only need its forms (the
// admin's dialogs): reschedule (free times or free slots) and cancel, without the
// prestador's session modal (link editor, mark as done) that the index also exports.
export {
  RescheduleForm,
  RESCHEDULE_FORM_TEXTS,
  type RescheduleFormProps,
  type RescheduleSlot,
} from './components/RescheduleForm'
export { CancelSessionForm, CANCEL_FORM_TEXTS, type CancelSessionFormProps } from './components/CancelSessionForm'
