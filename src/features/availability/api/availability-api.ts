// What the availability editor reads and writes, straight to PostgREST with supabase-js.
// RLS decides (a prestador manages their own rows; the guard trigger on prestadores refuses
// pillar/active); every failure is thrown as an AvailabilityRequestError with a pt-PT message.

import { supabase } from '@/lib/supabase'
import type { Tables, TablesUpdate } from '@/lib/database.types'
import { AvailabilityRequestError } from '../lib/availability-errors'

export type WeeklyHoursBlock = Pick<Tables<'prestador_availability'>, 'id' | 'weekday' | 'start_time' | 'end_time'>
export type BlockedDate = Pick<Tables<'prestador_blocked_dates'>, 'id' | 'blocked_on' | 'reason'>
export type PrestadorSettings = Pick<Tables<'prestadores'>, 'id' | 'session_minutes' | 'buffer_minutes'>
/** The fields of their own directory entry a prestador may change (the guard trigger refuses the rest). */
export type PrestadorEntryEdit = Pick<TablesUpdate<'prestadores'>, 'specialty' | 'session_minutes' | 'buffer_minutes' | 'address'>

const HOURS_COLUMNS = 'id, weekday, start_time, end_time' as const
const BLOCKED_COLUMNS = 'id, blocked_on, reason' as const
const SETTINGS_COLUMNS = 'id, session_minutes, buffer_minutes' as const

/** The prestador's weekly hours, by weekday and start. */
export async function fetchWeeklyHours(prestadorId: string): Promise<WeeklyHoursBlock[]> {
  const { data, error } = await supabase
    .from('prestador_availability')
    .select(HOURS_COLUMNS)
    .eq('prestador_id', prestadorId)
    .order('weekday')
    .order('start_time')
  if (error) throw error
  return data
}

export type NewWeeklyHours = { prestadorId: string; weekday: number; startTime: string; endTime: string }

/** Adds one block of weekly hours ("HH:MM" times; "24:00" ends at midnight). */
export async function addWeeklyHours(input: NewWeeklyHours): Promise<WeeklyHoursBlock> {
  const { data, error, status } = await supabase
    .from('prestador_availability')
    .insert({ prestador_id: input.prestadorId, weekday: input.weekday, start_time: input.startTime, end_time: input.endTime })
    .select(HOURS_COLUMNS)
    .single()
  if (error) throw AvailabilityRequestError.from(error, status)
  return data
}

/**
 * Removes one block. Resolves `false` when no row was removed: it was already gone, or RLS
 * hides it from the caller (not theirs).
 */
export async function removeWeeklyHours(blockId: string): Promise<boolean> {
  const { data, error, status } = await supabase.from('prestador_availability').delete().eq('id', blockId).select('id')
  if (error) throw AvailabilityRequestError.from(error, status)
  return data.length > 0
}

/** The prestador's blocked dates from `fromDay` ("YYYY-MM-DD") on, by date. */
export async function fetchBlockedDates(prestadorId: string, fromDay: string): Promise<BlockedDate[]> {
  const { data, error } = await supabase
    .from('prestador_blocked_dates')
    .select(BLOCKED_COLUMNS)
    .eq('prestador_id', prestadorId)
    .gte('blocked_on', fromDay)
    .order('blocked_on')
  if (error) throw error
  return data
}

export type NewBlockedDate = { prestadorId: string; day: string; reason: string | null }

export async function addBlockedDate(input: NewBlockedDate): Promise<BlockedDate> {
  const { data, error, status } = await supabase
    .from('prestador_blocked_dates')
    .insert({ prestador_id: input.prestadorId, blocked_on: input.day, reason: input.reason })
    .select(BLOCKED_COLUMNS)
    .single()
  if (error) throw AvailabilityRequestError.from(error, status)
  return data
}

/** Unblocks a day. `false` when no row was removed (already gone, or not the caller's). */
export async function removeBlockedDate(blockedDateId: string): Promise<boolean> {
  const { data, error, status } = await supabase.from('prestador_blocked_dates').delete().eq('id', blockedDateId).select('id')
  if (error) throw AvailabilityRequestError.from(error, status)
  return data.length > 0
}

/** Session length and buffer of the prestador's directory entry. */
export async function fetchPrestadorSettings(prestadorId: string): Promise<PrestadorSettings> {
  const { data, error } = await supabase.from('prestadores').select(SETTINGS_COLUMNS).eq('id', prestadorId).maybeSingle()
  if (error) throw error
  if (!data) throw new Error('Prestador não encontrado.')
  return data
}

/**
 * Updates the prestador's own directory entry. An update RLS filters out changes no row and
 * returns none: that is reported as `forbidden`, never as saved.
 */
export async function updatePrestadorEntry(prestadorId: string, edit: PrestadorEntryEdit): Promise<PrestadorSettings> {
  const { data, error, status } = await supabase.from('prestadores').update(edit).eq('id', prestadorId).select(SETTINGS_COLUMNS)
  if (error) throw AvailabilityRequestError.from(error, status)
  const row = data[0]
  if (!row) throw new AvailabilityRequestError('forbidden')
  return row
}
