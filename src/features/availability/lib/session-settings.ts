// Session length and buffer of a prestador (prestadores.session_minutes / buffer_minutes),
// with the same bounds as the table's CHECK constraints.

export const SESSION_MINUTES = { min: 15, max: 240 } as const
export const BUFFER_MINUTES = { min: 0, max: 120 } as const

export const SESSION_SETTINGS_MESSAGES = {
  session_required: 'Indique a duração da sessão em minutos.',
  session_out_of_range: `A duração tem de ser um número inteiro de minutos entre ${SESSION_MINUTES.min} e ${SESSION_MINUTES.max}.`,
  buffer_required: 'Indique o intervalo entre sessões em minutos.',
  buffer_out_of_range: `O intervalo tem de ser um número inteiro de minutos entre ${BUFFER_MINUTES.min} e ${BUFFER_MINUTES.max}.`,
} as const

export type SessionSettingsProblem = keyof typeof SESSION_SETTINGS_MESSAGES

export type SessionSettings = { sessionMinutes: number; bufferMinutes: number }

export type SessionSettingsValidation =
  | ({ ok: true } & SessionSettings)
  | { ok: false; sessionMinutes?: SessionSettingsProblem; bufferMinutes?: SessionSettingsProblem }

/** A whole number of minutes written with digits only ("50", " 50 "); anything else is null. */
export function parseMinutes(value: string): number | null {
  const text = value.trim()
  if (!/^\d{1,4}$/.test(text)) return null
  return Number(text)
}

function check(value: string, range: { min: number; max: number }, required: SessionSettingsProblem, outOfRange: SessionSettingsProblem) {
  if (value.trim() === '') return { problem: required }
  const minutes = parseMinutes(value)
  if (minutes === null || minutes < range.min || minutes > range.max) return { problem: outOfRange }
  return { minutes }
}

/** The two fields as typed -> numbers to save, or the problem of each field. */
export function validateSessionSettings(input: { sessionMinutes: string; bufferMinutes: string }): SessionSettingsValidation {
  const session = check(input.sessionMinutes, SESSION_MINUTES, 'session_required', 'session_out_of_range')
  const buffer = check(input.bufferMinutes, BUFFER_MINUTES, 'buffer_required', 'buffer_out_of_range')
  if ('problem' in session || 'problem' in buffer) {
    return {
      ok: false,
      ...('problem' in session ? { sessionMinutes: session.problem } : {}),
      ...('problem' in buffer ? { bufferMinutes: buffer.problem } : {}),
    }
  }
  return { ok: true, sessionMinutes: session.minutes, bufferMinutes: buffer.minutes }
}
