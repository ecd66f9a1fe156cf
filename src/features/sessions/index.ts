export { sessionKeys, type SessionScope, type AdminPage } from './api/keys'
export {
  fetchUserSessions,
  fetchPrestadorSessions,
  fetchEspecialistaCases,
  fetchCallRequestQueue,
  fetchAdminSessions,
  type SessionRow,
  type CallRequestRow,
  type UserSession,
  type PrestadorSession,
  type EspecialistaCase,
  type QueuedCallRequest,
  type AdminSession,
  type AdminSessionsPage,
} from './api/sessions'
export {
  useUserSessions,
  usePrestadorSessions,
  useEspecialistaCases,
  useCallRequestQueue,
  useAdminSessions,
} from './api/hooks'
export { SessionCard, SessionList, sessionCardId, sessionCardIds, type SessionCardProps } from './components/SessionCard'
export { useBoundaryClock } from './hooks/use-boundary-clock'
export { useScrollToHash } from './hooks/use-scroll-to-hash'
export { SessionStatusBadge } from './components/SessionStatusBadge'
export { sortSessions, isUpcoming } from './lib/sort-sessions'
export { sessionSections, isStillAhead, type SessionSections } from './lib/session-sections'
export * from './lib/labels'
