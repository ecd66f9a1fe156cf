import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { sessionKeys, type AdminPage } from './keys'
import {
  fetchAdminSessions,
  fetchCallRequestQueue,
  fetchEspecialistaCases,
  fetchPrestadorSessions,
  fetchUserSessions,
} from './sessions'

export function useUserSessions(userId: string) {
  return useQuery({
    queryKey: sessionKeys.list({ role: 'user', userId }),
    queryFn: () => fetchUserSessions(userId),
  })
}

export function usePrestadorSessions(userId: string) {
  return useQuery({
    queryKey: sessionKeys.list({ role: 'prestador', userId }),
    queryFn: () => fetchPrestadorSessions(userId),
  })
}

export function useEspecialistaCases(userId: string) {
  return useQuery({
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
