// THE data hook behind every slot choice (employee wizard, admin "Nova sessão" and
// "Reagendar", especialista "Atribuir", the prestador's and especialista's "Reagendar"):
// loads what freeSlots() needs for a page of days in two requests and computes every day.

import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useProfile } from '@/features/auth'
import { computeSlotsByDay, fetchRangeAvailability, fetchSchedule, type PrestadorSchedule } from '../api/booking-api'
import { bookingKeys } from '../api/keys'
import type { Slot } from '../lib/free-slots'
import { useNow } from './use-now'

export type UseFreeDaysOptions = {
  /** Zone of the calendar days and of the slots shown; defaults to the profile's. */
  viewerTimeZone?: string
  /** A busy interval to leave out: the booking being rescheduled. */
  ignore?: Slot | null
}

export type UseFreeDaysResult = {
  /** 'idle' until a prestador is given. */
  status: 'idle' | 'pending' | 'error' | 'success'
  /** The free slots of each day of `days` (empty until loaded). */
  slotsByDay: Map<string, Slot[]>
  schedule: PrestadorSchedule | undefined
  /** A refetch is under way (e.g. after a slot was taken). */
  isFetching: boolean
  refetch: () => void
  viewerTimeZone: string
}

/**
 * Free slots of `prestadorId` on each of `days` (consecutive "YYYY-MM-DD" in the viewer's
 * zone; keep the array stable, e.g. memoized): the prestador's schedule (cached for minutes) and one range query of busy times
 * and blocked dates, then freeSlots() per day.
 */
export function useFreeDays(prestadorId: string | null, days: readonly string[], options: UseFreeDaysOptions = {}): UseFreeDaysResult {
  const profile = useProfile()
  const viewerTimeZone = options.viewerTimeZone ?? profile.time_zone
  const now = useNow()
  const fromDay = days[0] ?? ''
  const toDay = days.at(-1) ?? ''
  const enabled = Boolean(prestadorId) && fromDay !== ''

  const schedule = useQuery({
    queryKey: bookingKeys.schedule(prestadorId ?? ''),
    queryFn: () => fetchSchedule(prestadorId!),
    enabled: Boolean(prestadorId),
    staleTime: 5 * 60_000,
  })
  const availability = useQuery({
    queryKey: bookingKeys.slotsIn(prestadorId ?? '', fromDay, toDay, viewerTimeZone),
    queryFn: () => fetchRangeAvailability(prestadorId!, fromDay, toDay, viewerTimeZone),
    enabled,
    staleTime: 15_000,
  })

  const ignoreStart = options.ignore?.starts_at
  const ignoreEnd = options.ignore?.ends_at
  const slotsByDay = useMemo(() => {
    if (!schedule.data || !availability.data) return new Map<string, Slot[]>()
    const ignore = ignoreStart && ignoreEnd ? { starts_at: ignoreStart, ends_at: ignoreEnd } : null
    return computeSlotsByDay(schedule.data, availability.data, days, viewerTimeZone, now, ignore)
  }, [schedule.data, availability.data, days, viewerTimeZone, now, ignoreStart, ignoreEnd])

  let status: UseFreeDaysResult['status']
  if (!enabled) status = 'idle'
  else if (schedule.isError || availability.isError) status = 'error'
  else if (schedule.isPending || availability.isPending) status = 'pending'
  else status = 'success'

  return {
    status,
    slotsByDay,
    schedule: schedule.data,
    isFetching: schedule.isFetching || availability.isFetching,
    refetch: () => {
      if (schedule.isError) void schedule.refetch()
      void availability.refetch()
    },
    viewerTimeZone,
  }
}
