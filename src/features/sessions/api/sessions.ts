import type { QueryData } from '@supabase/supabase-js'
import { supabase } from '@/lib/supabase'
import type { Tables } from '@/lib/database.types'
import type { AdminPage } from './keys'

/** A bookings row, as every list has it (`*`). Embeds differ per role, see below. */
export type SessionRow = Tables<'bookings'>
export type CallRequestRow = Tables<'call_requests'>

// Embeds. `profiles` must be embedded with a hint: bookings has several FKs to it
// (user_id, cancelled_by, created_by). Prestadores/especialistas can't read employees'
// `profiles` rows, so they embed the `client_profiles` view instead.
const LINK = 'booking_links(meeting_link, updated_at, updated_by)'
const PRESTADOR = 'prestador:prestadores(id, specialty, pillar, profile:profiles!prestadores_id_fkey(name))'
const CLIENT = 'client:client_profiles!bookings_user_id_fkey(name, email, phone)'
const COMPANY = 'company:companies(name)'

// Every list that shows a card selects `*` (so `location` and `cancellation_reason`, which
// the cards show) and the link embed.

// Employee: their own bookings. For them, `booking_links` is null outside the link window (RLS).
// Their own profile is embedded for the phone number a phone session will be called on.
const SELF = 'employee:profiles!bookings_user_id_fkey(phone)'
const USER_SELECT = `*, ${PRESTADOR}, ${SELF}, ${LINK}` as const
const userSessionsQuery = (userId: string) =>
  supabase.from('bookings').select(USER_SELECT).eq('user_id', userId).order('starts_at', { ascending: true })
export type UserSession = QueryData<ReturnType<typeof userSessionsQuery>>[number]

export async function fetchUserSessions(userId: string): Promise<UserSession[]> {
  const { data, error } = await userSessionsQuery(userId)
  if (error) throw error
  return data
}

// Prestador: the bookings they give.
const PRESTADOR_SELECT = `*, ${CLIENT}, ${COMPANY}, ${LINK}` as const
const prestadorSessionsQuery = (prestadorId: string) =>
  supabase
    .from('bookings')
    .select(PRESTADOR_SELECT)
    .eq('prestador_id', prestadorId)
    .order('starts_at', { ascending: true })
export type PrestadorSession = QueryData<ReturnType<typeof prestadorSessionsQuery>>[number]

export async function fetchPrestadorSessions(prestadorId: string): Promise<PrestadorSession[]> {
  const { data, error } = await prestadorSessionsQuery(prestadorId)
  if (error) throw error
  return data
}

// Especialista: bookings that came from call requests they hold.
const CASE_BOOKING = `booking:bookings(*, ${CLIENT}, ${PRESTADOR}, ${LINK})` as const
const CASE_SELECT = `*, ${CASE_BOOKING}` as const
const especialistaCasesQuery = (especialistaId: string) =>
  supabase
    .from('call_requests')
    .select(CASE_SELECT)
    .eq('especialista_id', especialistaId)
    .not('booking_id', 'is', null)
    .order('created_at', { ascending: false })
export type EspecialistaCase = QueryData<ReturnType<typeof especialistaCasesQuery>>[number]

export async function fetchEspecialistaCases(especialistaId: string): Promise<EspecialistaCase[]> {
  const { data, error } = await especialistaCasesQuery(especialistaId)
  if (error) throw error
  return data
}

// Especialista: open call requests waiting for someone, oldest first.
const QUEUE_SELECT = '*, client:client_profiles!call_requests_user_id_fkey(name, email, phone)' as const
const callRequestQueueQuery = () =>
  supabase.from('call_requests').select(QUEUE_SELECT).eq('status', 'open').order('created_at', { ascending: true })
export type QueuedCallRequest = QueryData<ReturnType<typeof callRequestQueueQuery>>[number]

export async function fetchCallRequestQueue(): Promise<QueuedCallRequest[]> {
  const { data, error } = await callRequestQueueQuery()
  if (error) throw error
  return data
}

// Admin: every booking, newest session first, one page at a time with an exact count.
const ADMIN_SELECT = `*, ${COMPANY}, employee:profiles!bookings_user_id_fkey(name, email), ${PRESTADOR}, ${LINK}` as const
const adminSessionsQuery = ({ page, pageSize }: AdminPage) => {
  const from = page * pageSize
  return supabase
    .from('bookings')
    .select(ADMIN_SELECT, { count: 'exact' })
    .order('starts_at', { ascending: false })
    .order('id', { ascending: true })
    .range(from, from + pageSize - 1)
}
export type AdminSession = QueryData<ReturnType<typeof adminSessionsQuery>>[number]
export type AdminSessionsPage = { rows: AdminSession[]; total: number; page: number; pageSize: number }

export async function fetchAdminSessions(page: AdminPage): Promise<AdminSessionsPage> {
  const { data, error, count } = await adminSessionsQuery(page)
  if (error) throw error
  return { rows: data, total: count ?? data.length, ...page }
}
