// One mutation per lifecycle action. The API functions never throw, so `data` is always the
// typed result; a throw would be a bug and is reported as the network fallback by the forms.
// After every attempt, successful or not, all session queries are refetched: a refusal such
// as "já não está ativa" means the page was showing stale data.

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { sessionKeys } from '@/features/sessions'
import {
  cancelBooking,
  completeBooking,
  rescheduleBooking,
  type ActionResult,
  type CancelInput,
  type CompleteInput,
  type RescheduleInput,
} from '../api/booking-actions'
import { applyBookingRow } from '../api/booking-cache'

function useBookingAction<V extends { bookingId: string }>(name: string, run: (input: V) => Promise<ActionResult>) {
  const queryClient = useQueryClient()
  return useMutation<ActionResult, Error, V>({
    mutationKey: ['session-management', name],
    mutationFn: run,
    onSettled: (result) => {
      if (result?.ok) applyBookingRow(queryClient, result.booking)
      else void queryClient.invalidateQueries({ queryKey: sessionKeys.all })
    },
  })
}

export const useCancelBooking = () => useBookingAction<CancelInput>('cancel', (input) => cancelBooking(input))
export const useRescheduleBooking = () => useBookingAction<RescheduleInput>('reschedule', (input) => rescheduleBooking(input))
export const useCompleteBooking = () => useBookingAction<CompleteInput>('complete', (input) => completeBooking(input))
