// Turns a failed lifecycle RPC (cancel_booking, complete_booking, mark_booking_no_show,
// reschedule_booking) into a pt-PT message, and says which form field it belongs next to.
// The functions raise a stable code in `message` and a pt-PT text in `hint` (see the booking
// lifecycle and staff actions migrations); known
// codes get the app's own text, an unknown code with a hint shows the server's hint.

export type ActionErrorCode =
  | 'booking_overlap'
  | 'booking_not_active'
  | 'booking_not_started'
  | 'booking_not_scheduled'
  | 'booking_already_started'
  | 'no_show_not_started'
  | 'booking_not_allowed'
  | 'reschedule_slot_not_bookable'
  | 'reschedule_override_not_allowed'
  | 'reschedule_in_past'
  | 'reschedule_invalid_range'
  | 'reschedule_too_long'
  | 'cancel_reason_required'
  | 'cancel_reason_too_long'

/** The form field a failure belongs next to; null = the form as a whole. */
export type ActionErrorField = 'start' | 'end' | 'reason' | null

export type ActionFailureKind = 'rejected' | 'forbidden' | 'network' | 'unexpected'

export type ActionFailure = {
  ok: false
  kind: ActionFailureKind
  /** The RPC's stable code when it sent one we know. */
  code: ActionErrorCode | null
  message: string
  field: ActionErrorField
}

export const ACTION_ERROR_MESSAGES: Record<ActionErrorCode, string> = {
  booking_overlap: 'O prestador já tem uma sessão nesse horário.',
  booking_not_active: 'Esta sessão já não está ativa (foi cancelada ou já foi realizada).',
  booking_not_started: 'Só pode marcar como realizada depois de a sessão começar.',
  booking_not_scheduled: 'Só pode registar a falta numa sessão agendada.',
  booking_already_started: 'A sessão já começou: já não pode ser cancelada.',
  no_show_not_started: 'Só pode registar a falta depois de a sessão começar.',
  booking_not_allowed: 'Não tem permissão para alterar esta sessão.',
  reschedule_slot_not_bookable: 'Esse horário não está livre na agenda do prestador. Escolha um dos horários livres.',
  reschedule_override_not_allowed: 'Só um administrador pode marcar uma sessão fora dos horários livres.',
  reschedule_in_past: 'Escolha uma data e hora no futuro.',
  reschedule_invalid_range: 'A hora de fim tem de ser depois da hora de início.',
  reschedule_too_long: 'Uma sessão não pode durar mais de 8 horas.',
  cancel_reason_required: 'Indique o motivo do cancelamento.',
  cancel_reason_too_long: 'O motivo pode ter no máximo 500 caracteres.',
}

export const ACTION_FALLBACK_MESSAGES = {
  network: 'Não foi possível guardar. Verifique a ligação e tente novamente.',
  sessionExpired: 'A sua sessão expirou. Inicie sessão novamente e tente de novo.',
  unexpected: 'Não foi possível guardar devido a um erro inesperado. Tente novamente; se o problema continuar, contacte o suporte.',
} as const

const FIELDS: Partial<Record<ActionErrorCode, ActionErrorField>> = {
  reschedule_in_past: 'start',
  reschedule_invalid_range: 'end',
  reschedule_too_long: 'end',
  cancel_reason_required: 'reason',
  cancel_reason_too_long: 'reason',
}

/** The shape of a supabase-js / PostgREST error (anything may be missing). */
export type RpcErrorLike = {
  code?: string | null
  message?: string | null
  details?: string | null
  hint?: string | null
}

const isKnownCode = (message: string): message is ActionErrorCode => Object.hasOwn(ACTION_ERROR_MESSAGES, message)

// Expired or invalid token, answered by PostgREST.
const AUTH_CODES = new Set(['PGRST301', 'PGRST302', 'PGRST303'])

/**
 * Maps a failed lifecycle RPC to a pt-PT failure. `status` is the HTTP status supabase-js
 * reported: 0 when no answer arrived (offline, aborted, timed out).
 */
export function mapActionError(error: RpcErrorLike | null | undefined, status?: number): ActionFailure {
  const code = error?.code ?? ''
  const message = error?.message ?? ''
  const hint = error?.hint?.trim() ?? ''

  if (isKnownCode(message)) {
    return {
      ok: false,
      kind: message === 'booking_not_allowed' || message === 'reschedule_override_not_allowed' ? 'forbidden' : 'rejected',
      code: message,
      message: ACTION_ERROR_MESSAGES[message],
      field: FIELDS[message] ?? null,
    }
  }
  if (AUTH_CODES.has(code) || status === 401) {
    return { ok: false, kind: 'forbidden', code: null, message: ACTION_FALLBACK_MESSAGES.sessionExpired, field: null }
  }
  if (code === '42501' || status === 403) {
    return { ok: false, kind: 'forbidden', code: null, message: hint || ACTION_ERROR_MESSAGES.booking_not_allowed, field: null }
  }
  const noAnswer = status === 0 || (status === undefined && code === '' && /fetch|network|abort|timeout/i.test(message))
  const serverDown = status !== undefined && status >= 500
  const transientPg = code === '57014' || code.startsWith('08') || code === 'PGRST000' || code === 'PGRST001' || code === 'PGRST002'
  if (noAnswer || serverDown || transientPg) {
    return { ok: false, kind: 'network', code: null, message: ACTION_FALLBACK_MESSAGES.network, field: null }
  }
  // A refusal we have no text for: the function's own pt-PT hint says what to do.
  if (hint) return { ok: false, kind: 'rejected', code: null, message: hint, field: null }
  return { ok: false, kind: 'unexpected', code: null, message: ACTION_FALLBACK_MESSAGES.unexpected, field: null }
}
