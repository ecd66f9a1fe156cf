import { groupPeople, validateInvite, type InviteValues } from './people'

const companies = new Map([['c1', 'Acme Portugal'], ['c2', 'Beta Lda']])
const areas = new Map([['p1', 'Saúde Mental']])

describe('groupPeople', () => {
  it('groups by role, sorts by company then name, and marks unaccepted invitations as pending', () => {
    const sections = groupPeople(
      [
        { id: 'u2', name: 'Zé', email: 'z@x.pt', role: 'user', company_id: 'c1' },
        { id: 'u1', name: 'Ana', email: 'a@x.pt', role: 'user', company_id: 'c2' },
        { id: 'u3', name: 'Bruno', email: 'b@x.pt', role: 'user', company_id: 'c1' },
        { id: 'p1', name: 'Pedro', email: 'p@x.pt', role: 'prestador', company_id: null },
        { id: 'a1', name: 'Admin', email: 'ad@x.pt', role: 'admin', company_id: null },
      ],
      [
        { id: 'u3', email: 'b@x.pt', invitedAt: '2026-11-30T00:00:00Z', acceptedAt: null },
        { id: 'u2', email: 'z@x.pt', invitedAt: '2026-11-30T00:00:00Z', acceptedAt: '2026-11-30T01:00:00Z' },
      ],
      companies,
      areas,
    )
    expect(sections.map((s) => [s.title, s.people.map((p) => `${p.name}|${p.detail}|${p.status}`)])).toEqual([
      ['Colaboradores', ['Bruno|Acme Portugal|pending', 'Zé|Acme Portugal|active', 'Ana|Beta Lda|active']],
      ['Prestadores', ['Pedro|Saúde Mental|active']],
      ['Especialistas', []],
      ['Administradores', ['Admin||active']],
    ])
  })
})

describe('validateInvite', () => {
  const ok: InviteValues = { email: 'nova@empresa.pt', name: 'Nova Pessoa', role: 'user', companyId: 'c1', pillar: '' }
  it.each<[string, Partial<InviteValues>, Record<string, string>]>([
    ['complete employee', {}, {}],
    ['empty', { email: '', name: ' ', role: '' }, { email: 'Indique o e-mail.', name: 'Indique o nome.', role: 'Escolha o papel.' }],
    ['bad e-mail', { email: 'nova@' }, { email: 'E-mail inválido.' }],
    ['employee without company', { companyId: '' }, { companyId: 'Escolha a empresa do colaborador.' }],
    ['prestador without área', { role: 'prestador', companyId: '' }, { pillar: 'Escolha a área do prestador.' }],
    ['prestador with área', { role: 'prestador', companyId: '', pillar: 'saude_mental' }, {}],
    ['especialista needs neither', { role: 'especialista', companyId: '' }, {}],
  ])('%s', (_, change, expected) => {
    expect(validateInvite({ ...ok, ...change })).toEqual(expected)
  })
})
