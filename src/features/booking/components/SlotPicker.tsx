// Day and free slot, the one slot UI of every booking and reschedule form: a page of days
// with the free ones marked (DayGrid), the first free slot offered, and the chosen day's
// free times as a radio group ("14:00") in the viewer's zone. Only bookable slots can be
// chosen; the database checks again.

import { useEffect, useId, useMemo, useRef, useState, type ReactNode, type Ref } from 'react'
import { Button, ErrorState } from '@/components/ui'
import { useProfile } from '@/features/auth'
import { formatDayShort, formatInstant, timeZoneCity } from '@/lib/format-date'
import { parseLocalDate } from '@/lib/zoned-time'
import { formatSlotTime, todayIn } from '../lib/booking-days'
import { firstFreeSlot, markDays, pageDays, pageOf, relativeDay } from '../lib/day-picker'
import type { Slot } from '../lib/free-slots'
import type { BookingDraftState } from '../hooks/use-booking-draft'
import { useFreeDays } from '../hooks/use-free-days'
import { useNow } from '../hooks/use-now'
import { DayGrid } from './DayPicker'
import { ChoiceGroup } from './fields'

export const SLOT_PICKER_TEXTS = {
  day: 'Dia',
  slot: 'Horário',
  noPrestador: 'Escolha o prestador para ver os dias com horários livres.',
  loadError: 'Não foi possível carregar os horários livres.',
  chooseDay: 'Escolha um dia com horários livres.',
  noFreeDay: (from: string, to: string) => `Não há horários livres de ${from} a ${to}: veja as semanas seguintes.`,
  noSlots: 'Não há horários livres neste dia.',
  first: (when: string) => `Primeiro horário livre: ${when}`,
  refresh: 'Atualizar horários',
  refreshing: 'A atualizar os horários...',
} as const

export type SlotPickerProps = {
  prestadorId: string | null
  /** The chosen day, "YYYY-MM-DD" in the viewer's zone; '' for none (the first free day is then chosen). */
  day: string
  onDayChange: (day: string) => void
  value: Slot | null
  onChange: (slot: Slot) => void
  dayError?: string | undefined
  /** The slot's error ("Escolha um horário livre.", "Este horário acabou de ser reservado."). */
  error?: string | undefined
  /** A busy interval to leave out (the booking being rescheduled). */
  ignore?: Slot | null
  /** Radio group name, unique in the form. */
  name?: string
  /** Focused when the form shows the day's error. */
  dayRef?: Ref<HTMLFieldSetElement>
  /** Focused when the form shows the slot's error. */
  groupRef?: Ref<HTMLFieldSetElement>
  /** Viewer's zone; defaults to the signed-in profile's. */
  viewerTimeZone?: string
}

const shortOf = (day: string) => {
  const d = parseLocalDate(day)
  return formatDayShort(d.year, d.month, d.day)
}

export function SlotPicker({
  prestadorId,
  day,
  onDayChange,
  value,
  onChange,
  dayError,
  error,
  ignore,
  name = 'slot',
  dayRef,
  groupRef,
  viewerTimeZone,
}: SlotPickerProps) {
  const now = useNow()
  const ids = useId()
  const profile = useProfile()
  const zone = viewerTimeZone ?? profile.time_zone
  const today = todayIn(zone, now)
  const [page, setPage] = useState(() => (day ? pageOf(day, today) : 0))
  const days = useMemo(() => pageDays(today, page), [today, page])
  const free = useFreeDays(prestadorId, days, { ignore, viewerTimeZone: zone })
  const cells = useMemo(() => markDays(days, free.slotsByDay, today), [days, free.slotsByDay, today])
  const first = firstFreeSlot(cells, free.slotsByDay)

  // No day chosen yet: the first free one is (once per prestador, so a choice is never undone).
  const autoChosen = useRef<string | null>(null)
  useEffect(() => {
    if (day || !first || !prestadorId || autoChosen.current === prestadorId) return
    autoChosen.current = prestadorId
    onDayChange(first.day)
  }, [day, first, prestadorId, onDayChange])

  const dayDescription = [`${ids}-day-text`, dayError ? `${ids}-day-error` : null].filter(Boolean).join(' ')
  const dayErrorLine = dayError ? (
    <p id={`${ids}-day-error`} role="alert" className="text-sm text-red-700">
      {dayError}
    </p>
  ) : null

  let dayBody: ReactNode
  let dayText: ReactNode = null
  if (free.status === 'idle') dayText = SLOT_PICKER_TEXTS.noPrestador
  else if (free.status === 'pending') {
    dayBody = <DayGrid cells={cells} value={day} onChange={onDayChange} page={page} onPageChange={setPage} loading />
  } else if (free.status === 'error') {
    dayBody = <ErrorState message={SLOT_PICKER_TEXTS.loadError} onRetry={free.refetch} retrying={free.isFetching} />
  } else {
    dayBody = <DayGrid cells={cells} value={day} onChange={onDayChange} page={page} onPageChange={setPage} />
    dayText = first ? null : SLOT_PICKER_TEXTS.noFreeDay(shortOf(days[0]!), shortOf(days.at(-1)!))
  }

  const firstLabel = first ? SLOT_PICKER_TEXTS.first(formatInstant(first.slot.starts_at, zone)) : null
  const showFirst = free.status === 'success' && first && value?.starts_at !== first.slot.starts_at

  return (
    <div className="flex flex-col gap-4">
      <fieldset ref={dayRef} tabIndex={-1} aria-describedby={dayDescription} className="flex min-w-0 flex-col gap-2 focus:outline-none">
        <legend className="mb-1 text-sm font-medium text-slate-800">{SLOT_PICKER_TEXTS.day}</legend>
        <p id={`${ids}-day-text`} className={dayText ? 'text-sm text-slate-700' : 'sr-only'}>
          {dayText ?? SLOT_PICKER_TEXTS.chooseDay}
        </p>
        {dayBody}
        {dayErrorLine}
        {showFirst ? (
          <div>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                onDayChange(first.day)
                onChange(first.slot)
              }}
            >
              {firstLabel}
            </Button>
          </div>
        ) : null}
      </fieldset>
      <SlotList
        status={free.status}
        day={days.includes(day) ? day : ''}
        slots={free.slotsByDay.get(day) ?? []}
        today={today}
        zone={zone}
        sessionMinutes={free.schedule?.sessionMinutes}
        value={value}
        onChange={onChange}
        error={error}
        name={name}
        groupRef={groupRef}
        isFetching={free.isFetching}
        refetch={free.refetch}
      />
    </div>
  )
}

function SlotList({
  status,
  day,
  slots,
  today,
  zone,
  sessionMinutes,
  value,
  onChange,
  error,
  name,
  groupRef,
  isFetching,
  refetch,
}: {
  status: 'idle' | 'pending' | 'error' | 'success'
  /** The chosen day when it is on the page shown, else ''. */
  day: string
  slots: Slot[]
  today: string
  zone: string
  sessionMinutes: number | undefined
  value: Slot | null
  onChange: (slot: Slot) => void
  error?: string | undefined
  name: string
  groupRef?: Ref<HTMLFieldSetElement> | undefined
  isFetching: boolean
  refetch: () => void
}) {
  // The placeholder group is focused when its error shows: the text and the error are its
  // description, so a screen reader reads both with the group.
  const ids = useId()
  if (status === 'pending' || status === 'error') return null

  const errorLine = error ? (
    <p id={`${ids}-error`} role="alert" className="text-sm text-red-700">
      {error}
    </p>
  ) : null
  const byStart = new Map(slots.map((s) => [s.starts_at, s]))
  const selected = value && byStart.has(value.starts_at) ? value.starts_at : ''
  const relative = day ? relativeDay(day, today) : null
  const dayLine = day ? `${relative ? `${relative}, ` : ''}${shortOf(day)}` : ''

  if (status === 'idle' || !day || slots.length === 0) {
    const text = status === 'idle' ? SLOT_PICKER_TEXTS.noPrestador : !day ? SLOT_PICKER_TEXTS.chooseDay : `${dayLine}: ${SLOT_PICKER_TEXTS.noSlots}`
    return (
      <fieldset
        ref={groupRef}
        tabIndex={-1}
        aria-describedby={error ? `${ids}-text ${ids}-error` : `${ids}-text`}
        className="flex flex-col gap-1 focus:outline-none"
      >
        <legend className="mb-1 text-sm font-medium text-slate-800">{SLOT_PICKER_TEXTS.slot}</legend>
        {/* The slot-taken message must survive the refresh that emptied the list. */}
        {errorLine}
        <p id={`${ids}-text`} className="text-sm text-slate-700">
          {text}
        </p>
      </fieldset>
    )
  }

  return (
    <div className="flex flex-col gap-2" aria-busy={isFetching || undefined}>
      <ChoiceGroup
        legend={SLOT_PICKER_TEXTS.slot}
        name={name}
        compact
        groupRef={groupRef}
        hint={`${dayLine} — horas em ${timeZoneCity(zone)}${sessionMinutes ? `; sessões de ${sessionMinutes} minutos` : ''}.`}
        options={slots.map((s) => ({ value: s.starts_at, label: formatSlotTime(s.starts_at, zone) }))}
        value={selected}
        onChange={(startsAt) => {
          const slot = byStart.get(startsAt)
          if (slot) onChange(slot)
        }}
        error={error}
      />
      {isFetching ? <p className="text-sm text-slate-600">{SLOT_PICKER_TEXTS.refreshing}</p> : null}
      <div>
        <Button variant="ghost" size="sm" onClick={refetch} disabled={isFetching}>
          {SLOT_PICKER_TEXTS.refresh}
        </Button>
      </div>
    </div>
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
  dayRef: Ref<HTMLFieldSetElement>
  slotRef: Ref<HTMLFieldSetElement>
}) {
  const { draft, errors, update } = form
  return (
    <SlotPicker
      name={name}
      prestadorId={draft.prestador || null}
      day={draft.day}
      onDayChange={form.chooseDay}
      value={draft.slot}
      onChange={(slot) => update({ slot })}
      dayError={errors.day}
      error={errors.slot}
      dayRef={dayRef}
      groupRef={slotRef}
    />
  )
}
