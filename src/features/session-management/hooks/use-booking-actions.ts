// One mutation per lifecycle action. The API functions never throw, so `data` is always the
// typed result; a throw would be a bug and is reported as the network fallback by the forms.
// After every attempt, successful or not, all session queries are refetched: a refusal such
// as "já não está ativa" means the page was showing stale data.

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { sessionKeys } from '@/features/sessions'
import {
  cancelBooking,
  completeBooking,
  markNoShow,
  rescheduleBooking,
  type ActionResult,
  type CancelInput,
  type CompleteInput,
  type RescheduleInput,
} from '../api/booking-actions'
import { applyBookingRow } from '../api/booking-cache'
import { ACTION_FALLBACK_MESSAGES, type ActionFailure } from '../lib/action-errors'

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

const NETWORK_FAILURE: ActionFailure = {
  ok: false,
  kind: 'network',
  code: null,
  message: ACTION_FALLBACK_MESSAGES.network,
  field: null,
}

/** Runs one of these mutations for a form: its result, or the network fallback if it threw. */
export async function runAction<V>(mutation: { mutateAsync: (input: V) => Promise<ActionResult> }, input: V): Promise<ActionResult> {
  try {
    return await mutation.mutateAsync(input)
  } catch {
    return NETWORK_FAILURE
  }
}

export const useCancelBooking = () => useBookingAction<CancelInput>('cancel', (input) => cancelBooking(input))
export const useRescheduleBooking = () => useBookingAction<RescheduleInput>('reschedule', (input) => rescheduleBooking(input))
export const useCompleteBooking = () => useBookingAction<CompleteInput>('complete', (input) => completeBooking(input))
export const useMarkNoShow = () => useBookingAction<CompleteInput>('no-show', (input) => markNoShow(input))
