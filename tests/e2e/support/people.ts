// People and sessions a test file owns, created straight on the e2e stack's gateway with the
// service role (never through the fault proxy), so fault and hostile-input tests can change
// and break things without touching the seed rows the other e2e files look at.
import pg from 'pg'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import { inject } from 'vitest'

export const PASSWORD = 'fixture-local-only'
const ACME = '10000000-0000-4000-8000-000000000001'

type StackInfo = { apiUrl: string; serviceRoleKey: string; dbUrl: string }
const defaultStack = (): StackInfo => inject('stack')

export function serviceClient(stack: StackInfo = defaultStack()): SupabaseClient {
  return createClient(stack.apiUrl, stack.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  })
}

/** Runs SQL as the Postgres superuser of the stack. */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
  stack: StackInfo = defaultStack(),
): Promise<T[]> {
  const client = new pg.Client({ connectionString: stack.dbUrl })
  await client.connect()
  try {
    return (await client.query<T>(text, params)).rows
  } finally {
    await client.end()
  }
}

export type Person = { id: string; email: string; password: string; name: string }

const suffix = () => Math.random().toString(36).slice(2, 8)

/** An employee (role user) of the seed's company. */
export async function createEmployee(name: string, stack?: StackInfo): Promise<Person> {
  const email = `colaborador-${suffix()}@encontro.test`
  const service = serviceClient(stack)
  const { data, error } = await service.auth.admin.createUser({
    email,
    password: PASSWORD,
    email_confirm: true,
    app_metadata: { app_role: 'user' },
    user_metadata: { name },
  })
  if (error) throw new Error(`createEmployee: ${error.message}`)
  const id = data.user!.id
  const { error: profileError } = await service.from('profiles').update({ company_id: ACME }).eq('id', id)
  if (profileError) throw new Error(`createEmployee profile: ${profileError.message}`)
  return { id, email, password: PASSWORD, name }
}

/** A prestador with Mon-Fri 09:00-18:00 (Europe/Lisbon) hours and 50-minute sessions. */
export async function createPrestador(
  name: string,
  { pillar = 'assistencia_juridica', specialty = 'Direito do trabalho' }: { pillar?: string; specialty?: string } = {},
  stack?: StackInfo,
): Promise<Person> {
  const email = `prestador-${suffix()}@encontro.test`
  const service = serviceClient(stack)
  const { data, error } = await service.auth.admin.createUser({
    email,
    password: PASSWORD,
    email_confirm: true,
    app_metadata: { app_role: 'prestador' },
    user_metadata: { name },
  })
  if (error) throw new Error(`createPrestador: ${error.message}`)
  const id = data.user!.id
  const { error: rowError } = await service.from('prestadores').insert({ id, pillar, specialty, session_minutes: 50 })
  if (rowError) throw new Error(`createPrestador row: ${rowError.message}`)
  const hours = [1, 2, 3, 4, 5].map((weekday) => ({ prestador_id: id, weekday, start_time: '09:00', end_time: '18:00' }))
  const { error: hoursError } = await service.from('prestador_availability').insert(hours)
  if (hoursError) throw new Error(`createPrestador hours: ${hoursError.message}`)
  return { id, email, password: PASSWORD, name }
}

/** Takes the prestador out of the booking lists (the other e2e files never see them). */
export async function retirePrestador(id: string, stack?: StackInfo): Promise<void> {
  await serviceClient(stack).from('prestadores').update({ active: false }).eq('id', id)
}

export type SessionFixture = {
  userId: string
  prestadorId: string
  /** ms from now */
  startsInMs: number
  minutes?: number
  meetingType?: 'virtual' | 'phone' | 'presencial'
  pillar?: string
}

/** A scheduled session, as the seed would insert it. */
export async function createSession(f: SessionFixture, stack?: StackInfo): Promise<{ id: string; starts_at: string; ends_at: string }> {
  const start = new Date(Date.now() + f.startsInMs)
  start.setUTCSeconds(0, 0)
  const end = new Date(start.getTime() + (f.minutes ?? 50) * 60_000)
  const { data, error } = await serviceClient(stack)
    .from('bookings')
    .insert({
      user_id: f.userId,
      prestador_id: f.prestadorId,
      pillar: f.pillar ?? 'assistencia_juridica',
      starts_at: start.toISOString(),
      ends_at: end.toISOString(),
      meeting_type: f.meetingType ?? 'virtual',
      status: 'scheduled',
      booking_source: 'direct',
    })
    .select('id, starts_at, ends_at')
    .single()
  if (error) throw new Error(`createSession: ${error.message}`)
  return data as { id: string; starts_at: string; ends_at: string }
}

export type BookingInDb = {
  id: string
  status: string
  starts_at: string
  ends_at: string
  cancellation_reason: string | null
  meeting_link: string | null
}

/** The booking and its link as the database holds them. */
export async function bookingInDb(id: string, stack?: StackInfo): Promise<BookingInDb> {
  const { data, error } = await serviceClient(stack)
    .from('bookings')
    .select('id, status, starts_at, ends_at, cancellation_reason, booking_links(meeting_link)')
    .eq('id', id)
    .single()
  if (error) throw new Error(`bookingInDb: ${error.message}`)
  const row = data as unknown as Omit<BookingInDb, 'meeting_link'> & { booking_links: { meeting_link: string | null } | null }
  const { booking_links: links, ...rest } = row
  return { ...rest, meeting_link: links?.meeting_link ?? null }
}

/** Bookings of an employee, as the database holds them. */
export async function bookingsOf(userId: string, stack?: StackInfo): Promise<Array<{ id: string; starts_at: string; status: string }>> {
  const { data, error } = await serviceClient(stack).from('bookings').select('id, starts_at, status').eq('user_id', userId)
  if (error) throw new Error(`bookingsOf: ${error.message}`)
  return data as Array<{ id: string; starts_at: string; status: string }>
}
