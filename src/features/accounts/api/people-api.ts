import { FunctionsClient, FunctionsHttpError } from '@supabase/functions-js'
import { apiUrl, fetchAsSession, supabase } from '@/lib/supabase'
import { NEW_PASSWORD_PATH } from '../components/ForgotPassword'
import type { AuthPerson, InviteValues, ProfileRow } from '../lib/people'

// Only this (lazily loaded) admin page calls functions: the shared client stays without them.
const functions = new FunctionsClient(`${apiUrl}/functions/v1`, { customFetch: fetchAsSession })

export const peopleKeys = { all: ['accounts', 'people'] as const }

/**
 * The invite-user Edge Function (Supabase Auth's admin API runs there, with the service role;
 * the browser only sends the admin's own token). Its refusals carry a pt-PT message.
 */
async function inviteUser<T>(body: Record<string, unknown>): Promise<T> {
  const { data, error } = await functions.invoke<T>('invite-user', { body })
  if (error instanceof FunctionsHttpError) {
    const payload = (await (error.context as Response).json().catch(() => null)) as { message?: string } | null
    throw new Error(payload?.message ?? 'O pedido foi recusado. Tente de novo.')
  }
  if (error || data === null) throw new Error('Não foi possível contactar o servidor. Verifique a ligação e tente de novo.')
  return data
}

const redirectTo = () => `${window.location.origin}${NEW_PASSWORD_PATH}`

export type PeopleData = {
  profiles: ProfileRow[]
  auth: AuthPerson[]
  companies: { id: string; name: string }[]
  areas: Map<string, string>
}

export async function fetchPeople(areaLabel: (pillar: string) => string): Promise<PeopleData> {
  const [profiles, companies, prestadores, auth] = await Promise.all([
    supabase.from('profiles').select('id, name, email, role, company_id').order('name'),
    supabase.from('companies').select('id, name').order('name'),
    supabase.from('prestadores').select('id, pillar'),
    inviteUser<{ people: AuthPerson[] }>({ action: 'list' }),
  ])
  if (!profiles.data || !companies.data || !prestadores.data) {
    throw new Error('Não foi possível carregar as pessoas. Tente de novo.')
  }
  return {
    profiles: profiles.data,
    companies: companies.data,
    areas: new Map(prestadores.data.map((p) => [p.id, areaLabel(p.pillar)])),
    auth: auth.people,
  }
}

export const invitePerson = (v: InviteValues) =>
  inviteUser<{ id: string }>({
    action: 'invite',
    email: v.email.trim(),
    name: v.name.trim(),
    role: v.role,
    companyId: v.role === 'user' ? v.companyId : undefined,
    pillar: v.role === 'prestador' ? v.pillar : undefined,
    redirectTo: redirectTo(),
  })

export const resendInvite = (userId: string) => inviteUser<{ id: string }>({ action: 'resend', userId, redirectTo: redirectTo() })

export const revokeInvite = (userId: string) => inviteUser<{ id: string }>({ action: 'revoke', userId })
