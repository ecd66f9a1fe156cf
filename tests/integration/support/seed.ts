// Ids and logins of supabase/seed.sql, so tests can name what they expect to see.
export const COMPANY = { acme: '10000000-0000-4000-8000-000000000001' } as const

export const PEOPLE = {
  joao: { id: '20000000-0000-4000-8000-000000000001', email: 'joao@encontro.test' },
  maria: { id: '20000000-0000-4000-8000-000000000002', email: 'maria@encontro.test' },
  pedro: { id: '20000000-0000-4000-8000-000000000003', email: 'pedro@encontro.test' },
  ana: { id: '20000000-0000-4000-8000-000000000004', email: 'ana@encontro.test' },
  rita: { id: '20000000-0000-4000-8000-000000000005', email: 'rita@encontro.test' },
  admin: { id: '20000000-0000-4000-8000-000000000006', email: 'admin@encontro.test' },
} as const

export type Person = keyof typeof PEOPLE
export const EVERYONE = Object.keys(PEOPLE) as Person[]

export const BOOKING = {
  joaoVirtualIn3Min: '30000000-0000-4000-8000-000000000001',
  joaoVirtualIn2h: '30000000-0000-4000-8000-000000000002',
  joaoVirtualYesterday: '30000000-0000-4000-8000-000000000003',
  joaoPhoneTomorrow: '30000000-0000-4000-8000-000000000004',
  joaoPresencialNextWeek: '30000000-0000-4000-8000-000000000005',
  mariaWithAna: '30000000-0000-4000-8000-000000000006',
  joaoRitaCase: '30000000-0000-4000-8000-000000000007',
} as const

export const CALL_REQUEST = {
  mariaOpen: '40000000-0000-4000-8000-000000000001',
  joaoHeldByRita: '40000000-0000-4000-8000-000000000002',
} as const

export const DEMO_PASSWORD = 'encontro-demo'
