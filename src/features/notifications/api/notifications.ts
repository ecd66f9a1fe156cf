// Reads and "mark as read" writes of the notifications table. Notifications are written by
// the database (triggers, and notify_session_starting); the browser may only read its own
// and set `read_at` on them (RLS + column grant).

import { supabase } from '@/lib/supabase'
import type { Tables } from '@/lib/database.types'

export type NotificationRow = Pick<Tables<'notifications'>, 'id' | 'booking_id' | 'kind' | 'payload' | 'created_at' | 'read_at'>
export type NotificationKind = NotificationRow['kind']

/** How many of the newest notifications the list shows. */
export const NOTIFICATION_LIST_LIMIT = 30
/** A write that has not answered after this long is reported as failed (and rolled back). */
export const NOTIFICATION_WRITE_TIMEOUT_MS = 10_000

const COLUMNS = 'id, booking_id, kind, payload, created_at, read_at' as const

function timeout(ms: number): AbortSignal {
  return AbortSignal.timeout(ms)
}

/** The person's newest notifications, newest first. */
export async function fetchNotifications(userId: string, limit = NOTIFICATION_LIST_LIMIT): Promise<NotificationRow[]> {
  const { data, error } = await supabase
    .from('notifications')
    .select(COLUMNS)
    .eq('recipient_id', userId)
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
    .limit(limit)
  if (error) throw error
  return data
}

/** Marks one notification read. One already read (e.g. in another tab) is left as it was. */
export async function markNotificationRead(id: string, readAt: string): Promise<void> {
  const { error } = await supabase
    .from('notifications')
    .update({ read_at: readAt })
    .eq('id', id)
    .is('read_at', null)
    .abortSignal(timeout(NOTIFICATION_WRITE_TIMEOUT_MS))
  if (error) throw error
}

/** Marks every unread notification of the person read. */
export async function markAllNotificationsRead(userId: string, readAt: string): Promise<void> {
  const { error } = await supabase
    .from('notifications')
    .update({ read_at: readAt })
    .eq('recipient_id', userId)
    .is('read_at', null)
    .abortSignal(timeout(NOTIFICATION_WRITE_TIMEOUT_MS))
  if (error) throw error
}

/**
 * Asks the database for the "A sua sessão começa em 5 minutos" notice of a booking. The
 * database checks the window and writes at most one per person and session, so any number
 * of tabs may ask: true only for the call that wrote it.
 */
export async function notifySessionStarting(bookingId: string): Promise<boolean> {
  const { data, error } = await supabase
    .rpc('notify_session_starting', { p_booking_id: bookingId })
    .abortSignal(timeout(NOTIFICATION_WRITE_TIMEOUT_MS))
  if (error) throw error
  return data === true
}
