// The content of the session management modal: the facts of the session, the meeting-link
// editor (the meeting-link feature's one component) and the lifecycle actions. Shared by
// the prestador's sessions and the especialista's cases. `session` is the row from the
// page's cached list, so it follows every save, reschedule and cancellation.

import { useId, useRef, useState, type ReactNode } from 'react'
import { Badge, Button } from '@/components/ui'
import { MeetingLinkEditor, type MeetingLinkBooking } from '@/features/meeting-link'
import {
  bookingStatusLabel,
  bookingStatusTone,
  formatDateTime,
  meetingTypeLabel,
  pillarLabel,
  type Pillar,
} from '@/features/sessions'
import type { BookingRow } from '../api/booking-actions'
import { CancelSessionForm } from './CancelSessionForm'
import { CompleteSessionAction } from './CompleteSessionAction'
import { RescheduleForm } from './RescheduleForm'

export type ManagedSession = MeetingLinkBooking & {
  location: string | null
  cancellation_reason: string | null
  pillar?: Pillar
}

export type SessionManagementAction = 'reschedule' | 'cancel' | 'complete'

export type SessionManagementProps = {
  /** The row from the page's session query; undefined once it is no longer in the list. */
  session: ManagedSession | undefined
  /** The viewer's profile.time_zone. */
  timeZone: string
  employeeName: string
  /** The employee's phone (client_profiles), shown for phone sessions. */
  employeePhone?: string | null
  companyName?: string | null
  prestadorName?: string | null
  /** Which lifecycle actions to offer (the RPCs check the caller anyway). */
  actions?: readonly SessionManagementAction[]
}

export const MANAGEMENT_TEXTS = {
  reschedule: 'Reagendar',
  cancel: 'Cancelar sessão',
  cancelIntro: 'O colaborador verá a sessão como cancelada, com o motivo que indicar.',
  gone: 'Esta sessão já não está disponível.',
  cancelled: 'Esta sessão foi cancelada: já não pode ser alterada.',
  completed: 'Esta sessão já foi realizada: já não pode ser alterada.',
  didCancel: 'Sessão cancelada.',
  didComplete: 'Sessão marcada como realizada.',
} as const

const ALL_ACTIONS: readonly SessionManagementAction[] = ['reschedule', 'cancel', 'complete']

type Panel = 'reschedule' | 'cancel' | null

export function SessionManagement({
  session,
  timeZone,
  employeeName,
  employeePhone,
  companyName,
  prestadorName,
  actions = ALL_ACTIONS,
}: SessionManagementProps) {
  const [panel, setPanel] = useState<Panel>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const outcomeRef = useRef<HTMLParagraphElement>(null)
  const panelId = useId()
  const triggerIds = { reschedule: useId(), cancel: useId() }
  const linkTitleId = useId()
  const actionsTitleId = useId()

  if (!session) return <p className="text-slate-700">{MANAGEMENT_TEXTS.gone}</p>

  const active = session.status === 'pending' || session.status === 'scheduled'
  const phone = employeePhone?.trim()
  const location = session.location?.trim()
  const reason = session.cancellation_reason?.trim()

  const facts: Array<{ label: string; value: ReactNode }> = [
    { label: 'Data e hora', value: <time dateTime={session.starts_at}>{formatDateTime(session.starts_at, timeZone)}</time> },
    { label: 'Colaborador', value: employeeName },
    ...(companyName ? [{ label: 'Empresa', value: companyName }] : []),
    ...(prestadorName ? [{ label: 'Prestador', value: prestadorName }] : []),
    { label: 'Tipo', value: meetingTypeLabel(session.meeting_type) },
    ...(session.pillar ? [{ label: 'Área', value: pillarLabel(session.pillar) }] : []),
    ...(session.meeting_type === 'phone'
      ? [{ label: 'Telefone', value: phone ? <a className="underline" href={`tel:${phone.replace(/\s+/g, '')}`}>{phone}</a> : 'Sem número registado' }]
      : []),
    ...(session.meeting_type === 'presencial' ? [{ label: 'Local', value: location || 'A definir' }] : []),
    {
      label: 'Estado',
      value: <Badge tone={bookingStatusTone(session.status)}>{bookingStatusLabel(session.status)}</Badge>,
    },
    ...(session.status === 'cancelled' && reason ? [{ label: 'Motivo do cancelamento', value: reason }] : []),
  ]

  // After a confirmed action the form closes; focus goes to the message that says what happened.
  const announce = (message: string) => {
    setPanel(null)
    setOutcome(message)
    requestAnimationFrame(() => outcomeRef.current?.focus())
  }

  const toggle = (next: Exclude<Panel, null>) => {
    setOutcome(null)
    setPanel((current) => (current === next ? null : next))
  }

  const dismiss = () => {
    const was = panel
    setPanel(null)
    if (was) requestAnimationFrame(() => document.getElementById(triggerIds[was])?.focus())
  }

  const onRescheduled = (booking: BookingRow) =>
    announce(`Sessão reagendada para ${formatDateTime(booking.starts_at, timeZone)}.`)

  return (
    <div className="flex flex-col gap-5">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {facts.map((f) => (
          <div key={f.label} className="contents">
            <dt className="text-slate-600">{f.label}</dt>
            <dd className="text-slate-900">{f.value}</dd>
          </div>
        ))}
      </dl>

      {session.meeting_type === 'virtual' ? (
        <section aria-labelledby={linkTitleId} className="flex flex-col gap-2 border-t border-slate-200 pt-4">
          <h3 id={linkTitleId} className="font-semibold text-slate-900">
            Reunião online
          </h3>
          <MeetingLinkEditor booking={session} timeZone={timeZone} />
        </section>
      ) : null}

      <section aria-labelledby={actionsTitleId} className="flex flex-col gap-3 border-t border-slate-200 pt-4">
        <h3 id={actionsTitleId} className="font-semibold text-slate-900">
          Gerir a sessão
        </h3>
        {active ? (
          <>
            <div className="flex flex-wrap items-start gap-2">
              {actions.includes('reschedule') ? (
                <Button
                  id={triggerIds.reschedule}
                  variant={panel === 'reschedule' ? 'primary' : 'secondary'}
                  aria-expanded={panel === 'reschedule'}
                  aria-controls={panel === 'reschedule' ? panelId : undefined}
                  onClick={() => toggle('reschedule')}
                >
                  {MANAGEMENT_TEXTS.reschedule}
                </Button>
              ) : null}
              {actions.includes('cancel') ? (
                <Button
                  id={triggerIds.cancel}
                  variant={panel === 'cancel' ? 'danger' : 'secondary'}
                  aria-expanded={panel === 'cancel'}
                  aria-controls={panel === 'cancel' ? panelId : undefined}
                  onClick={() => toggle('cancel')}
                >
                  {MANAGEMENT_TEXTS.cancel}
                </Button>
              ) : null}
              {actions.includes('complete') ? (
                <CompleteSessionAction session={session} onCompleted={() => announce(MANAGEMENT_TEXTS.didComplete)} />
              ) : null}
            </div>
            {panel ? (
              <div id={panelId} className="rounded-md border border-slate-200 bg-slate-50 p-3">
                {panel === 'reschedule' ? (
                  <RescheduleForm session={session} timeZone={timeZone} onRescheduled={onRescheduled} onDismiss={dismiss} />
                ) : (
                  <CancelSessionForm
                    bookingId={session.id}
                    intro={MANAGEMENT_TEXTS.cancelIntro}
                    onCancelled={() => announce(MANAGEMENT_TEXTS.didCancel)}
                    onDismiss={dismiss}
                  />
                )}
              </div>
            ) : null}
          </>
        ) : (
          <p className="text-sm text-slate-700">
            {session.status === 'cancelled' ? MANAGEMENT_TEXTS.cancelled : MANAGEMENT_TEXTS.completed}
          </p>
        )}
        {/* Always in the DOM so the confirmation is read out; focused after an action. */}
        <p ref={outcomeRef} role="status" tabIndex={-1} className="text-sm font-medium text-green-800 focus:outline-none">
          {outcome}
        </p>
      </section>
    </div>
  )
}
