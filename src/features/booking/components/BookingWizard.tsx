// The employee books a session: área (pillar) -> prestador -> dia -> horário -> tipo -> confirmar.
// One form, in that order, so nothing chosen is ever lost: a refused save keeps every field
// (a slot taken meanwhile is the only thing cleared, with the refreshed slot list).

import { useId, useRef, type FormEvent, type ReactNode } from 'react'
import { Link, useNavigate } from 'react-router'
import { Button, EmptyState, ErrorState, FormAlert, Spinner, useToast } from '@/components/ui'
import { useProfile } from '@/features/auth'
import { meetingTypeLabel, PILLAR_LABELS, pillarLabel, sessionCardId, type MeetingType, type Pillar } from '@/features/sessions'
import { formatSessionRange } from '@/lib/format-date'
import { EMPTY_DRAFT, PILLARS, type BookingDraft, type BookingField } from '../lib/booking-form'
import type { Slot } from '../lib/free-slots'
import { useBookingDraft } from '../hooks/use-booking-draft'
import { useCreateDirectBooking } from '../hooks/use-booking-mutations'
import { usePrestadores } from '../hooks/use-booking-queries'
import { ChoiceGroup } from './fields'
import { MeetingTypeField } from './MeetingTypeField'
import { DraftSlotFields } from './SlotPicker'

const FIELDS: BookingField[] = ['pillar', 'prestador', 'day', 'slot', 'meetingType']

export const WIZARD_TEXTS = {
  submit: 'Confirmar marcação',
  submitting: 'A marcar a sessão...',
  success: (when: string, who: string) => `Sessão marcada com ${who}: ${when}.`,
} as const

export function BookingWizard() {
  const profile = useProfile()
  const navigate = useNavigate()
  const toast = useToast()
  const create = useCreateDirectBooking()
  const prestadorIds = useId()

  const refs = {
    pillar: useRef<HTMLFieldSetElement>(null),
    prestador: useRef<HTMLFieldSetElement>(null),
    day: useRef<HTMLFieldSetElement>(null),
    slot: useRef<HTMLFieldSetElement>(null),
    meetingType: useRef<HTMLFieldSetElement>(null),
  }
  const form = useBookingDraft(EMPTY_DRAFT, FIELDS, refs)
  const { draft, errors, update } = form

  const prestadores = usePrestadores(draft.pillar || null, { enabled: draft.pillar !== '' })
  const prestador = prestadores.data?.find((p) => p.id === draft.prestador) ?? null

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (create.isPending || !form.validate()) return
    if (!prestador || !draft.slot || !draft.meetingType) return
    const slot: Slot = draft.slot
    create.mutate(
      { prestador, slot, meetingType: draft.meetingType },
      {
        onSuccess: (booking) => {
          toast.show(WIZARD_TEXTS.success(formatSessionRange(slot.starts_at, slot.ends_at, profile.time_zone), prestador.name), 'success')
          // The list scrolls the new session into view (its #session-<id>) and marks it as new.
          void navigate(`/user/sessions#${sessionCardId(booking.id)}`, { state: { newBookingId: booking.id } })
        },
        onError: form.fail,
      },
    )
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-8" aria-busy={create.isPending || undefined}>
      <Step number={1} title="Área">
        <ChoiceGroup<Pillar>
          legend="Em que área precisa de apoio?"
          name="pillar"
          groupRef={refs.pillar}
          options={PILLARS.map((p) => ({ value: p, label: PILLAR_LABELS[p] }))}
          value={draft.pillar}
          onChange={(pillar) => update({ pillar, prestador: '', day: '', slot: null })}
          error={errors.pillar}
        />
      </Step>

      <Step number={2} title="Prestador">
        {draft.pillar === '' ? (
          // Focused when its error shows: hint and error are its description, so both are read out.
          <fieldset
            ref={refs.prestador}
            tabIndex={-1}
            aria-describedby={errors.prestador ? `${prestadorIds}-hint ${prestadorIds}-error` : `${prestadorIds}-hint`}
            className="focus:outline-none"
          >
            <legend className="mb-1 text-sm font-medium text-slate-800">Prestador</legend>
            <p id={`${prestadorIds}-hint`} className="text-sm text-slate-600">
              Escolha primeiro a área.
            </p>
            {errors.prestador ? (
              <p id={`${prestadorIds}-error`} className="text-sm text-red-700">
                {errors.prestador}
              </p>
            ) : null}
          </fieldset>
        ) : prestadores.isPending ? (
          <Spinner label="A carregar os prestadores..." />
        ) : prestadores.isError ? (
          <ErrorState message="Não foi possível carregar os prestadores." onRetry={() => prestadores.refetch()} retrying={prestadores.isRefetching} />
        ) : prestadores.data.length === 0 ? (
          <EmptyState title={`Ainda não há prestadores de ${pillarLabel(draft.pillar)}.`}>Escolha outra área.</EmptyState>
        ) : (
          <ChoiceGroup
            legend={`Prestadores de ${pillarLabel(draft.pillar)}`}
            name="prestador"
            groupRef={refs.prestador}
            options={prestadores.data.map((p) => ({ value: p.id, label: p.name, description: p.specialty }))}
            value={draft.prestador}
            onChange={(id) => update({ prestador: id, day: '', slot: null })}
            error={errors.prestador}
          />
        )}
      </Step>

      <Step number={3} title="Dia e horário">
        <DraftSlotFields form={form} dayRef={refs.day} slotRef={refs.slot} />
      </Step>

      <Step number={4} title="Tipo de sessão">
        <MeetingTypeField
          groupRef={refs.meetingType}
          value={draft.meetingType}
          onChange={(meetingType: MeetingType) => update({ meetingType })}
          error={errors.meetingType}
          address={prestador?.address}
        />
      </Step>

      <Step number={5} title="Confirmar">
        <Summary draft={draft} prestadorName={prestador?.name ?? null} timeZone={profile.time_zone} />
        <FormAlert>{form.formError}</FormAlert>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? WIZARD_TEXTS.submitting : WIZARD_TEXTS.submit}
          </Button>
          <Link to="/user/sessions" className="rounded-md px-2 py-1 font-medium text-brand-800 underline focus-visible:outline-2 focus-visible:outline-brand-700">
            Voltar às minhas sessões
          </Link>
        </div>
      </Step>
    </form>
  )
}

function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  const id = `booking-step-${number}`
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-lg font-semibold text-slate-800">
        <span aria-hidden="true" className="mr-2 inline-flex size-7 items-center justify-center rounded-full bg-brand-100 text-sm text-brand-900">
          {number}
        </span>
        {title}
      </h2>
      {children}
    </section>
  )
}

function Summary({ draft, prestadorName, timeZone }: { draft: BookingDraft; prestadorName: string | null; timeZone: string }) {
  const rows = [
    { label: 'Área', value: draft.pillar ? pillarLabel(draft.pillar) : '—' },
    { label: 'Prestador', value: prestadorName ?? '—' },
    { label: 'Data e hora', value: draft.slot ? formatSessionRange(draft.slot.starts_at, draft.slot.ends_at, timeZone) : '—' },
    { label: 'Tipo', value: draft.meetingType ? meetingTypeLabel(draft.meetingType) : '—' },
  ]
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md border border-slate-200 bg-white p-3 text-sm">
      {rows.map((r) => (
        <div key={r.label} className="contents">
          <dt className="text-slate-600">{r.label}</dt>
          <dd className="text-slate-900">{r.value}</dd>
        </div>
      ))}
    </dl>
  )
}
