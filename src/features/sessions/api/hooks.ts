import { keepPreviousData, useQuery } from '@tanstack/react-query'
// The light, pure entry (not the '@/features/meeting-link' index, whose hooks import
// '@/features/sessions' back and whose saving path loads zod).
import { meetingLinkQueryOptions } from '@/features/meeting-link/rules'
import { employeeListPollOptions } from '@/lib/poll-policy'
import { sessionKeys, type AdminPage } from './keys'
import {
  fetchAdminSessions,
  fetchCallRequestQueue,
  fetchEspecialistaCases,
  fetchPrestadorSessions,
  fetchUserSessions,
} from './sessions'

// The staff lists that show meeting links refetch every 10 s while a virtual session is near
// or inside its link window, and on window focus. The employee's list does not poll: the
// bell's change read and the window timer refresh it (src/lib/poll-policy.ts).

export function useUserSessions(userId: string) {
  return useQuery({
    ...meetingLinkQueryOptions,
    ...employeeListPollOptions,
    queryKey: sessionKeys.list({ role: 'user', userId }),
    queryFn: () => fetchUserSessions(userId),
  })
}

export function usePrestadorSessions(userId: string) {
  return useQuery({
    ...meetingLinkQueryOptions,
    queryKey: sessionKeys.list({ role: 'prestador', userId }),
    queryFn: () => fetchPrestadorSessions(userId),
  })
}

export function useEspecialistaCases(userId: string) {
  return useQuery({
    ...meetingLinkQueryOptions,
    queryKey: sessionKeys.list({ role: 'especialista', userId }),
    queryFn: () => fetchEspecialistaCases(userId),
  })
}

export function useCallRequestQueue(userId: string) {
  return useQuery({
    queryKey: sessionKeys.queue(userId),
    queryFn: () => fetchCallRequestQueue(),
  })
}

export function useAdminSessions(userId: string, page: AdminPage) {
  return useQuery({
    queryKey: sessionKeys.listPage({ role: 'admin', userId }, page),
    queryFn: () => fetchAdminSessions(page),
    placeholderData: keepPreviousData,
  })
}
