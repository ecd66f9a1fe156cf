// THE data hook behind every slot list (employee wizard, admin "Nova sessão" and
// "Reagendar", especialista "Atribuir"): loads what freeSlots() needs and calls it.

import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useProfile } from '@/features/auth'
import { fetchDayAvailability, fetchSchedule, computeSlots, type PrestadorSchedule } from '../api/booking-api'
import { bookingKeys } from '../api/keys'
import { isValidDay } from '../lib/booking-days'
import type { Slot } from '../lib/free-slots'
import { useNow } from './use-now'

export type UseFreeSlotsOptions = {
  /** Zone of the calendar `day` is in and slots are shown in; defaults to the profile's. */
  viewerTimeZone?: string
  /** A busy interval to leave out: the booking being rescheduled. */
  ignore?: Slot | null
}

export type UseFreeSlotsResult = {
  /** 'idle' until a prestador and a valid day are given. */
  status: 'idle' | 'pending' | 'error' | 'success'
  slots: Slot[]
  schedule: PrestadorSchedule | undefined
  /** A refetch is under way (e.g. after a slot was taken). */
  isFetching: boolean
  refetch: () => void
  viewerTimeZone: string
}

/**
 * Free slots of `prestadorId` on `day` ("YYYY-MM-DD" in the viewer's zone): the prestador
 * (session length, buffer, zone) and weekly hours, the blocked dates and busy times around
 * the day (one day of margin each side), then freeSlots().
 */
export function useFreeSlots(prestadorId: string | null, day: string | null, options: UseFreeSlotsOptions = {}): UseFreeSlotsResult {
  const profile = useProfile()
  const viewerTimeZone = options.viewerTimeZone ?? profile.time_zone
  const validDay = day && isValidDay(day) ? day : null
  const now = useNow()

  const schedule = useQuery({
    queryKey: bookingKeys.schedule(prestadorId ?? ''),
    queryFn: () => fetchSchedule(prestadorId!),
    enabled: prestadorId !== null && prestadorId !== '',
    staleTime: 5 * 60_000,
  })
  const availability = useQuery({
    queryKey: bookingKeys.slotsOn(prestadorId ?? '', validDay ?? '', viewerTimeZone),
    queryFn: () => fetchDayAvailability(prestadorId!, validDay!, viewerTimeZone),
    enabled: Boolean(prestadorId) && validDay !== null,
    staleTime: 15_000,
  })

  const ignoreStart = options.ignore?.starts_at
  const ignoreEnd = options.ignore?.ends_at
  const slots = useMemo(() => {
    if (!schedule.data || !availability.data || !validDay) return []
    const ignore = ignoreStart && ignoreEnd ? { starts_at: ignoreStart, ends_at: ignoreEnd } : null
    return computeSlots(schedule.data, availability.data, validDay, viewerTimeZone, now, ignore)
  }, [schedule.data, availability.data, validDay, viewerTimeZone, now, ignoreStart, ignoreEnd])

  let status: UseFreeSlotsResult['status']
  if (!prestadorId || !validDay) status = 'idle'
  else if (schedule.isError || availability.isError) status = 'error'
  else if (schedule.isPending || availability.isPending) status = 'pending'
  else status = 'success'

  return {
    status,
    slots,
    schedule: schedule.data,
    isFetching: schedule.isFetching || availability.isFetching,
    refetch: () => {
      if (schedule.isError) void schedule.refetch()
      void availability.refetch()
    },
    viewerTimeZone,
  }
}
