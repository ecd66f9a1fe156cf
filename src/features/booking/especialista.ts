// The especialista dashboard's entry into the booking feature: only the light queue parts.
// The "Atribuir" dialog (and with it the slot computation and booking API) is loaded when
// first needed, so /especialista/dashboard's first load does not carry the booking chunk.
export { CallRequestAssignment, AssignCallRequestButton } from './components/AssignCallRequestAction'
export { ASSIGN_BUTTON_TEXT, type AssignableRequest } from './lib/assignable-request'
export { waitingTimeLabel } from './lib/waiting-time'
