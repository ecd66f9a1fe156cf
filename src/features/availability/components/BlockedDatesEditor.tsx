// Days the prestador is away: the list from today on (today in the prestador's zone), a
// "Remover" for each, and a form to block one more day with an optional reason. Past days and
// days already blocked are refused before sending; the database refuses a second row for a
// day (23505) all the same.

import { useId, useRef, useState, type FormEvent } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Button, ErrorState, Input, Spinner } from '@/components/ui'
import type { BlockedDate } from '../api/availability-api'
import { availabilityKeys } from '../api/keys'
import { useAddBlockedDate, useBlockedDates, useRemoveBlockedDate } from '../hooks/use-availability'
import { AvailabilityRequestError, availabilityErrorMessage } from '../lib/availability-errors'
import { BLOCKED_DATE_MESSAGES, BLOCKED_REASON_MAX_LENGTH, formatBlockedDay, validateBlockedDate } from '../lib/blocked-dates'
import { FormError, FormStatus } from './fields'

export const BLOCKED_DATES_TEXTS = {
  heading: 'Dias bloqueados',
  intro: 'Dias em que não aceita marcações. As sessões já marcadas nesses dias não são canceladas.',
  empty: 'Não tem dias bloqueados.',
  legend: 'Bloquear um dia',
  day: 'Dia',
  reason: 'Motivo (opcional)',
  reasonHint: `Visível só para si e para a equipa. No máximo ${BLOCKED_REASON_MAX_LENGTH} caracteres.`,
  add: 'Bloquear dia',
  adding: 'A bloquear...',
  remove: 'Desbloquear',
  removing: 'A desbloquear...',
  loading: 'A carregar os dias bloqueados...',
  loadError: 'Não foi possível carregar os dias bloqueados.',
  added: (day: string) => `${capitalize(day)} bloqueado.`,
  removed: (day: string) => `${capitalize(day)} desbloqueado.`,
  alreadyRemoved: (day: string) => `${capitalize(day)} já tinha sido desbloqueado.`,
} as const

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export type BlockedDatesEditorProps = {
  prestadorId: string
  /** Today in the prestador's zone, "YYYY-MM-DD": the first day that can be blocked. */
  today: string
}

type Errors = { day?: string; reason?: string; form?: string }

export function BlockedDatesEditor({ prestadorId, today }: BlockedDatesEditorProps) {
  const query = useBlockedDates(prestadorId, today)
  const add = useAddBlockedDate(prestadorId)
  const queryClient = useQueryClient()
  const id = useId()
  const headingId = `${id}-heading`
  const formErrorId = `${id}-form-error`
  const listRef = useRef<HTMLHeadingElement>(null)
  const dayRef = useRef<HTMLInputElement>(null)
  const reasonRef = useRef<HTMLInputElement>(null)
  const [day, setDay] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [done, setDone] = useState<string | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    if (add.isPending) return
    setDone(null)
    const result = validateBlockedDate({ day, reason }, { today, blocked: query.data?.map((d) => d.blocked_on) ?? [] })
    if (!result.ok) {
      setErrors({
        ...(result.day ? { day: BLOCKED_DATE_MESSAGES[result.day] } : {}),
        ...(result.reason ? { reason: BLOCKED_DATE_MESSAGES[result.reason] } : {}),
      })
      ;(result.day ? dayRef : reasonRef).current?.focus()
      return
    }
    setErrors({})
    const label = formatBlockedDay(result.day)
    add.mutate(
      { day: result.day, reason: result.reason },
      {
        onSuccess: () => {
          setDay('')
          setReason('')
          setDone(BLOCKED_DATES_TEXTS.added(label))
        },
        onError: (error) => {
          if (error instanceof AvailabilityRequestError && error.kind === 'duplicate_date') {
            // The day is blocked already (another tab, another person): say so next to it.
            setErrors({ day: availabilityErrorMessage(error) })
            dayRef.current?.focus()
            void queryClient.invalidateQueries({ queryKey: availabilityKeys.blockedDates(prestadorId) })
          } else {
            setErrors({ form: availabilityErrorMessage(error) })
          }
        },
      },
    )
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <div>
        <h2 id={headingId} ref={listRef} tabIndex={-1} className="text-lg font-semibold text-slate-900">
          {BLOCKED_DATES_TEXTS.heading}
        </h2>
        <p className="mt-1 text-slate-600">{BLOCKED_DATES_TEXTS.intro}</p>
      </div>
      {query.isPending ? (
        <Spinner label={BLOCKED_DATES_TEXTS.loading} />
      ) : query.isError ? (
        <ErrorState message={BLOCKED_DATES_TEXTS.loadError} onRetry={() => query.refetch()} retrying={query.isRefetching} />
      ) : query.data.length === 0 ? (
        <p className="text-slate-600">{BLOCKED_DATES_TEXTS.empty}</p>
      ) : (
        <ul aria-labelledby={headingId} className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {query.data.map((blocked) => (
            <li key={blocked.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
              <span>
                <span className="font-medium text-slate-900">{formatBlockedDay(blocked.blocked_on)}</span>
                {blocked.reason ? <span className="text-slate-600"> — {blocked.reason}</span> : null}
              </span>
              <UnblockButton
                prestadorId={prestadorId}
                blocked={blocked}
                onRemoved={(message) => {
                  setDone(message)
                  listRef.current?.focus()
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <form noValidate onSubmit={submit} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-base font-semibold text-slate-900">{BLOCKED_DATES_TEXTS.legend}</legend>
          <div className="flex flex-wrap items-start gap-3">
            <Input
              ref={dayRef}
              type="date"
              label={BLOCKED_DATES_TEXTS.day}
              min={today}
              value={day}
              onChange={(e) => {
                setDay(e.target.value)
                setErrors(({ day: _d, form: _f, ...rest }) => rest)
              }}
              error={errors.day}
              wrapperClassName="w-full sm:w-52"
            />
            <div className="w-full sm:w-auto sm:min-w-64 sm:flex-1">
              <Input
                ref={reasonRef}
                type="text"
                label={BLOCKED_DATES_TEXTS.reason}
                hint={BLOCKED_DATES_TEXTS.reasonHint}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value)
                  setErrors(({ reason: _r, form: _f, ...rest }) => rest)
                }}
                error={errors.reason}
                autoComplete="off"
              />
            </div>
            <Button type="submit" variant="secondary" className="sm:mt-6" aria-disabled={add.isPending || undefined} aria-describedby={errors.form ? formErrorId : undefined}>
              {add.isPending ? BLOCKED_DATES_TEXTS.adding : BLOCKED_DATES_TEXTS.add}
            </Button>
          </div>
          <FormError id={formErrorId} message={errors.form ?? null} />
          <FormStatus message={done} />
        </fieldset>
      </form>
    </section>
  )
}

function UnblockButton({ prestadorId, blocked, onRemoved }: { prestadorId: string; blocked: BlockedDate; onRemoved: (message: string) => void }) {
  const remove = useRemoveBlockedDate(prestadorId)
  const errorId = useId()
  const label = formatBlockedDay(blocked.blocked_on)
  return (
    <span className="flex flex-col items-end gap-1">
      <Button
        variant="ghost"
        size="sm"
        aria-disabled={remove.isPending || undefined}
        aria-describedby={remove.isError ? errorId : undefined}
        aria-label={`${remove.isPending ? BLOCKED_DATES_TEXTS.removing : BLOCKED_DATES_TEXTS.remove} ${label}`}
        onClick={() => {
          if (remove.isPending) return
          // mutateAsync: the row leaves the list on success; announce and move focus anyway.
          void remove.mutateAsync(blocked).then(
            (removed) => {
              onRemoved(removed ? BLOCKED_DATES_TEXTS.removed(label) : BLOCKED_DATES_TEXTS.alreadyRemoved(label))
            },
            () => undefined,
          )
        }}
      >
        {remove.isPending ? BLOCKED_DATES_TEXTS.removing : BLOCKED_DATES_TEXTS.remove}
      </Button>
      {remove.isError ? (
        <span id={errorId} role="alert" className="text-sm text-red-700">
          {availabilityErrorMessage(remove.error)}
        </span>
      ) : null}
    </span>
  )
}
