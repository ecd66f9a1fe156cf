// Day ("Dia", a native date input) and the free slots of that day as a radio group of times
// ("14:00") in the viewer's zone. The one slot UI of the three booking paths.

import { useId, type Ref } from 'react'
import { Button, ErrorState, Input, Spinner } from '@/components/ui'
import { timeZoneNote } from '@/lib/format-date'
import { formatSlotTime } from '../lib/booking-days'
import type { Slot } from '../lib/free-slots'
import type { BookingDraftState } from '../hooks/use-booking-draft'
import { useFreeSlots, type UseFreeSlotsResult } from '../hooks/use-free-slots'
import { ChoiceGroup } from './fields'

export type DayFieldProps = {
  value: string
  onChange: (day: string) => void
  /** Today in the viewer's zone: the earliest day offered. */
  min: string
  error?: string | undefined
  disabled?: boolean
  inputRef?: Ref<HTMLInputElement>
}

export function DayField({ value, onChange, min, error, disabled, inputRef }: DayFieldProps) {
  return (
    <Input
      ref={inputRef}
      label="Dia"
      type="date"
      min={min}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      className="max-w-xs"
    />
  )
}

/** Day and free slot of a booking form's draft (a new day clears the slot). */
export function DraftSlotFields({
  form,
  name,
  dayRef,
  slotRef,
}: {
  form: BookingDraftState
  /** Radio group name of the slots, unique in the form. */
  name?: string
  dayRef: Ref<HTMLInputElement>
  slotRef: Ref<HTMLFieldSetElement>
}) {
  const { draft, errors, update } = form
  return (
    <>
      <DayField inputRef={dayRef} value={draft.day} min={form.today} onChange={(day) => update({ day, slot: null })} error={errors.day} />
      <SlotPicker
        name={name}
        prestadorId={draft.prestador || null}
        day={form.dayForSlots}
        value={draft.slot}
        onChange={(slot) => update({ slot })}
        error={errors.slot}
        groupRef={slotRef}
      />
    </>
  )
}

export type SlotPickerProps = {
  prestadorId: string | null
  /** A valid "YYYY-MM-DD" in the viewer's zone, or null while the day is missing or invalid. */
  day: string | null
  value: Slot | null
  onChange: (slot: Slot) => void
  /** The field's error ("Escolha um horário livre.", "Este horário acabou de ser reservado."). */
  error?: string | undefined
  /** A busy interval to leave out (the booking being rescheduled). */
  ignore?: Slot | null
  /** Radio group name, unique in the form. */
  name?: string
  groupRef?: Ref<HTMLFieldSetElement>
  /** Viewer's zone; defaults to the signed-in profile's. */
  viewerTimeZone?: string
}

export function SlotPicker({ prestadorId, day, value, onChange, error, ignore, name = 'slot', groupRef, viewerTimeZone }: SlotPickerProps) {
  const result = useFreeSlots(prestadorId, day, { ignore, ...(viewerTimeZone ? { viewerTimeZone } : {}) })
  return <SlotList result={result} value={value} onChange={onChange} error={error} name={name} groupRef={groupRef} />
}

function SlotList({
  result,
  value,
  onChange,
  error,
  name,
  groupRef,
}: {
  result: UseFreeSlotsResult
  value: Slot | null
  onChange: (slot: Slot) => void
  error?: string | undefined
  name: string
  groupRef?: Ref<HTMLFieldSetElement> | undefined
}) {
  // The placeholder groups below are focused when their error shows: the text and the error
  // are their description, so a screen reader reads both with the group.
  const ids = useId()
  const errorLine = error ? (
    <p id={`${ids}-error`} role="alert" className="text-sm text-red-700">
      {error}
    </p>
  ) : null
  const placeholderDescription = error ? `${ids}-text ${ids}-error` : `${ids}-text`

  if (result.status === 'idle') {
    return (
      <fieldset ref={groupRef} tabIndex={-1} aria-describedby={placeholderDescription} className="flex flex-col gap-1 focus:outline-none">
        <legend className="mb-1 text-sm font-medium text-slate-800">Horário</legend>
        <p id={`${ids}-text`} className="text-sm text-slate-600">
          Escolha o prestador e o dia para ver os horários livres.
        </p>
        {errorLine}
      </fieldset>
    )
  }
  if (result.status === 'pending') return <Spinner label="A procurar horários livres..." />
  if (result.status === 'error') {
    return (
      <ErrorState
        message="Não foi possível carregar os horários livres."
        onRetry={result.refetch}
        retrying={result.isFetching}
      />
    )
  }

  const byStart = new Map(result.slots.map((s) => [s.starts_at, s]))
  const selected = value && byStart.has(value.starts_at) ? value.starts_at : ''

  if (result.slots.length === 0) {
    return (
      <fieldset ref={groupRef} tabIndex={-1} aria-describedby={placeholderDescription} className="flex flex-col gap-1 focus:outline-none">
        <legend className="mb-1 text-sm font-medium text-slate-800">Horário</legend>
        {/* The slot-taken message must survive the refresh that emptied the list. */}
        {errorLine}
        <p id={`${ids}-text`} className="text-sm text-slate-700">
          Não há horários livres neste dia. Escolha outro dia.
        </p>
      </fieldset>
    )
  }

  return (
    <div className="flex flex-col gap-2" aria-busy={result.isFetching || undefined}>
      <ChoiceGroup
        legend="Horário"
        name={name}
        compact
        groupRef={groupRef}
        hint={`${timeZoneNote(result.viewerTimeZone)}${result.schedule ? `; sessões de ${result.schedule.sessionMinutes} minutos` : ''}.`}
        options={result.slots.map((s) => ({ value: s.starts_at, label: formatSlotTime(s.starts_at, result.viewerTimeZone) }))}
        value={selected}
        onChange={(startsAt) => {
          const slot = byStart.get(startsAt)
          if (slot) onChange(slot)
        }}
        error={error}
      />
      {result.isFetching ? <p className="text-sm text-slate-600">A atualizar os horários...</p> : null}
      <div>
        <Button variant="ghost" size="sm" onClick={result.refetch} disabled={result.isFetching}>
          Atualizar horários
        </Button>
      </div>
    </div>
  )
}
