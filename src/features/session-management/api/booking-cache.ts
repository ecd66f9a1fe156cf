// Puts the booking row a lifecycle RPC returned into every cached session query, so every
// list shows the new status/times as soon as the server confirmed them, before the refetch.
// Session lists are cached in several shapes (arrays, admin pages, call requests embedding
// a `booking`); like the meeting-link cache update, this walks the value and merges the row
// into any object that is that booking. Embeds (booking_links, client...) are kept.

import type { QueryClient } from '@tanstack/react-query'
import { sessionKeys } from '@/features/sessions'
import type { BookingRow } from './booking-actions'

const MAX_DEPTH = 8

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function isThatBooking(value: Record<string, unknown>, row: BookingRow): boolean {
  return value.id === row.id && 'starts_at' in value && 'status' in value
}

function walk(value: unknown, row: BookingRow, depth: number): unknown {
  if (depth > MAX_DEPTH) return value
  if (Array.isArray(value)) {
    let changed = false
    const next = value.map((item) => {
      const replaced = walk(item, row, depth + 1)
      if (replaced !== item) changed = true
      return replaced
    })
    return changed ? next : value
  }
  if (!isPlainObject(value)) return value
  let next: Record<string, unknown> | null = null
  if (isThatBooking(value, row)) {
    // Only the columns the cached object already has (a list may select fewer).
    for (const [key, column] of Object.entries(row)) {
      if (key in value && value[key] !== column) {
        next ??= { ...value }
        next[key] = column
      }
    }
  }
  for (const [key, child] of Object.entries(value)) {
    if (child === null || typeof child !== 'object') continue
    const replaced = walk(child, row, depth + 1)
    if (replaced !== child) {
      next ??= { ...value }
      next[key] = replaced
    }
  }
  return next ?? value
}

/** `data` with the booking's columns replaced wherever it appears; the same reference when nothing changed. */
export function mergeBookingRow<T>(data: T, row: BookingRow): T {
  return walk(data, row, 0) as T
}

/** Shows the confirmed row in every cached session query, then refetches them all. */
export function applyBookingRow(queryClient: QueryClient, row: BookingRow): void {
  queryClient.setQueriesData({ queryKey: sessionKeys.all }, (old: unknown) => (old === undefined ? old : mergeBookingRow(old, row)))
  // Cancels fetches already in flight so an older response cannot land after the update.
  void queryClient.invalidateQueries({ queryKey: sessionKeys.all })
}
