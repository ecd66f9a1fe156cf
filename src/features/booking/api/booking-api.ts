// Everything the booking screens read and write, straight to PostgREST with supabase-js.
// RLS and the RPCs decide what is allowed; writes turn every failure into a
// BookingRequestError with a pt-PT message (see lib/booking-errors.ts).

import type { QueryData } from '@supabase/supabase-js'
import { supabase } from '@/lib/supabase'
import type { Enums, Tables } from '@/lib/database.types'
import type { AdminBookingFilters } from '../lib/admin-filters'
import { blockedDatesWindow, busyWindow, dayOf, dayRangeInstants } from '../lib/booking-days'
import { BookingRequestError, classifyBookingError } from '../lib/booking-errors'
import { freeSlotsByDay } from '../lib/day-picker'
import { freeSlots, type BusyInterval, type Slot, type WeeklyHours } from '../lib/free-slots'

type Pillar = Enums<'pillar'>
type MeetingType = Enums<'meeting_type'>

const FALLBACK_TIME_ZONE = 'Europe/Lisbon'

// ---------------------------------------------------------------------------------------
// Prestadores and their schedules
// ---------------------------------------------------------------------------------------

const PRESTADOR_COLUMNS =
  'id, pillar, specialty, session_minutes, buffer_minutes, address, profile:profiles!prestadores_id_fkey(name, time_zone)' as const

const prestadoresQuery = () => supabase.from('prestadores').select(PRESTADOR_COLUMNS).eq('active', true)
type PrestadorRow = QueryData<ReturnType<typeof prestadoresQuery>>[number]

export type PrestadorOption = {
  id: string
  name: string
  pillar: Pillar
  specialty: string
  sessionMinutes: number
  bufferMinutes: number
  address: string | null
  /** The prestador's IANA zone: their weekly hours and blocked dates are in it. */
  timeZone: string
}

function toOption(row: PrestadorRow): PrestadorOption {
  return {
    id: row.id,
    name: row.profile?.name ?? 'Prestador',
    pillar: row.pillar,
    specialty: row.specialty,
    sessionMinutes: row.session_minutes,
    bufferMinutes: row.buffer_minutes,
    address: row.address,
    timeZone: row.profile?.time_zone ?? FALLBACK_TIME_ZONE,
  }
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'pt')

/** Active prestadores, of one pillar or all, by name. */
export async function fetchPrestadores(pillar: Pillar | null): Promise<PrestadorOption[]> {
  const query = pillar ? prestadoresQuery().eq('pillar', pillar) : prestadoresQuery()
  const { data, error } = await query
  if (error) throw error
  return data.map(toOption).sort(byName)
}

export type PrestadorSchedule = PrestadorOption & { weeklyHours: WeeklyHours[] }

/** One prestador with their weekly hours (the part of the slot rule that rarely changes). */
export async function fetchSchedule(prestadorId: string): Promise<PrestadorSchedule> {
  const [prestador, hours] = await Promise.all([
    prestadoresQuery().eq('id', prestadorId).maybeSingle(),
    supabase.from('prestador_availability').select('weekday, start_time, end_time').eq('prestador_id', prestadorId),
  ])
  if (prestador.error) throw prestador.error
  if (hours.error) throw hours.error
  if (!prestador.data) throw new Error('Prestador não encontrado ou inativo.')
  return { ...toOption(prestador.data), weeklyHours: hours.data }
}

export type DayAvailability = { busy: BusyInterval[]; blockedDates: string[] }

/**
 * The prestador's busy times and blocked dates around the days `fromDay`..`toDay` of the
 * viewer's calendar: one request each for the whole range, whatever its length (<= 60 days).
 */
export async function fetchRangeAvailability(prestadorId: string, fromDay: string, toDay: string, viewerTimeZone: string): Promise<DayAvailability> {
  const window = busyWindow(fromDay, viewerTimeZone, toDay)
  const blocked = blockedDatesWindow(fromDay, toDay)
  const [busy, dates] = await Promise.all([
    supabase.rpc('prestador_busy_times', { p_prestador_id: prestadorId, p_from: window.from, p_to: window.to }),
    supabase
      .from('prestador_blocked_dates')
      .select('blocked_on')
      .eq('prestador_id', prestadorId)
      .gte('blocked_on', blocked.from)
      .lte('blocked_on', blocked.to),
  ])
  if (busy.error) throw busy.error
  if (dates.error) throw dates.error
  return { busy: busy.data ?? [], blockedDates: dates.data.map((d) => d.blocked_on) }
}

/** The prestador's busy times and blocked dates around `day` of the viewer's calendar. */
export function fetchDayAvailability(prestadorId: string, day: string, viewerTimeZone: string): Promise<DayAvailability> {
  return fetchRangeAvailability(prestadorId, day, day, viewerTimeZone)
}

/** The busy intervals without `ignore` (the booking being moved is not in its own way). */
function busyWithout(busy: BusyInterval[], ignore: Slot | null | undefined): BusyInterval[] {
  if (!ignore) return busy
  const start = Date.parse(ignore.starts_at)
  const end = Date.parse(ignore.ends_at)
  return busy.filter((b) => !(Date.parse(b.starts_at) === start && Date.parse(b.ends_at) === end))
}

/** What freeSlots() needs of a schedule and its availability, for any day. */
function slotRule(schedule: PrestadorSchedule, availability: DayAvailability, viewerTimeZone: string, now: number, ignore?: Slot | null) {
  return {
    viewerTimeZone,
    prestadorTimeZone: schedule.timeZone,
    weeklyHours: schedule.weeklyHours,
    blockedDates: availability.blockedDates,
    busy: busyWithout(availability.busy, ignore),
    sessionMinutes: schedule.sessionMinutes,
    bufferMinutes: schedule.bufferMinutes,
    now,
  }
}

/** freeSlots() for a schedule and a day's availability. `ignore` drops one busy interval (the booking being moved). */
export function computeSlots(
  schedule: PrestadorSchedule,
  availability: DayAvailability,
  day: string,
  viewerTimeZone: string,
  now: number,
  ignore?: Slot | null,
): Slot[] {
  return freeSlots({ ...slotRule(schedule, availability, viewerTimeZone, now, ignore), day })
}

/** computeSlots() for each of `days`, from one range's availability. */
export function computeSlotsByDay(
  schedule: PrestadorSchedule,
  availability: DayAvailability,
  days: readonly string[],
  viewerTimeZone: string,
  now: number,
  ignore?: Slot | null,
): Map<string, Slot[]> {
  return freeSlotsByDay(days, slotRule(schedule, availability, viewerTimeZone, now, ignore))
}

/** Asks the server again whether `slot` is still free (undefined when that cannot be told). */
export async function isSlotStillFree(prestadorId: string, slot: Slot, viewerTimeZone: string): Promise<boolean | undefined> {
  try {
    const day = dayOf(slot.starts_at, viewerTimeZone)
    const [schedule, availability] = await Promise.all([
      fetchSchedule(prestadorId),
      fetchDayAvailability(prestadorId, day, viewerTimeZone),
    ])
    const start = Date.parse(slot.starts_at)
    return computeSlots(schedule, availability, day, viewerTimeZone, Date.now()).some((s) => Date.parse(s.starts_at) === start)
  } catch {
    return undefined
  }
}

// ---------------------------------------------------------------------------------------
// Companies and employees (admin)
// ---------------------------------------------------------------------------------------

export type CompanyOption = Pick<Tables<'companies'>, 'id' | 'name'>
export type EmployeeOption = Pick<Tables<'profiles'>, 'id' | 'name' | 'email'>

export async function fetchCompanies(): Promise<CompanyOption[]> {
  const { data, error } = await supabase.from('companies').select('id, name').order('name')
  if (error) throw error
  return data
}

/** Employees (role user) of a company, by name. Only admins can read them all (RLS). */
export async function fetchEmployees(companyId: string): Promise<EmployeeOption[]> {
  const { data, error } = await supabase
    .from('profiles')
    .select('id, name, email')
    .eq('role', 'user')
    .eq('company_id', companyId)
    .order('name')
  if (error) throw error
  return data
}

// ---------------------------------------------------------------------------------------
// Creating bookings: the three paths
// ---------------------------------------------------------------------------------------

export type NewBooking = {
  userId: string
  prestador: Pick<PrestadorOption, 'id' | 'pillar'>
  slot: Slot
  meetingType: MeetingType
}

export type CreatedBooking = Pick<Tables<'bookings'>, 'id' | 'user_id' | 'prestador_id' | 'starts_at' | 'ends_at' | 'meeting_type'>
const CREATED_COLUMNS = 'id, user_id, prestador_id, starts_at, ends_at, meeting_type' as const

/** The row a new booking inserts: scheduled, in the chosen slot, with the prestador's pillar. */
function newBookingRow(input: NewBooking, source: 'direct' | 'admin_manual') {
  return {
    user_id: input.userId,
    prestador_id: input.prestador.id,
    pillar: input.prestador.pillar,
    starts_at: input.slot.starts_at,
    ends_at: input.slot.ends_at,
    meeting_type: input.meetingType,
    status: 'scheduled' as const,
    booking_source: source,
  }
}

/**
 * Employee books for themselves: scheduled, source direct, no link (the prestador adds it).
 * RLS only lets it through for a free slot; an RLS refusal is reported as "slot taken" when
 * a fresh look shows the slot gone, so the loser of a race learns what happened.
 */
export async function createDirectBooking(input: NewBooking, viewerTimeZone: string): Promise<CreatedBooking> {
  const { data, error, status } = await supabase.from('bookings').insert(newBookingRow(input, 'direct')).select(CREATED_COLUMNS).single()
  if (error) {
    const slotStillFree = error.code === '42501' ? await isSlotStillFree(input.prestador.id, input.slot, viewerTimeZone) : undefined
    const failure = classifyBookingError(error, status, { slotStillFree })
    // The answer of an earlier try may have been lost after the server booked it (connection
    // dropped, deadline hit while it committed). That booking is this one: report it booked,
    // not "no answer" (they would book a second slot) nor "slot taken" (by themselves).
    if (failure.kind === 'network' || failure.kind === 'slot_taken') {
      const own = await findOwnBooking(input)
      if (own) return own
    }
    throw new BookingRequestError(failure)
  }
  return data
}

/** How long the "was it booked after all?" look-up may take after a failed booking. */
const OWN_BOOKING_LOOKUP_MS = 4_000

/** The employee's own active booking of exactly this slot (same prestador, start and type), or null. */
async function findOwnBooking(input: NewBooking): Promise<CreatedBooking | null> {
  try {
    const { data, error } = await supabase
      .from('bookings')
      .select(CREATED_COLUMNS)
      .eq('user_id', input.userId)
      .eq('prestador_id', input.prestador.id)
      .eq('starts_at', input.slot.starts_at)
      .eq('meeting_type', input.meetingType)
      .in('status', ['pending', 'scheduled'])
      .limit(1)
      .abortSignal(AbortSignal.timeout(OWN_BOOKING_LOOKUP_MS))
    return error ? null : (data?.[0] ?? null)
  } catch {
    return null
  }
}

/** Admin books for an employee: scheduled, source admin_manual. */
export async function createAdminBooking(input: NewBooking): Promise<CreatedBooking> {
  const { data, error, status } = await supabase
    .from('bookings')
    .insert(newBookingRow(input, 'admin_manual'))
    .select(CREATED_COLUMNS)
    .single()
  if (error) throw new BookingRequestError(classifyBookingError(error, status))
  return data
}

export type AssignInput = { callRequestId: string; prestadorId: string; slot: Slot; meetingType: MeetingType }

/** Especialista turns a call request into a booking (source specialist_referral) and holds the request. */
export async function assignCallRequest(input: AssignInput): Promise<Tables<'bookings'>> {
  const { data, error, status } = await supabase.rpc('assign_call_request', {
    p_call_request_id: input.callRequestId,
    p_prestador_id: input.prestadorId,
    p_starts_at: input.slot.starts_at,
    p_ends_at: input.slot.ends_at,
    p_meeting_type: input.meetingType,
  })
  if (error) throw new BookingRequestError(classifyBookingError(error, status))
  return data
}

// ---------------------------------------------------------------------------------------
// Changing bookings (admin). Reschedule and cancel go through the session-management
// feature (its forms, RPC calls and error texts); only the direct edit is here.
// ---------------------------------------------------------------------------------------

export type BookingEdit = { meetingType: MeetingType; location: string | null }

/** Admin-only direct update (RLS): the session's type and place. */
export async function updateBooking(bookingId: string, edit: BookingEdit): Promise<Pick<Tables<'bookings'>, 'id'>> {
  const { data, error, status } = await supabase
    .from('bookings')
    .update({ meeting_type: edit.meetingType, location: edit.location })
    .eq('id', bookingId)
    .select('id')
    .single()
  if (error) throw new BookingRequestError(classifyBookingError(error, status))
  return data
}

// ---------------------------------------------------------------------------------------
// The admin's table and "Sem link" panel
// ---------------------------------------------------------------------------------------

// `profiles` needs the FK hint: bookings references it three times.
const ADMIN_SELECT =
  '*, company:companies(name), employee:profiles!bookings_user_id_fkey(name, email), prestador:prestadores(id, specialty, pillar, session_minutes, buffer_minutes, profile:profiles!prestadores_id_fkey(name, time_zone)), booking_links(meeting_link, updated_at, updated_by)' as const

const adminBookingsBase = () => supabase.from('bookings').select(ADMIN_SELECT, { count: 'exact' })
export type AdminBooking = QueryData<ReturnType<typeof adminBookingsBase>>[number]
export type AdminBookingsPage = { rows: AdminBooking[]; total: number; page: number; pageSize: number }

type AdminQuery = ReturnType<typeof adminBookingsBase>

/** The filters on a bookings query (the table's rows and its counts share them). */
function applyAdminFilters(query: AdminQuery, filters: AdminBookingFilters, adminTimeZone: string): AdminQuery {
  let q = query
  if (filters.company) q = q.eq('company_id', filters.company)
  if (filters.prestador) q = q.eq('prestador_id', filters.prestador)
  if (filters.status) q = q.eq('status', filters.status)
  if (filters.type) q = q.eq('meeting_type', filters.type)
  if (filters.missingLink) {
    // "Virtual sem link": no booking_links row with a link (none, or one whose link was removed).
    // PostgREST applies the embed's own filter first, then keeps the rows whose embed is empty.
    if (!filters.type) q = q.eq('meeting_type', 'virtual')
    if (!filters.status) q = q.in('status', ['pending', 'scheduled'])
    q = q.not('booking_links.meeting_link', 'is', null).is('booking_links', null)
  }
  const range = dayRangeInstants(filters.from, filters.to, adminTimeZone)
  if (range.from) q = q.gte('starts_at', range.from)
  if (range.to) q = q.lt('starts_at', range.to)
  return q
}

/** Where one page (rows `from`..`to`, 0-based) falls in "upcoming, then past". */
export function splitPage(from: number, to: number, upcomingCount: number): { upcoming: [number, number] | null; past: [number, number] | null } {
  return {
    upcoming: from < upcomingCount ? [from, Math.min(to, upcomingCount - 1)] : null,
    past: to >= upcomingCount ? [Math.max(0, from - upcomingCount), to - upcomingCount] : null,
  }
}

/**
 * One page (1-based) of bookings matching the filters, counted on the server. Order: sessions
 * not yet over first, soonest at the top; then past ones, the most recent first. Two counts,
 * then the page's slice of each part (PostgREST orders by columns only, not by "is it past").
 */
export async function fetchAdminBookings(
  filters: AdminBookingFilters,
  page: number,
  pageSize: number,
  adminTimeZone: string,
  now: number = Date.now(),
): Promise<AdminBookingsPage> {
  const boundary = new Date(now).toISOString()
  const filtered = (upcoming: boolean, columns: AdminQuery) => {
    const q = applyAdminFilters(columns, filters, adminTimeZone)
    return upcoming ? q.gte('ends_at', boundary) : q.lt('ends_at', boundary)
  }
  const count = (upcoming: boolean) => filtered(upcoming, supabase.from('bookings').select(ADMIN_SELECT, { count: 'exact', head: true }))
  const [upcomingCount, pastCount] = await Promise.all([count(true), count(false)])
  if (upcomingCount.error) throw upcomingCount.error
  if (pastCount.error) throw pastCount.error
  const upcomingTotal = upcomingCount.count ?? 0
  const total = upcomingTotal + (pastCount.count ?? 0)

  const from = (page - 1) * pageSize
  const slices = splitPage(from, from + pageSize - 1, upcomingTotal)
  // Upcoming: soonest first; past: latest first.
  const rows = (upcoming: boolean, range: [number, number] | null) =>
    range
      ? filtered(upcoming, adminBookingsBase())
          .order('starts_at', { ascending: upcoming })
          .order('id', { ascending: true })
          .range(...range)
      : null
  const [upcoming, past] = await Promise.all([rows(true, slices.upcoming), rows(false, slices.past)])
  if (upcoming?.error) throw upcoming.error
  if (past?.error) throw past.error
  return { rows: [...(upcoming?.data ?? []), ...(past?.data ?? [])], total, page, pageSize }
}

const DAY_MS = 86_400_000

/** Virtual sessions starting in the next 24 hours that still have no link: the admin chases the prestador. */
export async function fetchMissingLinks(now: number = Date.now()): Promise<AdminBooking[]> {
  const { data, error } = await supabase
    .from('bookings')
    .select(ADMIN_SELECT)
    .eq('meeting_type', 'virtual')
    .in('status', ['pending', 'scheduled'])
    .gte('starts_at', new Date(now).toISOString())
    .lt('starts_at', new Date(now + DAY_MS).toISOString())
    .order('starts_at', { ascending: true })
    .limit(200)
  if (error) throw error
  return data.filter((b) => !linkOf(b))
}

/** The booking's saved link, whatever shape the one-to-one embed arrived in. */
export function linkOf(booking: { booking_links: unknown }): string | null {
  const embed: unknown = booking.booking_links
  const row = Array.isArray(embed) ? embed[0] : embed
  if (row && typeof row === 'object' && 'meeting_link' in row && typeof row.meeting_link === 'string') return row.meeting_link
  return null
}
