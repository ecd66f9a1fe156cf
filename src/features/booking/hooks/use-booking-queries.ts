import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useProfile } from '@/features/auth'
import type { Enums } from '@/lib/database.types'
import {
  fetchAdminBookings,
  fetchCompanies,
  fetchEmployees,
  fetchMissingLinks,
  fetchPrestadores,
} from '../api/booking-api'
import { bookingKeys } from '../api/keys'
import type { AdminBookingFilters } from '../lib/admin-filters'

/** Active prestadores of a pillar (null = all pillars); `enabled: false` until one is chosen. */
export function usePrestadores(pillar: Enums<'pillar'> | null, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: bookingKeys.prestadorList(pillar),
    queryFn: () => fetchPrestadores(pillar),
    enabled,
    staleTime: 5 * 60_000,
  })
}

export function useCompanies() {
  return useQuery({ queryKey: bookingKeys.companies(), queryFn: fetchCompanies, staleTime: 5 * 60_000 })
}

export function useEmployees(companyId: string | null) {
  return useQuery({
    queryKey: bookingKeys.employees(companyId ?? ''),
    queryFn: () => fetchEmployees(companyId!),
    enabled: Boolean(companyId),
    staleTime: 60_000,
  })
}

export const ADMIN_PAGE_SIZE = 20

/** One server-side page of the admin's bookings table (page is 1-based). */
export function useAdminBookings(filters: AdminBookingFilters, page: number, pageSize = ADMIN_PAGE_SIZE) {
  const profile = useProfile()
  return useQuery({
    queryKey: bookingKeys.adminBookingsPage(profile.id, filters, page),
    queryFn: () => fetchAdminBookings(filters, page, pageSize, profile.time_zone),
    placeholderData: keepPreviousData,
  })
}

/** Virtual sessions in the next 24 hours without a link; refreshed every minute. */
export function useMissingLinks() {
  const profile = useProfile()
  return useQuery({
    queryKey: bookingKeys.missingLinks(profile.id),
    queryFn: () => fetchMissingLinks(),
    refetchInterval: 60_000,
  })
}
