// The three lifecycle RPCs (cancel_booking, complete_booking, reschedule_booking) as typed
// calls that never throw: success only when the server returned the updated booking row;
// anything else becomes a pt-PT failure (action-errors.ts).

import type { Tables } from '@/lib/database.types'
import { supabase } from '@/lib/supabase'
import { ACTION_FALLBACK_MESSAGES, mapActionError, type ActionFailure } from '../lib/action-errors'

export type BookingRow = Tables<'bookings'>

export type ActionResult = { ok: true; booking: BookingRow } | ActionFailure

/** How long an action may take before it is reported as a network failure. */
export const ACTION_TIMEOUT_MS = 15_000

export type CancelInput = { bookingId: string; reason: string }
export type RescheduleInput = {
  bookingId: string
  startsAt: string
  endsAt: string
  /** The admin confirmed a time outside the prestador's hours (sent only then). */
  override?: boolean
}
export type CompleteInput = { bookingId: string }

const UNEXPECTED: ActionFailure = {
  ok: false,
  kind: 'unexpected',
  code: null,
  message: ACTION_FALLBACK_MESSAGES.unexpected,
  field: null,
}

function isBookingRow(value: unknown, bookingId: string): value is BookingRow {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const row = value as Record<string, unknown>
  return (
    row.id === bookingId &&
    typeof row.status === 'string' &&
    typeof row.starts_at === 'string' &&
    typeof row.ends_at === 'string'
  )
}

type RpcAnswer = { data: unknown; error: unknown; status: number }

async function settle(bookingId: string, call: (signal: AbortSignal) => PromiseLike<RpcAnswer>, timeoutMs: number): Promise<ActionResult> {
  try {
    const { data, error, status } = await call(AbortSignal.timeout(timeoutMs))
    if (error) return mapActionError(error as Parameters<typeof mapActionError>[0], status)
    return isBookingRow(data, bookingId) ? { ok: true, booking: data } : UNEXPECTED
  } catch (thrown) {
    // supabase-js reports fetch failures as `{ error, status: 0 }`, but an abort can still
    // reject; either way nothing was confirmed.
    const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown)
    return mapActionError({ code: '', message }, 0)
  }
}

type Options = { timeoutMs?: number }

export function cancelBooking({ bookingId, reason }: CancelInput, { timeoutMs = ACTION_TIMEOUT_MS }: Options = {}) {
  return settle(
    bookingId,
    (signal) => supabase.rpc('cancel_booking', { p_booking_id: bookingId, p_reason: reason }).abortSignal(signal),
    timeoutMs,
  )
}

export function rescheduleBooking({ bookingId, startsAt, endsAt, override }: RescheduleInput, { timeoutMs = ACTION_TIMEOUT_MS }: Options = {}) {
  const args = { p_booking_id: bookingId, p_starts_at: startsAt, p_ends_at: endsAt, ...(override ? { p_override: true } : {}) }
  return settle(
    bookingId,
    (signal) => supabase.rpc('reschedule_booking', args).abortSignal(signal),
    timeoutMs,
  )
}

export function completeBooking({ bookingId }: CompleteInput, { timeoutMs = ACTION_TIMEOUT_MS }: Options = {}) {
  return settle(bookingId, (signal) => supabase.rpc('complete_booking', { p_booking_id: bookingId }).abortSignal(signal), timeoutMs)
}
