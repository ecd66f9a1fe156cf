// Writes of the booking feature. Each refreshes what it changes: the slot lists (a slot was
// taken or freed) and the session lists (sessionKeys), so every page shows the new state.
// A slot taken under someone's feet refreshes that prestador's slots and nothing else; the
// form keeps what was typed.

import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useProfile } from '@/features/auth'
import { fetchUserSessions, sessionKeys } from '@/features/sessions'
import {
  assignCallRequest,
  createAdminBooking,
  createDirectBooking,
  updateBooking,
  type AssignInput,
  type BookingEdit,
  type NewBooking,
} from '../api/booking-api'
import { bookingKeys } from '../api/keys'
import { BookingRequestError } from '../lib/booking-errors'

function onSlotTaken(queryClient: QueryClient, prestadorId: string, error: unknown) {
  if (error instanceof BookingRequestError && error.kind === 'slot_taken') {
    void queryClient.invalidateQueries({ queryKey: bookingKeys.slotsOf(prestadorId) })
  }
}

function afterBookingChange(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: bookingKeys.slots() })
  void queryClient.invalidateQueries({ queryKey: sessionKeys.all })
}

/**
 * The employee books for themselves. Resolves once the booking exists and the employee's
 * session list has been refetched, so /user/sessions shows it at once.
 */
export function useCreateDirectBooking() {
  const queryClient = useQueryClient()
  const profile = useProfile()
  return useMutation({
    mutationKey: ['booking', 'create', 'direct'],
    mutationFn: async (input: Omit<NewBooking, 'userId'>) => {
      const booking = await createDirectBooking({ ...input, userId: profile.id }, profile.time_zone)
      const listKey = sessionKeys.list({ role: 'user', userId: profile.id })
      // The booking exists whatever happens next: a failed refresh only means the list
      // page fetches it itself.
      await queryClient
        .fetchQuery({ queryKey: listKey, queryFn: () => fetchUserSessions(profile.id), staleTime: 0 })
        .catch(() => undefined)
      return booking
    },
    onSuccess: () => afterBookingChange(queryClient),
    onError: (error, input) => onSlotTaken(queryClient, input.prestador.id, error),
  })
}

/** The admin books for an employee (source admin_manual). */
export function useCreateAdminBooking() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['booking', 'create', 'admin'],
    mutationFn: (input: NewBooking) => createAdminBooking(input),
    onSuccess: () => afterBookingChange(queryClient),
    onError: (error, input) => onSlotTaken(queryClient, input.prestador.id, error),
  })
}

/** The especialista assigns a call request. A request taken by someone else refreshes the queue. */
export function useAssignCallRequest() {
  const queryClient = useQueryClient()
  const profile = useProfile()
  return useMutation({
    mutationKey: ['booking', 'assign'],
    mutationFn: (input: AssignInput) => assignCallRequest(input),
    onSuccess: () => afterBookingChange(queryClient),
    onError: (error, input) => {
      onSlotTaken(queryClient, input.prestadorId, error)
      if (error instanceof BookingRequestError && (error.kind === 'call_request_taken' || error.kind === 'call_request_not_found')) {
        void queryClient.invalidateQueries({ queryKey: sessionKeys.queue(profile.id) })
      }
    },
  })
}

export function useUpdateBooking() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: ['booking', 'update'],
    mutationFn: ({ bookingId, edit }: { bookingId: string; edit: BookingEdit }) => updateBooking(bookingId, edit),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  })
}
