// Light public entry for the employee's side: the link panel of their session card, and the
// pure rules (window, validation, list polling). The editor and the saving path (RPC, zod)
// are not reachable from here; staff pages use the feature's index.
export {
  EmployeeMeetingLinkPanel,
  EMPLOYEE_PANEL_TEXTS,
  type EmployeeMeetingLinkPanelProps,
  type EmployeePanelState,
} from './components/EmployeeMeetingLinkPanel'
export { useShownLink, type MeetingLinkBooking, type ShownLink } from './hooks/use-shown-link'
export * from './rules'
