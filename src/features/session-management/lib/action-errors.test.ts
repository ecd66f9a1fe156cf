import { ACTION_ERROR_MESSAGES, ACTION_FALLBACK_MESSAGES, mapActionError } from './action-errors'

// Errors as PostgREST sends them for `raise exception '<code>' using errcode, hint`.
const raised = (message: string, code: string, hint: string) => ({ code, message, details: null, hint })

describe('mapActionError', () => {
  it.each([
    ['booking_overlap', 'PT409', 'O prestador já tem uma sessão nesse horário.', 'rejected', null],
    ['booking_not_active', '22023', 'Esta sessão já não está ativa (foi cancelada ou já foi realizada).', 'rejected', null],
    ['booking_already_started', '22023', 'A sessão já começou: já não pode ser cancelada.', 'rejected', null],
    ['no_show_not_started', '22023', 'Só pode registar a falta depois de a sessão começar.', 'rejected', null],
    ['booking_not_scheduled', '22023', 'Só pode registar a falta numa sessão agendada.', 'rejected', null],
    ['reschedule_slot_not_bookable', '22023', 'Esse horário não está livre na agenda do prestador. Escolha um dos horários livres.', 'rejected', null],
    ['reschedule_override_not_allowed', '42501', 'Só um administrador pode marcar uma sessão fora dos horários livres.', 'forbidden', null],
    ['booking_not_started', '22023', 'Só pode marcar como realizada depois de a sessão começar.', 'rejected', null],
    ['booking_not_allowed', '42501', 'Não tem permissão para alterar esta sessão.', 'forbidden', null],
    ['reschedule_in_past', '22023', 'Escolha uma data e hora no futuro.', 'rejected', 'start'],
    ['reschedule_invalid_range', '22023', 'A hora de fim tem de ser depois da hora de início.', 'rejected', 'end'],
    ['reschedule_too_long', '22023', 'Uma sessão não pode durar mais de 8 horas.', 'rejected', 'end'],
    ['cancel_reason_required', '22023', 'Indique o motivo do cancelamento.', 'rejected', 'reason'],
    ['cancel_reason_too_long', '22023', 'O motivo pode ter no máximo 500 caracteres.', 'rejected', 'reason'],
  ] as const)('%s (%s) -> %j', (message, code, text, kind, field) => {
    expect(mapActionError(raised(message, code, 'hint from the server'), 400)).toEqual({
      ok: false,
      kind,
      code: message,
      message: text,
      field,
    })
  })

  it('has a message for every code', () => {
    for (const text of Object.values(ACTION_ERROR_MESSAGES)) expect(text).toMatch(/\S/)
  })

  it("shows the server's pt-PT hint for a code it does not know", () => {
    expect(mapActionError(raised('something_new', '22023', 'Texto do servidor.'), 400)).toMatchObject({
      kind: 'rejected',
      code: null,
      message: 'Texto do servidor.',
    })
  })

  it.each([
    ['no answer (status 0)', { code: '', message: 'TypeError: Failed to fetch' }, 0],
    ['timeout without a status', { code: '', message: 'AbortError: signal timed out' }, undefined],
    ['gateway down', { code: '', message: 'Bad Gateway' }, 502],
    ['statement timeout', { code: '57014', message: 'canceling statement due to statement timeout' }, 500],
    ['connection lost', { code: '08006', message: 'connection failure' }, 503],
  ])('%s -> network fallback', (_name, error, status) => {
    expect(mapActionError(error, status)).toMatchObject({ kind: 'network', message: ACTION_FALLBACK_MESSAGES.network, field: null })
  })

  it('an expired token asks to sign in again', () => {
    expect(mapActionError({ code: 'PGRST301', message: 'JWT expired' }, 401)).toMatchObject({
      kind: 'forbidden',
      message: ACTION_FALLBACK_MESSAGES.sessionExpired,
    })
  })

  it('a refusal without a code or hint is unexpected, not silent', () => {
    expect(mapActionError({ code: 'XX000', message: 'boom' }, 400)).toMatchObject({
      kind: 'unexpected',
      message: ACTION_FALLBACK_MESSAGES.unexpected,
    })
    expect(mapActionError(null)).toMatchObject({ kind: 'unexpected' })
  })
})
