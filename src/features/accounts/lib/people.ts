import type { Enums } from '@/lib/database.types'

export type Role = Enums<'app_role'>
export type Pillar = Enums<'pillar'>

export type ProfileRow = { id: string; name: string; email: string; role: Role; company_id: string | null }
/** What Supabase Auth knows of a person (from the invite-user function's list). */
export type AuthPerson = { id: string; email: string; invitedAt: string | null; acceptedAt: string | null }
export type PersonStatus = 'active' | 'pending'

export type PersonRow = {
  id: string
  name: string
  email: string
  role: Role
  /** company (employees) or área (prestadores), '' otherwise */
  detail: string
  status: PersonStatus
}

export const ROLE_SECTIONS: { role: Role; title: string }[] = [
  { role: 'user', title: 'Colaboradores' },
  { role: 'prestador', title: 'Prestadores' },
  { role: 'especialista', title: 'Especialistas' },
  { role: 'admin', title: 'Administradores' },
]

/**
 * People by role, then by company/área and name. Someone invited who has not yet followed the
 * e-mail's link is "pending" (Auth has not confirmed their e-mail).
 */
export function groupPeople(
  profiles: ProfileRow[],
  auth: AuthPerson[],
  companies: Map<string, string>,
  areas: Map<string, string>,
): { role: Role; title: string; people: PersonRow[] }[] {
  const authById = new Map(auth.map((a) => [a.id, a]))
  const rows = profiles.map((p): PersonRow => {
    const a = authById.get(p.id)
    return {
      id: p.id,
      name: p.name,
      email: p.email,
      role: p.role,
      detail: p.role === 'user' ? (companies.get(p.company_id ?? '') ?? '') : p.role === 'prestador' ? (areas.get(p.id) ?? '') : '',
      status: a && !a.acceptedAt ? 'pending' : 'active',
    }
  })
  const collator = new Intl.Collator('pt-PT')
  return ROLE_SECTIONS.map((s) => ({
    ...s,
    people: rows
      .filter((r) => r.role === s.role)
      .sort((x, y) => collator.compare(x.detail, y.detail) || collator.compare(x.name, y.name)),
  }))
}

export type InviteValues = { email: string; name: string; role: Role | ''; companyId: string; pillar: Pillar | '' }
export type InviteErrors = Partial<Record<keyof InviteValues, string>>

/** Field errors of the invitation form (the function checks the same again). */
export function validateInvite(v: InviteValues): InviteErrors {
  const e: InviteErrors = {}
  const email = v.email.trim()
  if (!email) e.email = 'Indique o e-mail.'
  else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) e.email = 'E-mail inválido.'
  if (!v.name.trim()) e.name = 'Indique o nome.'
  else if (v.name.trim().length > 200) e.name = 'O nome pode ter até 200 caracteres.'
  if (!v.role) e.role = 'Escolha o papel.'
  if (v.role === 'user' && !v.companyId) e.companyId = 'Escolha a empresa do colaborador.'
  if (v.role === 'prestador' && !v.pillar) e.pillar = 'Escolha a área do prestador.'
  return e
}
