import type { AppRole } from '../types'

const HOME_PATHS: Record<AppRole, string> = {
  user: '/user/sessions',
  prestador: '/prestador/sessions',
  especialista: '/especialista/dashboard',
  admin: '/admin/operations',
}

const ROLE_LABELS: Record<AppRole, string> = {
  user: 'Colaborador',
  prestador: 'Prestador',
  especialista: 'Especialista',
  admin: 'Administrador',
}

/** Where a person of this role lands after sign-in and from "/". */
export function homePathFor(role: AppRole): string {
  return HOME_PATHS[role]
}

/** The pt-PT label of a role, for the header. */
export function roleLabel(role: AppRole): string {
  return ROLE_LABELS[role]
}

/**
 * The `next` query parameter, if it is a same-origin path we may navigate to after sign-in.
 * Anything else (absolute URLs, protocol-relative `//host`, backslash tricks, /login itself)
 * yields null so the caller falls back to the role's home. Prevents open redirects.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next) return null
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(next)) return null
  const pathname = next.split(/[?#]/, 1)[0] ?? ''
  if (pathname === '/login' || pathname.startsWith('/login/')) return null
  return next
}

/** `/login?next=<path>` for a page that needs sign-in. */
export function loginPathFor(path: string): string {
  const next = safeNextPath(path)
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'
}
