// Supabase Edge Function (Deno): the admin's invitations. Only the service role may call Supabase
// Auth's admin API, so inviting runs here and the browser never holds that key. The caller must be
// an admin: their JWT is checked with Auth (getUser), then their profile's role.
//
//   POST { action: 'list' }                                   -> { people: AuthPerson[] }
//   POST { action: 'invite', email, name, role, companyId?, pillar?, specialty?, redirectTo }
//   POST { action: 'resend', userId, redirectTo }              (only while not accepted)
//   POST { action: 'revoke', userId }                          (deletes the unaccepted user)
//
// Deploy: npx supabase functions deploy invite-user
import { createClient } from 'npm:@supabase/supabase-js@2.119.1'

const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'authorization, x-client-info, apikey, content-type',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
}

const ROLES = ['user', 'prestador', 'especialista', 'admin']
const PILLARS = ['saude_mental', 'bem_estar_fisico', 'assistencia_financeira', 'assistencia_juridica']

const reply = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { ...corsHeaders, 'content-type': 'application/json' } })
const fail = (status: number, error: string, message: string) => reply(status, { error, message })

type Body = Record<string, unknown>
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')

Deno.serve(async (req: Request) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders })
  if (req.method !== 'POST') return fail(405, 'method_not_allowed', 'Método não permitido.')

  const url = Deno.env.get('SUPABASE_URL')!
  const anonKey = Deno.env.get('SUPABASE_ANON_KEY')!
  const serviceKey = Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!
  const authorization = req.headers.get('Authorization') ?? ''
  const token = authorization.replace(/^Bearer\s+/i, '')
  const noSession = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } }

  // Who is calling: Auth checks the token (signature, expiry, session), then the role.
  const caller = createClient(url, anonKey, { ...noSession, global: { headers: { Authorization: `Bearer ${token}` } } })
  const { data: me, error: meError } = await caller.auth.getUser(token)
  if (meError || !me.user) return fail(401, 'not_signed_in', 'Inicie sessão para continuar.')
  const admin = createClient(url, serviceKey, noSession)
  const { data: profile } = await admin.from('profiles').select('role').eq('id', me.user.id).maybeSingle()
  if (profile?.role !== 'admin') return fail(403, 'not_admin', 'Só um administrador pode gerir convites.')

  let body: Body
  try {
    body = (await req.json()) as Body
  } catch {
    return fail(400, 'bad_request', 'Pedido inválido.')
  }

  const pending = async (userId: string) => {
    const { data, error } = await admin.auth.admin.getUserById(userId)
    if (error || !data.user) return { response: fail(404, 'not_found', 'Esta pessoa já não existe.') }
    if (data.user.email_confirmed_at) {
      return { response: fail(409, 'already_accepted', 'Esta pessoa já aceitou o convite.') }
    }
    return { user: data.user }
  }

  switch (body.action) {
    case 'list': {
      const { data, error } = await admin.auth.admin.listUsers({ page: 1, perPage: 1000 })
      if (error) return fail(502, 'auth_failed', 'Não foi possível ler as contas. Tente de novo.')
      const people = data.users.map((u) => ({
        id: u.id,
        email: u.email ?? '',
        invitedAt: u.invited_at ?? null,
        acceptedAt: u.email_confirmed_at ?? null,
        lastSignInAt: u.last_sign_in_at ?? null,
      }))
      return reply(200, { people })
    }
    case 'invite': {
      const email = text(body.email).toLowerCase()
      const name = text(body.name)
      const role = text(body.role)
      const companyId = text(body.companyId) || null
      const pillar = text(body.pillar) || null
      const specialty = text(body.specialty)
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return fail(400, 'invalid_email', 'E-mail inválido.')
      if (!name || name.length > 200) return fail(400, 'invalid_name', 'Indique o nome (até 200 caracteres).')
      if (!ROLES.includes(role)) return fail(400, 'invalid_role', 'Escolha o papel da pessoa.')
      if (role === 'user' && !companyId) return fail(400, 'company_required', 'Escolha a empresa do colaborador.')
      if (role === 'prestador' && (!pillar || !PILLARS.includes(pillar))) {
        return fail(400, 'area_required', 'Escolha a área do prestador.')
      }
      const { data, error } = await admin.auth.admin.inviteUserByEmail(email, {
        data: { name, role },
        redirectTo: text(body.redirectTo) || undefined,
      })
      if (error || !data.user) {
        if (error?.code === 'email_exists') return fail(409, 'email_exists', 'Já existe uma conta com este e-mail.')
        if (error?.status === 429) return fail(429, 'rate_limited', 'Foram enviados muitos e-mails há pouco. Tente de novo mais tarde.')
        return fail(502, 'invite_failed', 'Não foi possível enviar o convite. Tente de novo.')
      }
      const id = data.user.id
      // The profile is written as the admin (RLS: "admins insert profiles"), not as the service role.
      const { error: profileError } = await caller
        .from('profiles')
        .upsert({ id, email, name, role, company_id: role === 'user' ? companyId : null })
      const { error: prestadorError } =
        profileError || role !== 'prestador'
          ? { error: null }
          : await caller.from('prestadores').upsert({ id, pillar, specialty: specialty || 'Por definir' })
      if (profileError || prestadorError) {
        // Nothing half-made: without a profile the invitation is withdrawn.
        await admin.auth.admin.deleteUser(id)
        console.error('invite-user: profile', profileError ?? prestadorError)
        return fail(400, 'profile_failed', 'Não foi possível criar o perfil. Verifique os dados e tente de novo.')
      }
      return reply(200, { id, email })
    }
    case 'resend': {
      const found = await pending(text(body.userId))
      if (found.response) return found.response
      const { error } = await admin.auth.admin.inviteUserByEmail(found.user.email!, {
        redirectTo: text(body.redirectTo) || undefined,
      })
      if (error?.status === 429) return fail(429, 'rate_limited', 'Foram enviados muitos e-mails há pouco. Tente de novo mais tarde.')
      if (error) return fail(502, 'invite_failed', 'Não foi possível reenviar o convite. Tente de novo.')
      return reply(200, { id: found.user.id })
    }
    case 'revoke': {
      const found = await pending(text(body.userId))
      if (found.response) return found.response
      // The profile (and prestador entry) go with the user (on delete cascade).
      const { error } = await admin.auth.admin.deleteUser(found.user.id)
      if (error) return fail(502, 'revoke_failed', 'Não foi possível anular o convite. Tente de novo.')
      return reply(200, { id: found.user.id })
    }
    default:
      return fail(400, 'bad_request', 'Ação desconhecida.')
  }
})
