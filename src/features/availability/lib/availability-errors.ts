// Every way saving availability can fail, as one pt-PT message. The database is the judge
// (RLS, the exclusion constraint on weekly hours, the unique blocked day, CHECKs, the guard
// trigger on prestadores); this only translates, and never shows raw server text.

export const AVAILABILITY_ERROR_MESSAGES = {
  overlap: 'Este horário sobrepõe-se a outro bloco nesse dia.',
  duplicate_date: 'Esse dia já está bloqueado.',
  invalid_range: 'A hora de fim tem de ser depois da hora de início.',
  out_of_range: 'Algum valor está fora dos limites permitidos. Reveja os campos.',
  forbidden: 'Não tem permissão para alterar esta disponibilidade.',
  session_expired: 'A sua sessão expirou. Inicie sessão novamente e tente outra vez.',
  network: 'Não foi possível contactar o servidor. Verifique a ligação e tente novamente.',
  unexpected: 'Não foi possível guardar devido a um erro inesperado. Tente novamente; se o problema continuar, contacte o suporte.',
} as const

export type AvailabilityErrorKind = keyof typeof AVAILABILITY_ERROR_MESSAGES

/** The shape of a supabase-js / PostgREST error (anything may be missing). */
export type PostgrestErrorLike = {
  code?: string | null
  message?: string | null
  details?: string | null
  hint?: string | null
}

const AUTH_CODES = new Set(['PGRST301', 'PGRST302', 'PGRST303'])

/**
 * Maps a failed write to a kind. `status` is the HTTP status supabase-js reported (0 when no
 * answer came back).
 * - 23P01 exclusion violation: the new weekly block overlaps another that weekday.
 * - 23505 unique violation: that day is already blocked.
 * - 23514 check violation: end not after start (weekly hours), or a value out of bounds.
 * - 42501 / 403: RLS or the guard trigger refused (not the caller's row or field).
 */
export function classifyAvailabilityError(error: PostgrestErrorLike | null | undefined, status?: number): AvailabilityErrorKind {
  const code = error?.code ?? ''
  const message = error?.message ?? ''
  if (code === '23P01') return 'overlap'
  if (code === '23505') return 'duplicate_date'
  if (code === '23514') return /valid_range/.test(message) ? 'invalid_range' : 'out_of_range'
  if (code === '22007' || code === '22008' || code === '22P02' || code === '22003') return 'out_of_range'
  if (code === '42501' || status === 403) return 'forbidden'
  if (AUTH_CODES.has(code) || status === 401) return 'session_expired'
  const noAnswer = status === 0 || (code === '' && /fetch|network|abort|timeout/i.test(message))
  const serverDown = status !== undefined && status >= 500
  const transientPg = code === '57014' || code.startsWith('08') || /^PGRST00[0-3]$/.test(code)
  if (noAnswer || serverDown || transientPg) return 'network'
  return 'unexpected'
}

/** A failed availability write, thrown by the API so mutations end in `error`. */
export class AvailabilityRequestError extends Error {
  readonly kind: AvailabilityErrorKind
  readonly code: string
  constructor(kind: AvailabilityErrorKind, code = '') {
    super(AVAILABILITY_ERROR_MESSAGES[kind])
    this.name = 'AvailabilityRequestError'
    this.kind = kind
    this.code = code
  }

  static from(error: PostgrestErrorLike | null | undefined, status?: number): AvailabilityRequestError {
    return new AvailabilityRequestError(classifyAvailabilityError(error, status), error?.code ?? '')
  }
}

/** The pt-PT message for anything an availability mutation threw. */
export function availabilityErrorMessage(error: unknown): string {
  if (error instanceof AvailabilityRequestError) return error.message
  return AVAILABILITY_ERROR_MESSAGES.unexpected
}
