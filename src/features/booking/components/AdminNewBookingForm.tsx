// The "Nova sessão" form (loaded with its dialog, not with the page): the admin books for an employee. empresa -> colaborador -> prestador ->
// dia -> horário livre -> tipo. Source admin_manual.

import { useRef, type FormEvent } from 'react'
import { Button, FormAlert, Select, useToast } from '@/components/ui'
import { Dialog } from '@/components/ui/Dialog'
import { useProfile } from '@/features/auth'
import { pillarLabel, type MeetingType } from '@/features/sessions'
import { formatSessionRange } from '@/lib/format-date'
import { EMPTY_DRAFT, type BookingField } from '../lib/booking-form'
import { useBookingDraft } from '../hooks/use-booking-draft'
import { useCreateAdminBooking } from '../hooks/use-booking-mutations'
import { useCompanies, useEmployees, usePrestadores } from '../hooks/use-booking-queries'
import { MeetingTypeField } from './MeetingTypeField'
import { DraftSlotFields } from './SlotPicker'

const FIELDS: BookingField[] = ['company', 'employee', 'prestador', 'day', 'slot', 'meetingType']

export const ADMIN_NEW_BOOKING_TEXTS = {
  submit: 'Marcar sessão',
  submitting: 'A marcar a sessão...',
  success: (who: string, when: string) => `Sessão marcada para ${who}: ${when}.`,
} as const

/** The "Nova sessão" dialog, open while mounted. */
export function AdminNewBookingDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog open onClose={onClose} title="Nova sessão" description="Marque uma sessão em nome de um colaborador." size="lg">
      <AdminNewBookingForm onDone={onClose} />
    </Dialog>
  )
}

export function AdminNewBookingForm({ onDone }: { onDone: () => void }) {
  const profile = useProfile()
  const toast = useToast()
  const create = useCreateAdminBooking()
  const refs = {
    company: useRef<HTMLSelectElement>(null),
    employee: useRef<HTMLSelectElement>(null),
    prestador: useRef<HTMLSelectElement>(null),
    day: useRef<HTMLFieldSetElement>(null),
    slot: useRef<HTMLFieldSetElement>(null),
    meetingType: useRef<HTMLFieldSetElement>(null),
  }
  const form = useBookingDraft(EMPTY_DRAFT, FIELDS, refs)
  const { draft, errors, update } = form

  const companies = useCompanies()
  const employees = useEmployees(draft.company || null)
  const prestadores = usePrestadores(null)
  const prestador = prestadores.data?.find((p) => p.id === draft.prestador) ?? null
  const employee = employees.data?.find((e) => e.id === draft.employee) ?? null

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (create.isPending || !form.validate()) return
    if (!prestador || !employee || !draft.slot || !draft.meetingType) return
    const slot = draft.slot
    create.mutate(
      { userId: employee.id, prestador, slot, meetingType: draft.meetingType },
      {
        onSuccess: () => {
          toast.show(ADMIN_NEW_BOOKING_TEXTS.success(employee.name, formatSessionRange(slot.starts_at, slot.ends_at, profile.time_zone)), 'success')
          onDone()
        },
        onError: form.fail,
      },
    )
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-busy={create.isPending || undefined}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select
          label="Empresa"
          ref={refs.company}
          value={draft.company}
          onChange={(e) => update({ company: e.target.value, employee: '' })}
          placeholder={companies.isPending ? 'A carregar...' : 'Escolha a empresa'}
          options={(companies.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          error={errors.company ?? (companies.isError ? 'Não foi possível carregar as empresas.' : undefined)}
        />
        <Select
          label="Colaborador"
          ref={refs.employee}
          value={draft.employee}
          onChange={(e) => update({ employee: e.target.value })}
          disabled={!draft.company}
          placeholder={!draft.company ? 'Escolha primeiro a empresa' : employees.isPending ? 'A carregar...' : 'Escolha o colaborador'}
          options={(employees.data ?? []).map((e) => ({ value: e.id, label: `${e.name} (${e.email})` }))}
          error={errors.employee ?? (employees.isError ? 'Não foi possível carregar os colaboradores.' : undefined)}
          hint={draft.company && employees.data?.length === 0 ? 'Esta empresa ainda não tem colaboradores.' : undefined}
        />
      </div>
      <Select
        label="Prestador"
        ref={refs.prestador}
        value={draft.prestador}
        onChange={(e) => update({ prestador: e.target.value, day: '', slot: null })}
        placeholder={prestadores.isPending ? 'A carregar...' : 'Escolha o prestador'}
        options={(prestadores.data ?? []).map((p) => ({ value: p.id, label: `${p.name} — ${p.specialty} (${pillarLabel(p.pillar)})` }))}
        error={errors.prestador ?? (prestadores.isError ? 'Não foi possível carregar os prestadores.' : undefined)}
      />
      <DraftSlotFields form={form} name="admin-slot" dayRef={refs.day} slotRef={refs.slot} />
      <MeetingTypeField
        name="admin-meeting-type"
        groupRef={refs.meetingType}
        value={draft.meetingType}
        onChange={(meetingType: MeetingType) => update({ meetingType })}
        error={errors.meetingType}
        address={prestador?.address}
      />
      <FormAlert>{form.formError}</FormAlert>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? ADMIN_NEW_BOOKING_TEXTS.submitting : ADMIN_NEW_BOOKING_TEXTS.submit}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancelar
        </Button>
      </div>
    </form>
  )
}
