import {
  AVAILABILITY_ERROR_MESSAGES,
  AvailabilityRequestError,
  availabilityErrorMessage,
  classifyAvailabilityError,
} from './availability-errors'

describe('classifyAvailabilityError', () => {
  it.each([
    ['exclusion violation (overlapping weekly block)', { code: '23P01', message: 'conflicting key value violates exclusion constraint "prestador_availability_no_overlap"' }, 400, 'overlap'],
    ['unique violation (day already blocked)', { code: '23505', message: 'duplicate key value violates unique constraint "prestador_blocked_dates_once"' }, 409, 'duplicate_date'],
    ['end not after start', { code: '23514', message: 'new row for relation "prestador_availability" violates check constraint "prestador_availability_valid_range"' }, 400, 'invalid_range'],
    ['session length out of bounds', { code: '23514', message: 'new row for relation "prestadores" violates check constraint "prestadores_session_minutes_check"' }, 400, 'out_of_range'],
    ['a malformed time', { code: '22007', message: 'invalid input syntax for type time' }, 400, 'out_of_range'],
    ['RLS refusal', { code: '42501', message: 'new row violates row-level security policy' }, 403, 'forbidden'],
    ['guard trigger', { code: '42501', message: 'prestador_field_not_editable' }, 403, 'forbidden'],
    ['403 without a code', { message: 'Forbidden' }, 403, 'forbidden'],
    ['expired token', { code: 'PGRST301', message: 'JWT expired' }, 401, 'session_expired'],
    ['401 without a code', { message: 'Unauthorized' }, 401, 'session_expired'],
    ['no answer', { message: 'TypeError: Failed to fetch' }, 0, 'network'],
    ['server down', { message: 'Bad gateway' }, 502, 'network'],
    ['statement timeout', { code: '57014', message: 'canceling statement' }, 500, 'network'],
    ['anything else', { code: 'XX000', message: 'boom' }, 400, 'unexpected'],
    ['nothing at all', null, undefined, 'unexpected'],
  ])('%s -> %s', (_label, error, status, kind) => {
    expect(classifyAvailabilityError(error, status)).toBe(kind)
  })
})

describe('AvailabilityRequestError', () => {
  it('carries the kind, the code and our pt-PT text, never the server text', () => {
    const error = AvailabilityRequestError.from({ code: '23P01', message: 'conflicting key value violates exclusion constraint' }, 409)
    expect(error).toBeInstanceOf(Error)
    expect(error.kind).toBe('overlap')
    expect(error.code).toBe('23P01')
    expect(error.message).toBe('Este horário sobrepõe-se a outro bloco nesse dia.')
    expect(availabilityErrorMessage(error)).toBe(error.message)
  })

  it('anything else thrown reads as unexpected', () => {
    expect(availabilityErrorMessage(new Error('raw server text'))).toBe(AVAILABILITY_ERROR_MESSAGES.unexpected)
  })

  it('maps a duplicate day to the words the editor uses', () => {
    expect(AvailabilityRequestError.from({ code: '23505' }).message).toBe('Esse dia já está bloqueado.')
  })
})
