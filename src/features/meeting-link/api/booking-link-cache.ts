// Puts a saved meeting link into every cached query that shows its booking.
//
// Session lists are cached in several shapes: arrays of bookings (employee, prestador),
// `{ rows, total, ... }` pages (admin), call requests with an embedded `booking`
// (especialista) and single bookings (detail). Rather than knowing each shape, this walks
// the cached value and replaces `booking_links` on any object whose `id` is the booking's
// and that has a `booking_links` field. Unchanged branches keep their identity, so
// TanStack Query's structural sharing does not re-render lists that do not show the booking.

import type { BookingLinkRow } from './save-meeting-link'

/** The link as session queries embed it: `booking_links(meeting_link, updated_at, updated_by)`. */
export type MeetingLinkEmbed = Pick<BookingLinkRow, 'meeting_link' | 'updated_at' | 'updated_by'>

export function toEmbed(row: BookingLinkRow | null): MeetingLinkEmbed | null {
  return row ? { meeting_link: row.meeting_link, updated_at: row.updated_at, updated_by: row.updated_by } : null
}

// Cached query data is JSON from PostgREST: plain objects and arrays, never cycles. The
// depth limit is only a guard against something unexpected ending up under the key.
const MAX_DEPTH = 8

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function sameEmbed(a: unknown, b: MeetingLinkEmbed | null): boolean {
  if (a === null || b === null) return a === b
  if (!isPlainObject(a)) return false
  return a.meeting_link === b.meeting_link && a.updated_at === b.updated_at && a.updated_by === b.updated_by
}

function walk(value: unknown, bookingId: string, embed: MeetingLinkEmbed | null, depth: number): unknown {
  if (depth > MAX_DEPTH) return value
  if (Array.isArray(value)) {
    let changed = false
    const next = value.map((item) => {
      const replaced = walk(item, bookingId, embed, depth + 1)
      if (replaced !== item) changed = true
      return replaced
    })
    return changed ? next : value
  }
  if (!isPlainObject(value)) return value

  let next: Record<string, unknown> | null = null
  if (value.id === bookingId && 'booking_links' in value) {
    const current = value.booking_links
    // Some PostgREST versions embed a one-to-one relation as an array.
    const replacement = Array.isArray(current) ? (embed ? [embed] : []) : embed
    const unchanged = Array.isArray(current)
      ? current.length === (embed ? 1 : 0) && (embed === null || sameEmbed(current[0], embed))
      : sameEmbed(current, embed)
    if (!unchanged) next = { ...value, booking_links: replacement }
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === 'booking_links' || child === null || typeof child !== 'object') continue
    const replaced = walk(child, bookingId, embed, depth + 1)
    if (replaced !== child) {
      next ??= { ...value }
      next[key] = replaced
    }
  }
  return next ?? value
}

/** `data` with the booking's `booking_links` replaced wherever it appears; the same reference if nothing changed. */
export function replaceBookingLink<T>(data: T, bookingId: string, row: BookingLinkRow | null): T {
  return walk(data, bookingId, toEmbed(row), 0) as T
}

/** A booking as far as the link window needs it. */
export type BookingTimes = {
  id: string
  starts_at: string
  ends_at: string
  meeting_type: string
  status: string
}

function isBookingTimes(value: Record<string, unknown>): value is Record<string, unknown> & BookingTimes {
  return (
    typeof value.id === 'string' &&
    typeof value.starts_at === 'string' &&
    typeof value.ends_at === 'string' &&
    typeof value.meeting_type === 'string' &&
    typeof value.status === 'string'
  )
}

/** Every booking-like object (id, starts_at, ends_at, meeting_type, status) anywhere in cached data. */
export function collectBookings(data: unknown): BookingTimes[] {
  const out: BookingTimes[] = []
  const visit = (value: unknown, depth: number) => {
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1)
      return
    }
    if (!isPlainObject(value)) return
    if (isBookingTimes(value)) out.push(value)
    for (const child of Object.values(value)) visit(child, depth + 1)
  }
  visit(data, 0)
  return out
}
