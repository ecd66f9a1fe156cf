// Issue 10, finding 3: data the client must not choose, sent forged through the real API as the
// seed's people (supabase-js -> gateway -> PostgREST -> Postgres).
import type { SupabaseClient } from '@supabase/supabase-js'
import { beforeAll, describe, expect, it } from 'vitest'
import { serviceClient, signedInClient } from './support/clients'
import { bookableSlot, bookingRow, createBooking, createPrestador } from './support/fixtures'
import { signInEveryone } from './support/people'
import { CALL_REQUEST, COMPANY, PEOPLE, type Person } from './support/seed'

const svc = () => serviceClient()
const FORGED_TIME = '2000-01-01T00:00:00Z'
/** The server's clock within a generous minute (the test machine is slow). */
const isNow = (iso: string | null | undefined) => Math.abs(new Date(iso ?? 0).getTime() - Date.now()) < 60_000

let clients: Record<Person, SupabaseClient>
let fisio: Awaited<ReturnType<typeof createPrestador>>
let otherCompany: string
beforeAll(async () => {
  clients = await signInEveryone()
  fisio = await createPrestador('bem_estar_fisico', { weeklyHours: true })
  await svc().from('prestadores').update({ address: 'Rua do Prestador 1, Lisboa' }).eq('id', fisio.id)
  const { data, error } = await svc().from('companies').insert({ name: `Outra ${Math.random()}` }).select('id').single()
  expect(error).toBeNull()
  otherCompany = data!.id
})

const bookAs = (person: Person, row: Record<string, unknown>) =>
  clients[person]
    .from('bookings')
    .insert({ prestador_id: fisio.id, pillar: 'bem_estar_fisico', meeting_type: 'virtual', status: 'scheduled', ...bookableSlot(50), ...row })
    .select('*')
    .single()

describe('created_at and the other audit columns are the server\'s', () => {
  it('an employee cannot jump the especialista\'s queue with created_at 2000-01-01', async () => {
    const { data, error } = await clients.maria
      .from('call_requests')
      .insert({ user_id: PEOPLE.maria.id, pillar: 'saude_mental', notes: 'Quero ser a primeira', created_at: FORGED_TIME })
      .select('id, created_at, assigned_at')
      .single()
    expect(error).toBeNull()
    expect(isNow(data!.created_at)).toBe(true)
    // The especialista's queue (oldest first) still starts with the seed's older request.
    const { data: queue } = await clients.rita.from('call_requests').select('id').eq('status', 'open').order('created_at').limit(1)
    expect(queue![0]!.id).not.toBe(data!.id)
    await svc().from('call_requests').delete().eq('id', data!.id)
  })

  it('an admin\'s insert gets the server\'s created_at and assigned_at too', async () => {
    const { data, error } = await clients.admin
      .from('call_requests')
      .insert({ user_id: PEOPLE.maria.id, pillar: 'saude_mental', status: 'assigned', especialista_id: PEOPLE.rita.id, created_at: FORGED_TIME, assigned_at: FORGED_TIME })
      .select('id, created_at, assigned_at')
      .single()
    expect(error).toBeNull()
    expect(isNow(data!.created_at)).toBe(true)
    expect(isNow(data!.assigned_at)).toBe(true)
    await svc().from('call_requests').delete().eq('id', data!.id)
  })

  it('an employee\'s booking: created_at, updated_at, created_by and company are the server\'s', async () => {
    const { data, error } = await bookAs('joao', {
      user_id: PEOPLE.joao.id, booking_source: 'direct', created_at: FORGED_TIME, updated_at: FORGED_TIME,
      created_by: PEOPLE.maria.id, company_id: otherCompany,
    })
    expect(error).toBeNull()
    expect(isNow(data!.created_at)).toBe(true)
    expect(isNow(data!.updated_at)).toBe(true)
    expect(data!.created_by).toBe(PEOPLE.joao.id)
    expect(data!.company_id).toBe(COMPANY.acme)
  })

  it('an admin cannot backdate, reassign authorship or forge who cancelled', async () => {
    const { data, error } = await bookAs('admin', {
      user_id: PEOPLE.maria.id, booking_source: 'admin_manual', company_id: otherCompany, created_at: FORGED_TIME,
      created_by: PEOPLE.joao.id, status: 'cancelled', cancellation_reason: 'Indisponível', cancelled_by: PEOPLE.joao.id, cancelled_at: FORGED_TIME,
    })
    expect(error).toBeNull()
    expect(data).toMatchObject({ company_id: COMPANY.acme, created_by: PEOPLE.admin.id, cancelled_by: PEOPLE.admin.id })
    expect(isNow(data!.created_at)).toBe(true)
    expect(isNow(data!.cancelled_at)).toBe(true)

    const booking = await createBooking()
    const before = await bookingRow(booking.id)
    const { error: updateError } = await clients.admin
      .from('bookings')
      .update({ created_at: FORGED_TIME, created_by: PEOPLE.maria.id, company_id: otherCompany, cancelled_by: PEOPLE.maria.id })
      .eq('id', booking.id)
    expect(updateError).toBeNull()
    const after = await bookingRow(booking.id)
    expect(after).toMatchObject({ created_at: before.created_at, created_by: before.created_by, company_id: COMPANY.acme, cancelled_by: null })
  })

  it('profiles and companies keep their created_at', async () => {
    const { data: before } = await svc().from('profiles').select('created_at').eq('id', PEOPLE.maria.id).single()
    await clients.admin.from('profiles').update({ created_at: FORGED_TIME }).eq('id', PEOPLE.maria.id)
    const { data: after } = await svc().from('profiles').select('created_at, updated_at').eq('id', PEOPLE.maria.id).single()
    expect(after!.created_at).toBe(before!.created_at)
    expect(isNow(after!.updated_at)).toBe(true)

    const { data: company, error } = await clients.admin
      .from('companies')
      .insert({ name: `Datada ${Math.random()}`, created_at: FORGED_TIME })
      .select('id, created_at')
      .single()
    expect(error).toBeNull()
    expect(isNow(company!.created_at)).toBe(true)
  })

  it('a notification marked read records the server\'s time, once', async () => {
    const { data: note } = await svc()
      .from('notifications')
      .insert({ recipient_id: PEOPLE.joao.id, kind: 'booking_created' })
      .select('id')
      .single()
    const { error } = await clients.joao.from('notifications').update({ read_at: FORGED_TIME }).eq('id', note!.id)
    expect(error).toBeNull()
    const { data: read } = await svc().from('notifications').select('read_at').eq('id', note!.id).single()
    expect(isNow(read!.read_at)).toBe(true)
    await clients.joao.from('notifications').update({ read_at: '2099-01-01T00:00:00Z' }).eq('id', note!.id)
    const { data: again } = await svc().from('notifications').select('read_at').eq('id', note!.id).single()
    expect(again!.read_at).toBe(read!.read_at)
  })
})

describe("a booking's company is its employee's", () => {
  let loner: { id: string; client: SupabaseClient }
  beforeAll(async () => {
    const email = `sem-empresa-${Math.random().toString(36).slice(2, 10)}@encontro.test`
    const { data, error } = await svc().auth.admin.createUser({
      email, password: 'fixture-local-only', email_confirm: true, app_metadata: { app_role: 'user' }, user_metadata: { name: 'Sem Empresa' },
    })
    expect(error).toBeNull()
    loner = { id: data.user!.id, client: await signedInClient(email, 'fixture-local-only') }
  })

  it('an employee without a company gets a clear refusal, and nothing is stored', async () => {
    const { data, error } = await loner.client
      .from('bookings')
      .insert({ user_id: loner.id, prestador_id: fisio.id, pillar: 'bem_estar_fisico', meeting_type: 'virtual', booking_source: 'direct', company_id: COMPANY.acme, ...bookableSlot(50) })
      .select('id')
    expect(data).toBeNull()
    expect(error).toMatchObject({ code: '22023', message: 'booking_employee_without_company' })
    expect(error!.hint).toMatch(/não está associado a nenhuma empresa/)
    const { data: stored } = await svc().from('bookings').select('id').eq('user_id', loner.id)
    expect(stored).toEqual([])
  })

  it('an admin booking for them is refused the same way', async () => {
    const { error } = await bookAs('admin', { user_id: loner.id, booking_source: 'admin_manual', company_id: otherCompany })
    expect(error).toMatchObject({ code: '22023', message: 'booking_employee_without_company' })
  })
})

describe("a presencial session's location is the prestador's or an admin's", () => {
  it('an employee booking presencial gets the prestador\'s address, not the one sent', async () => {
    const { data, error } = await bookAs('joao', { user_id: PEOPLE.joao.id, booking_source: 'direct', meeting_type: 'presencial', location: 'Rua Falsa 1' })
    expect(error).toBeNull()
    expect(data!.location).toBe('Rua do Prestador 1, Lisboa')
  })

  it('the employee cannot change it; the prestador and an admin can', async () => {
    const booking = await createBooking({ prestador_id: fisio.id, meeting_type: 'presencial' })
    const joao = await clients.joao.rpc('set_session_location', { p_booking_id: booking.id, p_location: 'Rua Falsa 1' })
    expect(joao.error).toMatchObject({ code: '42501', message: 'location_not_allowed' })
    const { data: direct } = await clients.joao.from('bookings').update({ location: 'Rua Falsa 1' }).eq('id', booking.id).select('id')
    expect(direct).toEqual([])

    const prestador = await fisio.client()
    const moved = await prestador.rpc('set_session_location', { p_booking_id: booking.id, p_location: '  Sala 3, Rua do Prestador 1  ' })
    expect(moved.error).toBeNull()
    expect((await bookingRow(booking.id)).location).toBe('Sala 3, Rua do Prestador 1')

    const invisible = await prestador.rpc('set_session_location', { p_booking_id: booking.id, p_location: '\u00a0\u200b' })
    expect(invisible.error).toMatchObject({ code: '22023', hint: 'Indique o local da sessão.' })

    const { error } = await clients.admin.from('bookings').update({ location: 'Sala 4' }).eq('id', booking.id)
    expect(error).toBeNull()
    expect((await bookingRow(booking.id)).location).toBe('Sala 4')
  })
})

describe('profiles.time_zone is a real IANA zone', () => {
  it.each(['Bogus/Zone', 'europe/lisbon', 'posix/Europe/Lisbon', 'UTC+3', '', 'Europe/Lisbon\u200b'])('%j is refused with a clear pt-PT hint', async (zone) => {
    const { error } = await clients.pedro.from('profiles').update({ time_zone: zone }).eq('id', PEOPLE.pedro.id)
    expect(error).toMatchObject({ code: '22023', message: 'time_zone_invalid', hint: 'Escolha um fuso horário válido.' })
    expect(JSON.stringify(error)).not.toMatch(/not recognized/)
    const { data } = await svc().from('profiles').select('time_zone').eq('id', PEOPLE.pedro.id).single()
    expect(data!.time_zone).toBe('Europe/Lisbon')
  })

  it('real zones are accepted', async () => {
    for (const zone of ['America/Sao_Paulo', 'Asia/Tokyo', 'UTC', 'Europe/Lisbon']) {
      const { error } = await clients.pedro.from('profiles').update({ time_zone: zone }).eq('id', PEOPLE.pedro.id)
      expect(error, zone).toBeNull()
    }
  })
})

describe('names refuse bidi controls; reasons need visible characters', () => {
  it.each(['Jo\u202eoãJ', 'Ana\u2066 Admin\u2069', '\u200fMaria', '\u00a0\u200b', '   '])('name %j is refused', async (name) => {
    const { error } = await clients.joao.from('profiles').update({ name }).eq('id', PEOPLE.joao.id)
    expect(error?.code).toBe('23514')
    const { data } = await svc().from('profiles').select('name').eq('id', PEOPLE.joao.id).single()
    expect(data!.name).toBe('João Silva')
  })

  it('a company name with an override is refused', async () => {
    const { error } = await clients.admin.from('companies').insert({ name: 'Acme \u202eLDA' })
    expect(error?.code).toBe('23514')
  })

  it('a plain accented name is fine', async () => {
    const { error } = await clients.joao.from('profiles').update({ name: 'João Silva' }).eq('id', PEOPLE.joao.id)
    expect(error).toBeNull()
  })

  it.each(['\u00a0', '\u200b\u200b', '\u00a0\u200d\ufeff', '\u2800', ' \u3000 '])('cancellation reason %j counts as empty', async (reason) => {
    const booking = await createBooking()
    const { error } = await clients.pedro.rpc('cancel_booking', { p_booking_id: booking.id, p_reason: reason })
    expect(error).toMatchObject({ code: '22023', message: 'cancel_reason_required', hint: 'Indique o motivo do cancelamento.' })
    expect((await bookingRow(booking.id)).status).toBe('scheduled')
  })

  it('an admin cannot store an invisible cancellation reason directly either', async () => {
    const booking = await createBooking()
    const { error } = await clients.admin.from('bookings').update({ status: 'cancelled', cancellation_reason: '\u00a0\u200b' }).eq('id', booking.id)
    expect(error?.code).toBe('23514')
  })

  it('a blocked date\'s reason is absent or visible', async () => {
    const prestador = await fisio.client()
    const day = new Date(Date.now() + 500 * 86_400_000).toISOString().slice(0, 10)
    const invisible = await prestador.from('prestador_blocked_dates').insert({ prestador_id: fisio.id, blocked_on: day, reason: '\u00a0\u200b' })
    expect(invisible.error?.code).toBe('23514')
    const ok = await prestador.from('prestador_blocked_dates').insert({ prestador_id: fisio.id, blocked_on: day, reason: 'Férias' })
    expect(ok.error).toBeNull()
  })

  it('the seed\'s open request is still first in the queue', async () => {
    const { data } = await clients.rita.from('call_requests').select('id').eq('status', 'open').order('created_at').limit(1)
    expect(data![0]!.id).toBe(CALL_REQUEST.mariaOpen)
  })
})
