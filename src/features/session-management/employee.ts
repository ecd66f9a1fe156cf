// Second entry point of the session-management feature, for the employee's page: only the
// cancel action. Importing the main barrel from /user/sessions would put the prestador's
// modal (link editor, reschedule...) in that page's first-load chunk.
export { EmployeeCancelSession, EMPLOYEE_CANCEL_TEXTS, type EmployeeCancelSessionProps } from './components/EmployeeCancelSession'
