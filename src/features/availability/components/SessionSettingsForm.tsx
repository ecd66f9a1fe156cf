// Session length and the buffer kept free between two sessions (the prestador's directory
// entry). The slots offered to employees follow these at once.

import { useId, useRef, useState, type FormEvent } from 'react'
import { Button, ErrorState, Input, Spinner } from '@/components/ui'
import type { PrestadorSettings } from '../api/availability-api'
import { usePrestadorSettings, useUpdatePrestadorSettings } from '../hooks/use-availability'
import { availabilityErrorMessage } from '../lib/availability-errors'
import { BUFFER_MINUTES, SESSION_MINUTES, SESSION_SETTINGS_MESSAGES, validateSessionSettings } from '../lib/session-settings'
import { FormError, FormStatus } from './fields'

export const SESSION_SETTINGS_TEXTS = {
  heading: 'Sessões',
  intro: 'A duração de cada sessão e o tempo livre que fica entre duas sessões seguidas.',
  sessionMinutes: 'Duração de cada sessão (minutos)',
  sessionHint: `Entre ${SESSION_MINUTES.min} e ${SESSION_MINUTES.max} minutos.`,
  bufferMinutes: 'Intervalo entre sessões (minutos)',
  bufferHint: `Entre ${BUFFER_MINUTES.min} e ${BUFFER_MINUTES.max} minutos.`,
  save: 'Guardar',
  saving: 'A guardar...',
  loading: 'A carregar a duração das sessões...',
  loadError: 'Não foi possível carregar a duração das sessões.',
  saved: (session: number, buffer: number) => `Guardado: sessões de ${session} min com ${buffer} min de intervalo.`,
} as const

export function SessionSettingsForm({ prestadorId }: { prestadorId: string }) {
  const query = usePrestadorSettings(prestadorId)
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <div>
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {SESSION_SETTINGS_TEXTS.heading}
        </h2>
        <p className="mt-1 text-slate-600">{SESSION_SETTINGS_TEXTS.intro}</p>
      </div>
      {query.isPending ? (
        <Spinner label={SESSION_SETTINGS_TEXTS.loading} />
      ) : query.isError ? (
        <ErrorState message={SESSION_SETTINGS_TEXTS.loadError} onRetry={() => query.refetch()} retrying={query.isRefetching} />
      ) : (
        <SettingsFields prestadorId={prestadorId} initial={query.data} />
      )}
    </section>
  )
}

type Errors = { sessionMinutes?: string; bufferMinutes?: string; form?: string }

function SettingsFields({ prestadorId, initial }: { prestadorId: string; initial: PrestadorSettings }) {
  const update = useUpdatePrestadorSettings(prestadorId)
  const formErrorId = useId()
  const sessionRef = useRef<HTMLInputElement>(null)
  const bufferRef = useRef<HTMLInputElement>(null)
  // The form keeps what was typed (also after a failed save); the saved values come from the server.
  const [sessionMinutes, setSessionMinutes] = useState(String(initial.session_minutes))
  const [bufferMinutes, setBufferMinutes] = useState(String(initial.buffer_minutes))
  const [errors, setErrors] = useState<Errors>({})
  const [done, setDone] = useState<string | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    if (update.isPending) return
    setDone(null)
    const result = validateSessionSettings({ sessionMinutes, bufferMinutes })
    if (!result.ok) {
      setErrors({
        ...(result.sessionMinutes ? { sessionMinutes: SESSION_SETTINGS_MESSAGES[result.sessionMinutes] } : {}),
        ...(result.bufferMinutes ? { bufferMinutes: SESSION_SETTINGS_MESSAGES[result.bufferMinutes] } : {}),
      })
      ;(result.sessionMinutes ? sessionRef : bufferRef).current?.focus()
      return
    }
    setErrors({})
    update.mutate(
      { session_minutes: result.sessionMinutes, buffer_minutes: result.bufferMinutes },
      {
        onSuccess: (row) => setDone(SESSION_SETTINGS_TEXTS.saved(row.session_minutes, row.buffer_minutes)),
        onError: (error) => setErrors({ form: availabilityErrorMessage(error) }),
      },
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start gap-4">
        <Input
          ref={sessionRef}
          type="number"
          inputMode="numeric"
          min={SESSION_MINUTES.min}
          max={SESSION_MINUTES.max}
          step={1}
          label={SESSION_SETTINGS_TEXTS.sessionMinutes}
          hint={SESSION_SETTINGS_TEXTS.sessionHint}
          value={sessionMinutes}
          onChange={(e) => {
            setSessionMinutes(e.target.value)
            setErrors(({ sessionMinutes: _s, form: _f, ...rest }) => rest)
          }}
          error={errors.sessionMinutes}
          describedBy={errors.form ? formErrorId : undefined}
          wrapperClassName="w-full sm:w-72"
        />
        <Input
          ref={bufferRef}
          type="number"
          inputMode="numeric"
          min={BUFFER_MINUTES.min}
          max={BUFFER_MINUTES.max}
          step={1}
          label={SESSION_SETTINGS_TEXTS.bufferMinutes}
          hint={SESSION_SETTINGS_TEXTS.bufferHint}
          value={bufferMinutes}
          onChange={(e) => {
            setBufferMinutes(e.target.value)
            setErrors(({ bufferMinutes: _b, form: _f, ...rest }) => rest)
          }}
          error={errors.bufferMinutes}
          describedBy={errors.form ? formErrorId : undefined}
          wrapperClassName="w-full sm:w-72"
        />
      </div>
      <div>
        <Button type="submit" aria-disabled={update.isPending || undefined}>
          {update.isPending ? SESSION_SETTINGS_TEXTS.saving : SESSION_SETTINGS_TEXTS.save}
        </Button>
      </div>
      <FormError id={formErrorId} message={errors.form ?? null} />
      <FormStatus message={done} />
    </form>
  )
}
