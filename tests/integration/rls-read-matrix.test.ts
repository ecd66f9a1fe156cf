// Read side of the RLS matrix: every table (and the client_profiles view) x every seed person
// and anon, through supabase-js -> gateway -> PostgREST -> Postgres. Each cell is the exact
// set of seed rows that person may see; hidden rows must be absent, not just filtered by UI.
import type { SupabaseClient } from '@supabase/supabase-js'
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient, signedInClient } from './support/clients'
import { BOOKING as B, CALL_REQUEST as CR, COMPANY, EVERYONE, PEOPLE as P, type Person } from './support/seed'

type Table = 'companies' | 'profiles' | 'client_profiles' | 'prestadores' | 'bookings' | 'booking_links' | 'call_requests'

const idColumn: Record<Table, string> = {
  companies: 'id',
  profiles: 'id',
  client_profiles: 'id',
  prestadores: 'id',
  bookings: 'id',
  booking_links: 'booking_id',
  call_requests: 'id',
}

const allBookings = Object.values(B)
const joaoBookings = [B.joaoVirtualIn3Min, B.joaoVirtualIn2h, B.joaoVirtualYesterday, B.joaoPhoneTomorrow, B.joaoPresencialNextWeek, B.joaoRitaCase]
const staffProfiles = [P.pedro.id, P.ana.id, P.rita.id, P.admin.id]

// Seed rows each person may read. Rows created by other test files are ignored: only seed
// ids are compared, so the matrix is about the seed's known cast.
const expected: Record<Person, Record<Table, string[]>> = {
  joao: {
    companies: [COMPANY.acme],
    profiles: [P.joao.id, ...staffProfiles],
    client_profiles: [],
    prestadores: [P.pedro.id, P.ana.id],
    bookings: joaoBookings,
    // Only the session whose window is open (starts in 3 minutes); yesterday's link is gone.
    booking_links: [B.joaoVirtualIn3Min],
    call_requests: [CR.joaoHeldByRita],
  },
  maria: {
    companies: [COMPANY.acme],
    profiles: [P.maria.id, ...staffProfiles],
    client_profiles: [],
    prestadores: [P.pedro.id, P.ana.id],
    bookings: [B.mariaWithAna],
    booking_links: [], // her session is tomorrow: the link is not hers to read yet
    call_requests: [CR.mariaOpen],
  },
  pedro: {
    companies: [COMPANY.acme],
    profiles: staffProfiles,
    client_profiles: [P.joao.id],
    prestadores: [P.pedro.id, P.ana.id],
    bookings: joaoBookings,
    booking_links: [B.joaoVirtualIn3Min, B.joaoVirtualYesterday],
    call_requests: [],
  },
  ana: {
    companies: [COMPANY.acme],
    profiles: staffProfiles,
    client_profiles: [P.maria.id],
    prestadores: [P.pedro.id, P.ana.id],
    bookings: [B.mariaWithAna],
    booking_links: [B.mariaWithAna],
    call_requests: [],
  },
  rita: {
    companies: [COMPANY.acme],
    profiles: staffProfiles,
    client_profiles: [P.joao.id, P.maria.id],
    prestadores: [P.pedro.id, P.ana.id],
    bookings: [B.joaoRitaCase],
    booking_links: [],
    call_requests: [CR.mariaOpen, CR.joaoHeldByRita],
  },
  admin: {
    companies: [COMPANY.acme],
    profiles: Object.values(P).map((p) => p.id),
    client_profiles: [P.joao.id, P.maria.id],
    prestadores: [P.pedro.id, P.ana.id],
    bookings: allBookings,
    booking_links: [B.joaoVirtualIn3Min, B.joaoVirtualYesterday, B.mariaWithAna],
    call_requests: [CR.mariaOpen, CR.joaoHeldByRita],
  },
}

const seedIds = new Set<string>([
  COMPANY.acme,
  ...Object.values(P).map((p) => p.id),
  ...allBookings,
  ...Object.values(CR),
])

async function visibleSeedIds(client: SupabaseClient, table: Table): Promise<string[]> {
  const column = idColumn[table]
  const { data, error } = await client.from(table).select(column)
  expect(error, `${table}: ${error?.message}`).toBeNull()
  return (data as unknown as Record<string, string>[])
    .map((row) => row[column]!)
    .filter((id) => seedIds.has(id))
    .sort()
}

const tables = Object.keys(idColumn) as Table[]

describe.each(EVERYONE)('%s reads', (person) => {
  let client: SupabaseClient
  beforeAll(async () => {
    client = await signedInClient(P[person].email)
  })

  it.each(tables)('%s: exactly the rows they may see', async (table) => {
    expect(await visibleSeedIds(client, table)).toEqual([...expected[person][table]].sort())
  })
})

describe('anon reads', () => {
  it.each(tables)('%s: nothing', async (table) => {
    const { data, error } = await anonClient().from(table).select(idColumn[table])
    // No grants for anon: PostgREST answers permission denied; either way no row leaks.
    expect(data ?? []).toEqual([])
    expect(error?.code).toBe('42501')
  })
})

describe('column limits', () => {
  it('a prestador reads only name, email and phone of a client, not their profile row', async () => {
    const pedro = await signedInClient(P.pedro.email)
    const { data: viaView } = await pedro.from('client_profiles').select('*').eq('id', P.joao.id)
    expect(viaView).toHaveLength(1)
    expect(Object.keys(viaView![0]!).sort()).toEqual(['company_id', 'email', 'id', 'name', 'phone'])
    const { data: viaTable } = await pedro.from('profiles').select('*').eq('id', P.joao.id)
    expect(viaTable).toEqual([])
  })

  it('João never sees Maria: not her profile, bookings or request, even asked by id', async () => {
    const joao = await signedInClient(P.joao.email)
    for (const [table, id] of [
      ['profiles', P.maria.id],
      ['bookings', B.mariaWithAna],
      ['call_requests', CR.mariaOpen],
      ['booking_links', B.mariaWithAna],
    ] as const) {
      const { data, error } = await joao.from(table).select('*').eq(table === 'booking_links' ? 'booking_id' : 'id', id)
      expect(error).toBeNull()
      expect(data, table).toEqual([])
    }
  })

  it('Pedro never sees Ana\'s booking, even asked by id', async () => {
    const pedro = await signedInClient(P.pedro.email)
    const { data } = await pedro.from('bookings').select('id').eq('id', B.mariaWithAna)
    expect(data).toEqual([])
  })
})
