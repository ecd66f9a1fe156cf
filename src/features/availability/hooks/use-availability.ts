// Reads and writes of the availability editor. Every write refreshes the editor's own cache
// (availabilityKeys) AND the booking feature's slot queries for that prestador (by the
// prefixes in api/keys.ts), so a slot list cached in this tab follows the change.
// Nothing is shown as saved before the server confirmed it: no optimistic updates.

import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import {
  addBlockedDate,
  addWeeklyHours,
  fetchBlockedDates,
  fetchPrestadorSettings,
  fetchWeeklyHours,
  removeBlockedDate,
  removeWeeklyHours,
  updatePrestadorEntry,
  type BlockedDate,
  type PrestadorEntryEdit,
  type PrestadorSettings,
  type WeeklyHoursBlock,
} from '../api/availability-api'
import { availabilityKeys, bookingQueryPrefixes } from '../api/keys'

type Changed = 'weekly-hours' | 'blocked-dates' | 'settings'

/**
 * What to refresh after a change of `prestadorId`'s availability:
 * - weekly hours: the editor's list, the booking schedule (hours are part of it), the slots;
 * - blocked dates: the editor's list, the slots (blocked dates are read with them);
 * - session length / buffer: the editor's form, the schedule, the prestador lists, the slots.
 */
export function invalidateAfterChange(queryClient: QueryClient, prestadorId: string, changed: Changed): Promise<unknown> {
  const keys: ReadonlyArray<readonly unknown[]> = [
    changed === 'weekly-hours'
      ? availabilityKeys.weeklyHours(prestadorId)
      : changed === 'blocked-dates'
        ? availabilityKeys.blockedDates(prestadorId)
        : availabilityKeys.settings(prestadorId),
    bookingQueryPrefixes.slotsOf(prestadorId),
    ...(changed === 'blocked-dates' ? [] : [bookingQueryPrefixes.schedule(prestadorId)]),
    ...(changed === 'settings' ? [bookingQueryPrefixes.prestadores()] : []),
  ]
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })))
}

// ---------------------------------------------------------------------------------------
// Weekly hours
// ---------------------------------------------------------------------------------------

export function useWeeklyHours(prestadorId: string) {
  return useQuery({
    queryKey: availabilityKeys.weeklyHours(prestadorId),
    queryFn: () => fetchWeeklyHours(prestadorId),
  })
}

export type WeeklyHoursInput = { weekday: number; startTime: string; endTime: string }

export function useAddWeeklyHours(prestadorId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['availability', 'weekly-hours', 'add'],
    mutationFn: (input: WeeklyHoursInput) => addWeeklyHours({ prestadorId, ...input }),
    onSuccess: (row) => {
      queryClient.setQueryData<WeeklyHoursBlock[]>(availabilityKeys.weeklyHours(prestadorId), (rows) =>
        rows && !rows.some((r) => r.id === row.id) ? [...rows, row] : rows,
      )
      void invalidateAfterChange(queryClient, prestadorId, 'weekly-hours')
    },
  })
}

/** Resolves `true` when the block was removed, `false` when it was already gone. */
export function useRemoveWeeklyHours(prestadorId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['availability', 'weekly-hours', 'remove'],
    mutationFn: (block: Pick<WeeklyHoursBlock, 'id'>) => removeWeeklyHours(block.id),
    onSuccess: (_removed, block) => {
      queryClient.setQueryData<WeeklyHoursBlock[]>(availabilityKeys.weeklyHours(prestadorId), (rows) => rows?.filter((r) => r.id !== block.id))
      void invalidateAfterChange(queryClient, prestadorId, 'weekly-hours')
    },
  })
}

// ---------------------------------------------------------------------------------------
// Blocked dates
// ---------------------------------------------------------------------------------------

/** Blocked dates from `today` ("YYYY-MM-DD" in the prestador's zone) on. */
export function useBlockedDates(prestadorId: string, today: string) {
  return useQuery({
    queryKey: availabilityKeys.blockedDatesFrom(prestadorId, today),
    queryFn: () => fetchBlockedDates(prestadorId, today),
  })
}

export type BlockedDateInput = { day: string; reason: string | null }

const byDay = (a: BlockedDate, b: BlockedDate) => a.blocked_on.localeCompare(b.blocked_on)

export function useAddBlockedDate(prestadorId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['availability', 'blocked-dates', 'add'],
    mutationFn: (input: BlockedDateInput) => addBlockedDate({ prestadorId, ...input }),
    onSuccess: (row) => {
      queryClient.setQueriesData<BlockedDate[]>({ queryKey: availabilityKeys.blockedDates(prestadorId) }, (rows) =>
        rows && !rows.some((r) => r.id === row.id) ? [...rows, row].sort(byDay) : rows,
      )
      void invalidateAfterChange(queryClient, prestadorId, 'blocked-dates')
    },
  })
}

/** Resolves `true` when the day was unblocked, `false` when it was already gone. */
export function useRemoveBlockedDate(prestadorId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['availability', 'blocked-dates', 'remove'],
    mutationFn: (blocked: Pick<BlockedDate, 'id'>) => removeBlockedDate(blocked.id),
    onSuccess: (_removed, blocked) => {
      queryClient.setQueriesData<BlockedDate[]>({ queryKey: availabilityKeys.blockedDates(prestadorId) }, (rows) =>
        rows?.filter((r) => r.id !== blocked.id),
      )
      void invalidateAfterChange(queryClient, prestadorId, 'blocked-dates')
    },
  })
}

// ---------------------------------------------------------------------------------------
// Session length and buffer (the prestador's directory entry)
// ---------------------------------------------------------------------------------------

export function usePrestadorSettings(prestadorId: string) {
  return useQuery({
    queryKey: availabilityKeys.settings(prestadorId),
    queryFn: () => fetchPrestadorSettings(prestadorId),
  })
}

export function useUpdatePrestadorSettings(prestadorId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['availability', 'settings', 'update'],
    mutationFn: (edit: PrestadorEntryEdit) => updatePrestadorEntry(prestadorId, edit),
    onSuccess: (row) => {
      queryClient.setQueryData<PrestadorSettings>(availabilityKeys.settings(prestadorId), row)
      void invalidateAfterChange(queryClient, prestadorId, 'settings')
    },
  })
}
