import { describe, expect, it } from 'vitest'
import {
  BOOKING_ERROR_MESSAGES,
  BookingRequestError,
  bookingErrorMessage,
  classifyBookingError,
  isSlotTaken,
  SLOT_TAKEN_MESSAGE,
  type BookingErrorKind,
  type PostgrestErrorLike,
} from './booking-errors'

describe('classifyBookingError', () => {
  it.each<[string, PostgrestErrorLike | null, number | undefined, { slotStillFree?: boolean }, BookingErrorKind]>([
    ['exclusion constraint on insert (lost the race)', { code: '23P01', message: 'conflicting key value violates exclusion constraint "bookings_no_overlap_per_prestador"' }, 409, {}, 'slot_taken'],
    ['RLS refusal and the slot is gone from the fresh list', { code: '42501', message: 'new row violates row-level security policy for table "bookings"' }, 403, { slotStillFree: false }, 'slot_taken'],
    ['RLS refusal while the slot is still free: not allowed', { code: '42501', message: 'new row violates row-level security policy' }, 403, { slotStillFree: true }, 'forbidden'],
    ['RLS refusal, slot not checked', { code: '42501', message: 'new row violates row-level security policy' }, 403, {}, 'forbidden'],
    ['assign RPC: slot_taken', { code: 'PT409', message: 'slot_taken', hint: 'Este horário acabou de ser reservado.' }, 409, {}, 'slot_taken'],
    ['assign RPC: call_request_taken', { code: 'PT409', message: 'call_request_taken', hint: 'Este pedido já foi atribuído por outra pessoa.' }, 409, {}, 'call_request_taken'],
    ['assign RPC: not found', { code: 'PT404', message: 'call_request_not_found' }, 404, {}, 'call_request_not_found'],
    ['assign RPC: wrong pillar', { code: '22023', message: 'prestador_wrong_pillar' }, 400, {}, 'prestador_wrong_pillar'],
    ['assign RPC: not an especialista (42501 with a code of its own)', { code: '42501', message: 'assign_not_allowed' }, 403, {}, 'assign_not_allowed'],
    ['expired JWT', { code: 'PGRST301', message: 'JWT expired' }, 401, {}, 'session_expired'],
    ['no answer at all', { code: '', message: 'TypeError: Failed to fetch' }, 0, {}, 'network'],
    ['no answer, status unknown', { message: 'FetchError: network down' }, undefined, {}, 'network'],
    ['gateway down', { code: '', message: 'Bad Gateway' }, 502, {}, 'network'],
    ['statement timeout', { code: '57014', message: 'canceling statement due to statement timeout' }, 500, {}, 'network'],
    ['something else', { code: '23505', message: 'duplicate key' }, 409, {}, 'unexpected'],
    ['nothing at all', null, undefined, {}, 'unexpected'],
  ])('%s', (_label, error, status, options, kind) => {
    const result = classifyBookingError(error, status, options)
    expect(result.kind).toBe(kind)
    expect(result.message).toBe(BOOKING_ERROR_MESSAGES[kind])
  })

  it('the slot-taken text is exactly the one the issue asks for', () => {
    expect(SLOT_TAKEN_MESSAGE).toBe('Este horário acabou de ser reservado.')
    expect(classifyBookingError({ code: '23P01' }).message).toBe(SLOT_TAKEN_MESSAGE)
  })

  it('never shows a server hint it does not know', () => {
    const result = classifyBookingError({ code: 'P0001', message: 'boom', hint: 'raw server text' }, 400)
    expect(result.message).not.toContain('raw server text')
  })
})

describe('BookingRequestError', () => {
  it('carries kind and message; helpers read it', () => {
    const error = new BookingRequestError(classifyBookingError({ code: '23P01' }))
    expect(error).toBeInstanceOf(Error)
    expect(isSlotTaken(error)).toBe(true)
    expect(bookingErrorMessage(error)).toBe(SLOT_TAKEN_MESSAGE)
    expect(isSlotTaken(new Error('x'))).toBe(false)
    expect(bookingErrorMessage(new Error('x'))).toBe(BOOKING_ERROR_MESSAGES.unexpected)
  })
})
