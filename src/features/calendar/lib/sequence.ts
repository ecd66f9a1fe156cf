// SEQUENCE for a booking's .ics (RFC 5545 §3.8.7.4): a non-negative integer that must grow
// every time the organizer changes the event, so a calendar app that already holds the
// event (same UID) replaces it with the newer file instead of ignoring it.
//
// Callers pick ONE source per booking and stick to it (mixing them could make a newer file
// carry a lower number):
// - the count of `booking_rescheduled` notifications for the booking, when they have it;
// - otherwise `sequenceFromUpdatedAt(booking.updated_at)`. `bookings.updated_at` is set by
//   the server (trigger `touch_updated_at`) on every change: reschedule, cancel, complete.
//   The RFC only asks for an increasing integer, not for consecutive values.

import { parseInstant } from '@/features/meeting-link/rules'

/** 2025-01-01T00:00:00Z in epoch seconds: bookings cannot have been changed before it. */
export const SEQUENCE_BASE_EPOCH_SECONDS = Date.UTC(2025, 0, 1) / 1000

/** Largest SEQUENCE we emit: many clients (Outlook, Exchange) store it as a signed 32-bit int. */
export const MAX_ICS_SEQUENCE = 2 ** 31 - 1

/**
 * Whole seconds from 2025-01-01Z to `updated_at` (a timestamptz string with an offset).
 *
 * Seconds, not minutes: with minutes a reschedule and a cancel in the same minute would get
 * the same SEQUENCE. Seconds since the base still fit in an int32 until 2093.
 * Before the base -> 0. Throws RangeError for a string without offset or out of range.
 */
export function sequenceFromUpdatedAt(updatedAt: string): number {
  const seconds = Math.floor(parseInstant(updatedAt) / 1000) - SEQUENCE_BASE_EPOCH_SECONDS
  if (seconds > MAX_ICS_SEQUENCE) throw new RangeError(`updated_at too far in the future: ${updatedAt}`)
  return Math.max(0, seconds)
}
