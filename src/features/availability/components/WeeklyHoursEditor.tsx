// The prestador's weekly hours: one fieldset per weekday (Segunda-feira ... Domingo) with its
// blocks ("09:00–13:00"), a "Remover" for each and a form to add one. Times are wall-clock
// times in the prestador's zone (profiles.time_zone), which is shown. Checks the block before
// sending (end after start, no overlap that day); the database is still the judge (23P01).

import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Button, ErrorState, Input, Spinner } from '@/components/ui'
import { timeZoneNote } from '@/lib/format-date'
import type { WeeklyHoursBlock } from '../api/availability-api'
import { availabilityKeys } from '../api/keys'
import { useAddWeeklyHours, useRemoveWeeklyHours, useWeeklyHours } from '../hooks/use-availability'
import { AvailabilityRequestError, availabilityErrorMessage } from '../lib/availability-errors'
import { TIME_BLOCK_MESSAGES, WEEKDAYS, blockLabel, rowLabel, sortRows, validateNewBlock } from '../lib/time-blocks'
import { FormError, FormStatus } from './fields'

export const WEEKLY_HOURS_TEXTS = {
  heading: 'Horário semanal',
  timeZone: timeZoneNote,
  intro: 'Os blocos em que aceita marcações, em cada dia da semana. As sessões já marcadas não mudam.',
  midnightHint: 'Para terminar à meia-noite, indique 00:00 como fim.',
  noBlocks: 'Sem horário neste dia.',
  start: 'Início',
  end: 'Fim',
  add: 'Adicionar bloco',
  adding: 'A adicionar...',
  remove: 'Remover',
  removing: 'A remover...',
  loading: 'A carregar o horário...',
  loadError: 'Não foi possível carregar o horário semanal.',
  added: (block: string, day: string) => `Bloco ${block} adicionado a ${day.toLowerCase()}.`,
  removed: (block: string, day: string) => `Bloco ${block} removido de ${day.toLowerCase()}.`,
  alreadyRemoved: (block: string, day: string) => `O bloco ${block} de ${day.toLowerCase()} já tinha sido removido.`,
} as const

export type WeeklyHoursEditorProps = { prestadorId: string; timeZone: string }

export function WeeklyHoursEditor({ prestadorId, timeZone }: WeeklyHoursEditorProps) {
  const query = useWeeklyHours(prestadorId)
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <div>
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {WEEKLY_HOURS_TEXTS.heading}
        </h2>
        <p className="mt-1 font-medium text-slate-800">{WEEKLY_HOURS_TEXTS.timeZone(timeZone)}</p>
        <p className="mt-1 text-slate-600">{WEEKLY_HOURS_TEXTS.intro}</p>
        <p className="mt-1 text-sm text-slate-600">{WEEKLY_HOURS_TEXTS.midnightHint}</p>
      </div>
      {query.isPending ? (
        <Spinner label={WEEKLY_HOURS_TEXTS.loading} />
      ) : query.isError ? (
        <ErrorState message={WEEKLY_HOURS_TEXTS.loadError} onRetry={() => query.refetch()} retrying={query.isRefetching} />
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {WEEKDAYS.map((day) => (
            <WeekdayHours
              key={day.weekday}
              prestadorId={prestadorId}
              weekday={day.weekday}
              name={day.name}
              rows={sortRows(query.data.filter((row) => row.weekday === day.weekday))}
            />
          ))}
        </div>
      )}
    </section>
  )
}

type Errors = { start?: string; end?: string; block?: string }

function WeekdayHours({ prestadorId, weekday, name, rows }: { prestadorId: string; weekday: number; name: string; rows: WeeklyHoursBlock[] }) {
  const id = useId()
  const queryClient = useQueryClient()
  const add = useAddWeeklyHours(prestadorId)
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [done, setDone] = useState<string | null>(null)
  const groupRef = useRef<HTMLFieldSetElement>(null)
  const startRef = useRef<HTMLInputElement>(null)
  const endRef = useRef<HTMLInputElement>(null)
  const blockErrorId = `${id}-block-error`

  // The day's blocks changed (one removed, here or elsewhere): an overlap said before may no
  // longer hold. Judge the typed times again; keep the message only if they still overlap.
  const rowsKey = rows.map((r) => r.id).join(',')
  useEffect(() => {
    setErrors((current) => {
      if (!current.block) return current
      const result = validateNewBlock({ start, end }, rows)
      if (!result.ok && result.block) return { ...current, block: TIME_BLOCK_MESSAGES[result.block] }
      const { block: _b, ...rest } = current
      return rest
    })
    // Only a change of the blocks re-judges; typing clears the message by itself.
  }, [rowsKey])

  function submit(event: FormEvent) {
    event.preventDefault()
    if (add.isPending) return
    setDone(null)
    const result = validateNewBlock({ start, end }, rows)
    if (!result.ok) {
      setErrors({
        ...(result.start ? { start: TIME_BLOCK_MESSAGES[result.start] } : {}),
        ...(result.end ? { end: TIME_BLOCK_MESSAGES[result.end] } : {}),
        ...(result.block ? { block: TIME_BLOCK_MESSAGES[result.block] } : {}),
      })
      ;(result.start || result.block ? startRef : endRef).current?.focus()
      return
    }
    setErrors({})
    const label = blockLabel(result.block)
    add.mutate(
      { weekday, startTime: result.startTime, endTime: result.endTime },
      {
        onSuccess: () => {
          setStart('')
          setEnd('')
          setDone(WEEKLY_HOURS_TEXTS.added(label, name))
        },
        onError: (error) => {
          // Typed values stay; the message says why. An overlap means this list is stale.
          setErrors({ block: availabilityErrorMessage(error) })
          if (error instanceof AvailabilityRequestError && error.kind === 'overlap') {
            void queryClient.invalidateQueries({ queryKey: availabilityKeys.weeklyHours(prestadorId) })
          }
        },
      },
    )
  }

  return (
    <fieldset ref={groupRef} tabIndex={-1} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <legend className="px-1 text-base font-semibold text-slate-900">{name}</legend>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{WEEKLY_HOURS_TEXTS.noBlocks}</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label={`Blocos de ${name.toLowerCase()}`}>
          {rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium tabular-nums text-slate-900">{rowLabel(row)}</span>
              <RemoveBlockButton
                prestadorId={prestadorId}
                row={row}
                dayName={name}
                onRemoved={(message) => {
                  setDone(message)
                  groupRef.current?.focus()
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <form noValidate onSubmit={submit} className="mt-4 flex flex-col gap-2 border-t border-slate-100 pt-3">
        <div className="grid grid-cols-2 gap-3">
          <Input
            ref={startRef}
            type="time"
            label={WEEKLY_HOURS_TEXTS.start}
            value={start}
            onChange={(e) => {
              setStart(e.target.value)
              setErrors(({ start: _s, block: _b, ...rest }) => rest)
            }}
            error={errors.start}
            invalid={Boolean(errors.block)}
            describedBy={errors.block ? blockErrorId : undefined}
          />
          <Input
            ref={endRef}
            type="time"
            label={WEEKLY_HOURS_TEXTS.end}
            value={end}
            onChange={(e) => {
              setEnd(e.target.value)
              setErrors(({ end: _e, block: _b, ...rest }) => rest)
            }}
            error={errors.end}
            invalid={Boolean(errors.block)}
            describedBy={errors.block ? blockErrorId : undefined}
          />
        </div>
        <FormError id={blockErrorId} message={errors.block ?? null} />
        <FormStatus message={done} />
        <div>
          <Button
            type="submit"
            variant="secondary"
            aria-disabled={add.isPending || undefined}
            // The visible words first, then the day: seven of these buttons are on the page.
            aria-label={`${add.isPending ? WEEKLY_HOURS_TEXTS.adding : WEEKLY_HOURS_TEXTS.add} a ${name.toLowerCase()}`}
          >
            {add.isPending ? WEEKLY_HOURS_TEXTS.adding : WEEKLY_HOURS_TEXTS.add}
          </Button>
        </div>
      </form>
    </fieldset>
  )
}

function RemoveBlockButton({
  prestadorId,
  row,
  dayName,
  onRemoved,
}: {
  prestadorId: string
  row: WeeklyHoursBlock
  dayName: string
  /** With what to say ("Bloco ... removido de ..."), next to the day's form. */
  onRemoved: (message: string) => void
}) {
  const remove = useRemoveWeeklyHours(prestadorId)
  const errorId = useId()
  const label = rowLabel(row)
  return (
    <span className="flex flex-col items-end gap-1">
      <Button
        variant="ghost"
        size="sm"
        aria-disabled={remove.isPending || undefined}
        aria-describedby={remove.isError ? errorId : undefined}
        aria-label={`${remove.isPending ? WEEKLY_HOURS_TEXTS.removing : WEEKLY_HOURS_TEXTS.remove} ${label} de ${dayName.toLowerCase()}`}
        onClick={() => {
          if (remove.isPending) return
          // mutateAsync: this button leaves the list on success, and the announcement and
          // focus move must happen all the same. A failure shows next to the button.
          void remove.mutateAsync(row).then(
            (removed) => {
              onRemoved(removed ? WEEKLY_HOURS_TEXTS.removed(label, dayName) : WEEKLY_HOURS_TEXTS.alreadyRemoved(label, dayName))
            },
            () => undefined,
          )
        }}
      >
        {remove.isPending ? WEEKLY_HOURS_TEXTS.removing : WEEKLY_HOURS_TEXTS.remove}
      </Button>
      {remove.isError ? (
        <span id={errorId} role="alert" className="text-sm text-red-700">
          {availabilityErrorMessage(remove.error)}
        </span>
      ) : null}
    </span>
  )
}
