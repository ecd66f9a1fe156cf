// Saves (or clears) a booking's meeting link through the `save_meeting_link` RPC and turns
// every way that can fail into a typed, pt-PT, actionable result. Never throws.
//
// The RPC refuses to overwrite a change the caller has not seen: it compares
// `p_expected_updated_at` with the row's `updated_at`. That value is passed back exactly as
// PostgREST sent it (a string with microseconds); going through `Date` would drop the
// microseconds and every save would be reported as stale.

import * as z from 'zod/mini'
import type { Tables } from '@/lib/database.types'
import { supabase } from '@/lib/supabase'

export type BookingLinkRow = Tables<'booking_links'>

export type SaveFailureKind = 'stale' | 'forbidden' | 'invalid' | 'network' | 'unexpected'

export type SaveMeetingLinkFailure =
  | { ok: false; kind: 'stale'; current: BookingLinkRow | null; message: string }
  | { ok: false; kind: Exclude<SaveFailureKind, 'stale'>; message: string }

export type SaveMeetingLinkResult = { ok: true; link: BookingLinkRow } | SaveMeetingLinkFailure

export const SAVE_MEETING_LINK_MESSAGES = {
  stale: 'O link foi alterado por outra pessoa.',
  forbidden:
    'Não tem permissão para alterar o link desta sessão. Só o prestador da sessão, quem acompanha o caso como especialista ou um administrador o podem fazer, e apenas em sessões virtuais que não foram canceladas nem realizadas.',
  sessionExpired: 'A sua sessão expirou. Inicie sessão novamente e volte a guardar o link.',
  invalid:
    'O servidor não aceitou este link. Confirme que começa por https:// e copie-o novamente a partir da sua plataforma de reuniões.',
  network: 'Não foi possível guardar o link. Verifique a ligação e tente novamente.',
  unexpected:
    'Não foi possível guardar o link devido a um erro inesperado. Tente novamente; se o problema continuar, contacte o suporte.',
} as const

/** How long a save may take before it is reported as a network failure. */
export const SAVE_TIMEOUT_MS = 15_000

/** The shape of a supabase-js / PostgREST error (all fields optional: anything may arrive). */
export type PostgrestErrorLike = {
  code?: string | null
  message?: string | null
  details?: string | null
  hint?: string | null
}

const bookingLinkRowSchema = z.object({
  booking_id: z.string(),
  meeting_link: z.nullable(z.string()),
  updated_by: z.nullable(z.string()),
  updated_at: z.string(),
})

/** Validates an RPC/JSON value as a booking_links row (only the known columns are kept). */
export function parseBookingLinkRow(value: unknown): BookingLinkRow | null {
  const parsed = bookingLinkRowSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** The current row the server put in a stale error's `details` ('null' when there is none). */
function currentRowFromDetails(details: string | null | undefined): BookingLinkRow | null {
  if (!details) return null
  try {
    return parseBookingLinkRow(JSON.parse(details))
  } catch {
    return null
  }
}

// Session/JWT problems answered by PostgREST (expired or invalid token).
const AUTH_CODES = new Set(['PGRST301', 'PGRST302', 'PGRST303'])

/**
 * Maps a failed save to a typed result. `status` is the HTTP status supabase-js reported
 * (0 when the request never got an answer: offline, DNS, CORS, abort, timeout).
 */
export function mapSaveError(error: PostgrestErrorLike | null | undefined, status?: number): SaveMeetingLinkFailure {
  const code = error?.code ?? ''
  const message = error?.message ?? ''

  if (code === 'PT409' || message === 'stale_meeting_link' || (status === 409 && message === 'stale_meeting_link')) {
    return { ok: false, kind: 'stale', current: currentRowFromDetails(error?.details), message: SAVE_MEETING_LINK_MESSAGES.stale }
  }
  if (code === '42501' || status === 403) {
    return { ok: false, kind: 'forbidden', message: SAVE_MEETING_LINK_MESSAGES.forbidden }
  }
  if (AUTH_CODES.has(code) || status === 401) {
    return { ok: false, kind: 'forbidden', message: SAVE_MEETING_LINK_MESSAGES.sessionExpired }
  }
  // 23514: the https CHECK on booking_links; 22001: value too long for the column.
  if (code === '23514' || code === '22001') {
    return { ok: false, kind: 'invalid', message: SAVE_MEETING_LINK_MESSAGES.invalid }
  }
  // No answer (fetch failed, aborted, timed out), a gateway/server failure, or a
  // statement timeout / connection problem reported by Postgres: worth retrying.
  const noAnswer = status === 0 || (status === undefined && code === '' && /fetch|network|abort|timeout/i.test(message))
  const serverDown = status !== undefined && status >= 500
  const transientPg = code === '57014' || code.startsWith('08') || code === 'PGRST000' || code === 'PGRST001' || code === 'PGRST002'
  if (noAnswer || serverDown || transientPg) {
    return { ok: false, kind: 'network', message: SAVE_MEETING_LINK_MESSAGES.network }
  }
  return { ok: false, kind: 'unexpected', message: SAVE_MEETING_LINK_MESSAGES.unexpected }
}

export type SaveMeetingLinkInput = {
  bookingId: string
  /** The link to store; null clears it. Validate with parseMeetingLink first. */
  meetingLink: string | null
  /** `updated_at` of the row the caller last saw, exactly as received; null when it saw none. */
  expectedUpdatedAt: string | null
}

/**
 * Supabase's type generator declares every RPC argument non-null; here SQL null is meaningful
 * (null link clears it, null timestamp = "saw no row"), so it goes through as null.
 */
const sqlNull = <T>(value: T | null): T => value as T

/** Calls `save_meeting_link`. Success only when the RPC returned the saved row. */
export async function saveMeetingLink(
  { bookingId, meetingLink, expectedUpdatedAt }: SaveMeetingLinkInput,
  { timeoutMs = SAVE_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<SaveMeetingLinkResult> {
  try {
    const { data, error, status } = await supabase
      .rpc('save_meeting_link', {
        p_booking_id: bookingId,
        p_meeting_link: sqlNull(meetingLink),
        p_expected_updated_at: sqlNull(expectedUpdatedAt),
      })
      .abortSignal(AbortSignal.timeout(timeoutMs))
    if (error) {
      const failure = mapSaveError(error, status)
      // "Changed by someone else" to exactly the value being saved: usually this person's own
      // earlier try, whose answer was lost (connection dropped after the commit). The link is
      // what they want: a success, not a conflict to resolve.
      if (failure.kind === 'stale' && failure.current?.booking_id === bookingId && failure.current.meeting_link === meetingLink) {
        return { ok: true, link: failure.current }
      }
      return failure
    }
    const row = parseBookingLinkRow(data)
    if (!row || row.booking_id !== bookingId) {
      return { ok: false, kind: 'unexpected', message: SAVE_MEETING_LINK_MESSAGES.unexpected }
    }
    return { ok: true, link: row }
  } catch (thrown) {
    // supabase-js reports fetch failures as `{ error, status: 0 }`, but an abort/timeout
    // can still reject; either way nothing was confirmed.
    const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown)
    return mapSaveError({ code: '', message }, 0)
  }
}
