// Write side of the RLS matrix: insert / update / delete on every table x every role.
// A refused insert is an error; a refused update or delete under RLS is HTTP 200 with zero
// rows, so those cells assert on the rows returned AND on the row as the service role sees it.
import type { SupabaseClient } from '@supabase/supabase-js'
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient, serviceClient, signedInClient } from './support/clients'
import { bookableSlot, createBooking, createCallRequest, createPrestador, futureSlot, setLinkAsService } from './support/fixtures'
import { BOOKING as B, COMPANY, EVERYONE, PEOPLE as P, type Person } from './support/seed'

const clients = {} as Record<Person, SupabaseClient>
beforeAll(async () => {
  for (const person of EVERYONE) clients[person] = await signedInClient(P[person].email)
})

const svc = () => serviceClient()
const uniq = () => Math.random().toString(36).slice(2, 10)

type Outcome = 'allowed' | 'refused'
const onlyAdmin = (person: Person): Outcome => (person === 'admin' ? 'allowed' : 'refused')

describe('companies', () => {
  it.each(EVERYONE)('insert by %s', async (person) => {
    const { data, error } = await clients[person].from('companies').insert({ name: `Co ${uniq()}` }).select('id')
    if (onlyAdmin(person) === 'allowed') expect(error).toBeNull()
    else {
      expect(error?.code).toBe('42501')
      expect(data).toBeNull()
    }
  })

  it.each(EVERYONE)('update by %s', async (person) => {
    const { data: co } = await svc().from('companies').insert({ name: `Co ${uniq()}` }).select('id, name').single()
    const { data } = await clients[person].from('companies').update({ name: `Renamed ${uniq()}` }).eq('id', co!.id).select('id')
    const { data: after } = await svc().from('companies').select('name').eq('id', co!.id).single()
    if (onlyAdmin(person) === 'allowed') expect(after!.name).not.toBe(co!.name)
    else {
      expect(data).toEqual([])
      expect(after!.name).toBe(co!.name)
    }
  })

  it.each(EVERYONE)('update of their own company Acme by %s', async (person) => {
    const { data } = await clients[person].from('companies').update({ address: 'Rua Falsa 1' }).eq('id', COMPANY.acme).select('id')
    if (person === 'admin') {
      expect(data).toHaveLength(1)
      await svc().from('companies').update({ address: 'Avenida da Liberdade 100, 1250-146 Lisboa' }).eq('id', COMPANY.acme)
    } else expect(data).toEqual([])
  })

  it.each(EVERYONE)('delete by %s', async (person) => {
    const { data: co } = await svc().from('companies').insert({ name: `Co ${uniq()}` }).select('id').single()
    await clients[person].from('companies').delete().eq('id', co!.id)
    const { data: after } = await svc().from('companies').select('id').eq('id', co!.id)
    expect(after).toHaveLength(onlyAdmin(person) === 'allowed' ? 0 : 1)
  })

  it('anon cannot write', async () => {
    const { error } = await anonClient().from('companies').insert({ name: `Co ${uniq()}` })
    expect(error?.code).toBe('42501')
  })
})

describe('profiles', () => {
  it.each(EVERYONE)('%s may rename themselves but not change their own role or company', async (person) => {
    const me = P[person].id
    const { data: before } = await svc().from('profiles').select('name, role, company_id').eq('id', me).single()
    const { data: renamed, error: renameError } = await clients[person].from('profiles').update({ name: `${before!.name} ` + 'x' }).eq('id', me).select('name')
    expect(renameError).toBeNull()
    expect(renamed).toHaveLength(1)
    await svc().from('profiles').update({ name: before!.name }).eq('id', me)

    const { error: roleError } = await clients[person].from('profiles').update({ role: person === 'admin' ? 'admin' : 'admin' }).eq('id', me).select('id')
    if (person === 'admin') expect(roleError).toBeNull()
    else expect(roleError?.code).toBe('42501')
    const otherCompany = before!.company_id ? null : COMPANY.acme
    const { error: companyError } = await clients[person].from('profiles').update({ company_id: otherCompany }).eq('id', me).select('id')
    if (person === 'admin') {
      expect(companyError).toBeNull()
      await svc().from('profiles').update({ company_id: before!.company_id }).eq('id', me)
    } else expect(companyError?.code).toBe('42501')
    const { data: after } = await svc().from('profiles').select('name, role, company_id').eq('id', me).single()
    expect(after).toEqual(before)
  })

  it.each(EVERYONE)("%s updating João's profile", async (person) => {
    if (person === 'joao') return
    const { data } = await clients[person].from('profiles').update({ phone: '+351 900 000 000' }).eq('id', P.joao.id).select('id')
    const { data: after } = await svc().from('profiles').select('phone').eq('id', P.joao.id).single()
    if (person === 'admin') {
      expect(data).toHaveLength(1)
      await svc().from('profiles').update({ phone: '+351 912 345 678' }).eq('id', P.joao.id)
    } else {
      expect(data).toEqual([])
      expect(after!.phone).toBe('+351 912 345 678')
    }
  })

  it.each(EVERYONE)('insert and delete of a profile by %s', async (person) => {
    // An auth user whose profile row is then removed, so there is a free id to insert.
    const email = `p-${uniq()}@encontro.test`
    const { data: created, error } = await svc().auth.admin.createUser({ email, password: 'x-local-only-1', email_confirm: true })
    expect(error).toBeNull()
    const id = created.user!.id
    await svc().from('profiles').delete().eq('id', id)
    const { error: insertError } = await clients[person].from('profiles').insert({ id, name: 'Novo', email })
    if (person === 'admin') expect(insertError).toBeNull()
    else {
      expect(insertError?.code).toBe('42501')
      await svc().from('profiles').insert({ id, name: 'Novo', email })
    }
    await clients[person].from('profiles').delete().eq('id', id)
    const { data: after } = await svc().from('profiles').select('id').eq('id', id)
    expect(after).toHaveLength(person === 'admin' ? 0 : 1)
  })
})

describe('prestadores', () => {
  it('Pedro edits his specialty but not his pillar; Ana cannot edit Pedro', async () => {
    const { data: before } = await svc().from('prestadores').select('*').eq('id', P.pedro.id).single()
    const { data: ok } = await clients.pedro.from('prestadores').update({ specialty: 'Psicoterapia' }).eq('id', P.pedro.id).select('specialty')
    expect(ok).toEqual([{ specialty: 'Psicoterapia' }])
    const { error: pillarError } = await clients.pedro.from('prestadores').update({ pillar: 'assistencia_juridica' }).eq('id', P.pedro.id)
    expect(pillarError?.code).toBe('42501')
    const { data: anaTry } = await clients.ana.from('prestadores').update({ specialty: 'Hack' }).eq('id', P.pedro.id).select('id')
    expect(anaTry).toEqual([])
    await svc().from('prestadores').update({ specialty: before!.specialty }).eq('id', P.pedro.id)
  })

  it.each(EVERYONE)('insert and delete of a directory entry by %s', async (person) => {
    const { data: created } = await svc().auth.admin.createUser({ email: `pr-${uniq()}@encontro.test`, password: 'x-local-only-1', email_confirm: true })
    const id = created.user!.id
    const { error } = await clients[person].from('prestadores').insert({ id, pillar: 'saude_mental', specialty: 'Teste' })
    if (person === 'admin') expect(error).toBeNull()
    else {
      expect(error?.code).toBe('42501')
      await svc().from('prestadores').insert({ id, pillar: 'saude_mental', specialty: 'Teste' })
    }
    await clients[person].from('prestadores').delete().eq('id', id)
    const { data: after } = await svc().from('prestadores').select('id').eq('id', id)
    expect(after).toHaveLength(person === 'admin' ? 0 : 1)
  })

  it.each(EVERYONE)("%s deactivating Ana's directory entry", async (person) => {
    const { data, error } = await clients[person].from('prestadores').update({ active: false }).eq('id', P.ana.id).select('id')
    const { data: after } = await svc().from('prestadores').select('active').eq('id', P.ana.id).single()
    if (person === 'admin') {
      expect(data).toHaveLength(1)
      await svc().from('prestadores').update({ active: true }).eq('id', P.ana.id)
    } else {
      // Ana reaches her own row but may not change `active` (guard trigger); others reach no row.
      if (person === 'ana') expect(error?.code).toBe('42501')
      else expect(data).toEqual([])
      expect(after!.active).toBe(true)
    }
  })
})

describe('bookings', () => {
  // A prestador of this file's own, so new bookings don't change the seed prestadores' clients.
  let fisio: Awaited<ReturnType<typeof createPrestador>>
  beforeAll(async () => {
    fisio = await createPrestador('bem_estar_fisico', { weeklyHours: true })
  })
  const insertAs = (person: Person, row: Record<string, unknown>) =>
    clients[person].from('bookings').insert({ prestador_id: fisio.id, pillar: 'bem_estar_fisico', meeting_type: 'virtual', ...bookableSlot(50), ...row }).select('id, created_by, company_id')

  it('João books a direct session for himself; created_by and company are the server\'s', async () => {
    const { data, error } = await insertAs('joao', { user_id: P.joao.id, booking_source: 'direct', company_id: null })
    expect(error).toBeNull()
    expect(data![0]!.created_by).toBe(P.joao.id)
    expect(data![0]!.company_id).toBe(COMPANY.acme)
  })

  it.each([
    ['for Maria', { user_id: P.maria.id, booking_source: 'direct' }],
    ['as admin_manual', { user_id: P.joao.id, booking_source: 'admin_manual' }],
    ['as specialist_referral', { user_id: P.joao.id, booking_source: 'specialist_referral' }],
    ['already cancelled', { user_id: P.joao.id, booking_source: 'direct', status: 'cancelled', cancellation_reason: 'x' }],
    ['already completed', { user_id: P.joao.id, booking_source: 'direct', status: 'completed' }],
    ['in the past', { user_id: P.joao.id, booking_source: 'direct', starts_at: '2020-01-01T10:00:00Z', ends_at: '2020-01-01T11:00:00Z' }],
  ])('João cannot book %s', async (_label, row) => {
    const { data, error } = await insertAs('joao', row)
    expect(error?.code).toBe('42501')
    expect(data).toBeNull()
  })

  it.each(['pedro', 'ana', 'rita'] as const)('%s cannot create bookings directly', async (person) => {
    const { error } = await insertAs(person, { user_id: P.joao.id, booking_source: 'direct' })
    expect(error?.code).toBe('42501')
  })

  it('the admin books for Maria with source admin_manual', async () => {
    const { data, error } = await insertAs('admin', { user_id: P.maria.id, booking_source: 'admin_manual' })
    expect(error).toBeNull()
    expect(data![0]!.created_by).toBe(P.admin.id)
  })

  it('anon cannot book', async () => {
    const { error } = await anonClient().from('bookings').insert({ user_id: P.joao.id, prestador_id: fisio.id, pillar: 'bem_estar_fisico', meeting_type: 'virtual', booking_source: 'direct', ...futureSlot() })
    expect(error?.code).toBe('42501')
  })

  it.each([
    ['user_id', { user_id: P.maria.id }],
    ['times', { starts_at: '2031-01-01T10:00:00Z', ends_at: '2031-01-01T11:00:00Z' }],
    ['prestador', { prestador_id: P.ana.id }],
    ['status', { status: 'completed' }],
  ])('Pedro cannot change a booking\'s %s directly', async (_label, patch) => {
    const booking = await createBooking()
    const before = (await svc().from('bookings').select('*').eq('id', booking.id).single()).data
    const { data } = await clients.pedro.from('bookings').update(patch).eq('id', booking.id).select('id')
    expect(data).toEqual([])
    const after = (await svc().from('bookings').select('*').eq('id', booking.id).single()).data
    expect(after).toEqual(before)
  })

  it.each(EVERYONE)('direct update and delete by %s', async (person) => {
    const booking = await createBooking()
    const { data: updated } = await clients[person].from('bookings').update({ location: 'Sala 2' }).eq('id', booking.id).select('id')
    expect(updated).toHaveLength(person === 'admin' ? 1 : 0)
    await clients[person].from('bookings').delete().eq('id', booking.id)
    const { data: after } = await svc().from('bookings').select('id').eq('id', booking.id)
    expect(after).toHaveLength(person === 'admin' ? 0 : 1)
  })
})

describe('booking_links', () => {
  const saveAs = (person: Person, bookingId: string, link: string) =>
    clients[person].from('booking_links').upsert({ booking_id: bookingId, meeting_link: link }).select('booking_id, updated_by')

  const whoMayWrite: Record<Person, Outcome> = {
    joao: 'refused', maria: 'refused', ana: 'refused', rita: 'refused', pedro: 'allowed', admin: 'allowed',
  }

  it.each(EVERYONE)("insert/update of a link on Pedro's booking by %s", async (person) => {
    const booking = await createBooking()
    const { data, error } = await saveAs(person, booking.id, 'https://zoom.us/j/111')
    const { data: row } = await svc().from('booking_links').select('*').eq('booking_id', booking.id).maybeSingle()
    if (whoMayWrite[person] === 'allowed') {
      expect(error).toBeNull()
      expect(data![0]!.updated_by).toBe(P[person].id)
      expect(row!.meeting_link).toBe('https://zoom.us/j/111')
    } else {
      expect(error?.code).toBe('42501')
      expect(row).toBeNull()
    }
    await setLinkAsService(booking.id, 'https://zoom.us/j/222')
    const { data: updated } = await clients[person].from('booking_links').update({ meeting_link: 'https://zoom.us/j/333' }).eq('booking_id', booking.id).select('booking_id')
    expect(updated ?? []).toHaveLength(whoMayWrite[person] === 'allowed' ? 1 : 0)
  })

  it("Rita may set the link of her case's booking, not of other bookings", async () => {
    const { data } = await saveAs('rita', B.joaoRitaCase, 'https://meet.jit.si/EncontroCaseRoom123')
    expect(data).toHaveLength(1)
    await svc().from('booking_links').delete().eq('booking_id', B.joaoRitaCase)
    const { error } = await saveAs('rita', B.joaoVirtualIn2h, 'https://meet.jit.si/EncontroCaseRoom123')
    expect(error?.code).toBe('42501')
  })

  it.each(EVERYONE)('delete of a link by %s', async (person) => {
    const booking = await createBooking()
    await setLinkAsService(booking.id, 'https://zoom.us/j/444')
    await clients[person].from('booking_links').delete().eq('booking_id', booking.id)
    const { data } = await svc().from('booking_links').select('booking_id').eq('booking_id', booking.id)
    expect(data).toHaveLength(person === 'admin' ? 0 : 1)
  })

  it('a link cannot be set on a phone session', async () => {
    const booking = await createBooking({ meeting_type: 'phone' })
    const { error } = await saveAs('pedro', booking.id, 'https://zoom.us/j/555')
    expect(error?.code).toBe('42501')
  })
})

describe('call_requests', () => {
  it('João opens a request for himself', async () => {
    const { error } = await clients.joao.from('call_requests').insert({ user_id: P.joao.id, pillar: 'assistencia_juridica', notes: 'Dúvida sobre contrato.' })
    expect(error).toBeNull()
  })

  it.each([
    ['for Maria', { user_id: P.maria.id }],
    ['already assigned to Rita', { user_id: P.joao.id, status: 'assigned', especialista_id: P.rita.id }],
    ['linked to a booking', { user_id: P.joao.id, booking_id: B.joaoVirtualIn2h }],
  ])('João cannot open a request %s', async (_label, row) => {
    const { error } = await clients.joao.from('call_requests').insert({ pillar: 'saude_mental', ...row })
    expect(error?.code).toBe('42501')
  })

  it.each(['pedro', 'ana', 'rita'] as const)('%s cannot open requests', async (person) => {
    const { error } = await clients[person].from('call_requests').insert({ user_id: P[person].id, pillar: 'saude_mental' })
    expect(error?.code).toBe('42501')
  })

  it.each(EVERYONE)('direct update and delete by %s', async (person) => {
    const id = await createCallRequest()
    const { data } = await clients[person].from('call_requests').update({ notes: 'changed' }).eq('id', id).select('id')
    expect(data ?? []).toHaveLength(person === 'admin' ? 1 : 0)
    await clients[person].from('call_requests').delete().eq('id', id)
    const { data: after } = await svc().from('call_requests').select('id').eq('id', id)
    expect(after).toHaveLength(person === 'admin' ? 0 : 1)
  })
})
