// Every way creating a booking (direct, admin, from a call request) or editing one can fail,
// as one typed, pt-PT result. Reschedule and cancel (the lifecycle RPCs) are mapped by the
// session-management feature (action-errors.ts), whose forms the admin uses.
//
// The database is the judge (RLS, slot_is_bookable, the exclusion constraint, the RPCs'
// error codes); this only translates. RPC errors carry a stable code in `message` and a
// pt-PT text in `hint`; the texts below are ours (the same words as the SQL hints), so a
// changed or missing hint never shows raw server text to a person.

export const SLOT_TAKEN_MESSAGE = 'Este horário acabou de ser reservado.'
export const CALL_REQUEST_TAKEN_MESSAGE = 'Este pedido já foi atribuído por outra pessoa.'

export const BOOKING_ERROR_MESSAGES = {
  slot_taken: SLOT_TAKEN_MESSAGE,
  call_request_taken: CALL_REQUEST_TAKEN_MESSAGE,
  call_request_not_found: 'O pedido já não existe.',
  prestador_wrong_pillar: 'Escolha um prestador do pilar do pedido.',
  assign_not_allowed: 'Só especialistas podem atribuir pedidos.',
  forbidden: 'Não tem permissão para fazer esta marcação.',
  session_expired: 'A sua sessão expirou. Inicie sessão novamente e tente outra vez.',
  network: 'Não foi possível contactar o servidor. Verifique a ligação e tente novamente.',
  unexpected: 'Não foi possível guardar devido a um erro inesperado. Tente novamente; se o problema continuar, contacte o suporte.',
} as const

export type BookingErrorKind = keyof typeof BOOKING_ERROR_MESSAGES

/** The shape of a supabase-js / PostgREST error (anything may be missing). */
export type PostgrestErrorLike = {
  code?: string | null
  message?: string | null
  details?: string | null
  hint?: string | null
}

export type BookingFailure = { kind: BookingErrorKind; message: string; code: string }

// RPC error codes (`message`) that name themselves: the kind is the code.
const RPC_CODES = new Set<BookingErrorKind>([
  'call_request_taken',
  'call_request_not_found',
  'prestador_wrong_pillar',
  'assign_not_allowed',
])

const AUTH_CODES = new Set(['PGRST301', 'PGRST302', 'PGRST303'])

function failure(kind: BookingErrorKind, code: string): BookingFailure {
  return { kind, message: BOOKING_ERROR_MESSAGES[kind], code }
}

/**
 * Maps a failed insert / RPC to a result.
 * - `status`: the HTTP status supabase-js reported (0 when no answer came back).
 * - `slotStillFree`: for an RLS refusal (42501) of an employee's insert, whether the chosen
 *   slot is still in a freshly computed slot list. false means someone took it first (the
 *   insert lost the race after the exclusion constraint's window), so it is "slot taken".
 */
export function classifyBookingError(
  error: PostgrestErrorLike | null | undefined,
  status?: number,
  { slotStillFree }: { slotStillFree?: boolean } = {},
): BookingFailure {
  const code = error?.code ?? ''
  const message = error?.message ?? ''

  // Exclusion constraint (direct insert), or the RPCs' own words for it.
  if (code === '23P01' || message === 'slot_taken') return failure('slot_taken', code)
  if (RPC_CODES.has(message as BookingErrorKind)) return failure(message as BookingErrorKind, code)
  if (code === '42501' || status === 403) {
    return failure(slotStillFree === false ? 'slot_taken' : 'forbidden', code)
  }
  if (AUTH_CODES.has(code) || status === 401) return failure('session_expired', code)

  const noAnswer = status === 0 || (code === '' && /fetch|network|abort|timeout/i.test(message))
  const serverDown = status !== undefined && status >= 500
  const transientPg = code === '57014' || code.startsWith('08') || /^PGRST00[0-3]$/.test(code)
  if (noAnswer || serverDown || transientPg) return failure('network', code)
  return failure('unexpected', code)
}

/** A failed booking request, thrown by the booking API so mutations end in `error`. */
export class BookingRequestError extends Error {
  readonly kind: BookingErrorKind
  readonly code: string
  constructor(result: BookingFailure) {
    super(result.message)
    this.name = 'BookingRequestError'
    this.kind = result.kind
    this.code = result.code
  }
}

/** The pt-PT message for anything a booking mutation threw. */
export function bookingErrorMessage(error: unknown): string {
  if (error instanceof BookingRequestError) return error.message
  return BOOKING_ERROR_MESSAGES.unexpected
}

export function isSlotTaken(error: unknown): boolean {
  return error instanceof BookingRequestError && error.kind === 'slot_taken'
}
