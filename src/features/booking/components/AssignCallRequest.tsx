// "Atribuir": the especialista turns an open call request into a booking with a prestador of
// the request's pillar, in a free slot; type defaults to phone. All through the
// assign_call_request RPC (source specialist_referral, request linked and held by her).
// Loaded on demand by <CallRequestAssignment> (AssignCallRequestAction.tsx).

import { useRef, useState, type FormEvent } from 'react'
import { Badge, Button, EmptyState, ErrorState, FormAlert, Spinner, useToast } from '@/components/ui'
import { Dialog } from '@/components/ui/Dialog'
import { useProfile } from '@/features/auth'
import { meetingTypeLabel, pillarLabel, type MeetingType } from '@/features/sessions'
import { formatSessionRange } from '@/lib/format-date'
import { BookingRequestError } from '../lib/booking-errors'
import { EMPTY_DRAFT, type BookingField } from '../lib/booking-form'
import { waitingTimeLabel } from '../lib/waiting-time'
import { useBookingDraft } from '../hooks/use-booking-draft'
import { useAssignCallRequest } from '../hooks/use-booking-mutations'
import { usePrestadores } from '../hooks/use-booking-queries'
import { ChoiceGroup } from './fields'
import { MeetingTypeField } from './MeetingTypeField'
import { DraftSlotFields } from './SlotPicker'
import { ASSIGN_BUTTON_TEXT, type AssignableRequest } from '../lib/assignable-request'

const FIELDS: BookingField[] = ['prestador', 'day', 'slot', 'meetingType']

export const ASSIGN_TEXTS = {
  open: ASSIGN_BUTTON_TEXT,
  title: 'Atribuir pedido',
  submit: 'Atribuir e marcar sessão',
  submitting: 'A atribuir...',
  success: (who: string, type: string, prestador: string, when: string) =>
    `Pedido de ${who} atribuído: sessão (${type}) com ${prestador} a ${when}.`,
} as const

export function AssignCallRequestDialog({ request, onClose }: { request: AssignableRequest | null; onClose: () => void }) {
  return (
    <Dialog
      open={request !== null}
      onClose={onClose}
      title={ASSIGN_TEXTS.title}
      description={request ? `${request.client?.name ?? 'Colaborador'} · ${pillarLabel(request.pillar)}` : undefined}
      size="lg"
    >
      {request ? <AssignCallRequestForm key={request.id} request={request} onDone={onClose} /> : null}
    </Dialog>
  )
}

export function AssignCallRequestForm({ request, onDone }: { request: AssignableRequest; onDone: () => void }) {
  const profile = useProfile()
  const toast = useToast()
  const assign = useAssignCallRequest()
  const who = request.client?.name ?? 'Colaborador'

  /** The request is no longer open (taken by someone else, or gone): nothing left to do here. */
  const [closedMessage, setClosedMessage] = useState<string | null>(null)
  const refs = {
    prestador: useRef<HTMLFieldSetElement>(null),
    day: useRef<HTMLFieldSetElement>(null),
    slot: useRef<HTMLFieldSetElement>(null),
    meetingType: useRef<HTMLFieldSetElement>(null),
  }
  const closeRef = useRef<HTMLDivElement>(null)
  const form = useBookingDraft({ ...EMPTY_DRAFT, pillar: request.pillar, meetingType: 'phone' }, FIELDS, refs)
  const { draft, errors, update } = form

  const prestadores = usePrestadores(request.pillar)
  const prestador = prestadores.data?.find((p) => p.id === draft.prestador) ?? null

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (assign.isPending || closedMessage || !form.validate()) return
    if (!prestador || !draft.slot || !draft.meetingType) return
    const slot = draft.slot
    const meetingType: MeetingType = draft.meetingType
    assign.mutate(
      { callRequestId: request.id, prestadorId: prestador.id, slot, meetingType },
      {
        onSuccess: () => {
          toast.show(ASSIGN_TEXTS.success(who, meetingTypeLabel(meetingType).toLowerCase(), prestador.name, formatSessionRange(slot.starts_at, slot.ends_at, profile.time_zone)), 'success')
          onDone()
        },
        onError: (error) => {
          if (error instanceof BookingRequestError && (error.kind === 'call_request_taken' || error.kind === 'call_request_not_found')) {
            setClosedMessage(error.message)
            // After React shows the message and the close button.
            setTimeout(() => closeRef.current?.querySelector('button')?.focus(), 0)
          } else {
            form.fail(error)
          }
        },
      },
    )
  }

  const requestSummary = (
    <div className="flex flex-col gap-1 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{who}</span>
        <Badge tone="brand">{pillarLabel(request.pillar)}</Badge>
        <span className="text-slate-600">À espera há {waitingTimeLabel(request.created_at)}</span>
      </div>
      {request.notes ? <p className="whitespace-pre-line text-slate-800">{request.notes}</p> : null}
    </div>
  )

  if (closedMessage) {
    return (
      <div className="flex flex-col gap-4">
        {requestSummary}
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950">
          {closedMessage}
        </p>
        <p className="text-sm text-slate-700">A lista de pedidos em espera foi atualizada.</p>
        <div ref={closeRef}>
          <Button variant="secondary" onClick={onDone}>
            Voltar aos pedidos
          </Button>
        </div>
      </div>
    )
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-busy={assign.isPending || undefined}>
      {requestSummary}
      {prestadores.isPending ? (
        <Spinner label="A carregar os prestadores..." />
      ) : prestadores.isError ? (
        <ErrorState message="Não foi possível carregar os prestadores." onRetry={() => prestadores.refetch()} retrying={prestadores.isRefetching} />
      ) : prestadores.data.length === 0 ? (
        <EmptyState title={`Não há prestadores ativos de ${pillarLabel(request.pillar)}.`} />
      ) : (
        <ChoiceGroup
          legend={`Prestador (${pillarLabel(request.pillar)})`}
          name="assign-prestador"
          groupRef={refs.prestador}
          options={prestadores.data.map((p) => ({ value: p.id, label: p.name, description: p.specialty }))}
          value={draft.prestador}
          onChange={(id) => update({ prestador: id, day: '', slot: null })}
          error={errors.prestador}
        />
      )}
      <DraftSlotFields form={form} name="assign-slot" dayRef={refs.day} slotRef={refs.slot} />
      <MeetingTypeField
        name="assign-meeting-type"
        groupRef={refs.meetingType}
        value={draft.meetingType}
        onChange={(meetingType) => update({ meetingType })}
        error={errors.meetingType}
        address={prestador?.address}
      />
      <FormAlert>{form.formError}</FormAlert>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={assign.isPending}>
          {assign.isPending ? ASSIGN_TEXTS.submitting : ASSIGN_TEXTS.submit}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancelar
        </Button>
      </div>
    </form>
  )
}
