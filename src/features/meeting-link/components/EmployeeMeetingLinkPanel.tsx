// The link area of the employee's session card. Every state says something (never blank),
// and it moves from "em preparação" to "disponível" to "já realizada" on its own, on time.

import { useId, type ReactNode } from 'react'
import { parseMeetingLink } from '../lib/parse-meeting-link'
import { useCountdownLabel } from '../hooks/use-countdown-label'
// Read-only: the employee never saves a link, so the saving path (RPC, zod) stays out.
import { useShownLink, type MeetingLinkBooking } from '../hooks/use-shown-link'

export type EmployeeMeetingLinkPanelProps = {
  /** The session row from the employee's session query (`*, booking_links(...)`). */
  booking: MeetingLinkBooking & {
    cancellation_reason?: string | null
    location?: string | null
  }
  /** The employee's phone number, shown for phone sessions when known. */
  phone?: string | null
}

export type EmployeePanelState =
  | 'waiting'
  | 'open_with_link'
  | 'open_without_link'
  | 'ended'
  | 'cancelled'
  | 'phone'
  | 'presencial'

export const EMPLOYEE_PANEL_TEXTS = {
  waitingTitle: 'Link em preparação',
  waitingBody: 'O link estará disponível 5 minutos antes da sessão começar.',
  openTitle: 'Link da reunião disponível',
  join: 'Entrar na reunião',
  joinHint: 'Abre a reunião num novo separador.',
  noLinkTitle: 'O link ainda não foi partilhado pelo prestador',
  noLinkBody: 'A página atualiza automaticamente.',
  endedTitle: 'Sessão já realizada',
  cancelledTitle: 'Sessão cancelada',
  phoneTitle: 'Sessão por telefone',
  phoneBody: 'O prestador irá ligar para o seu número',
  presencialTitle: 'Sessão presencial',
  presencialNoAddress: 'A morada será indicada pelo prestador.',
} as const

const T = EMPLOYEE_PANEL_TEXTS

function Block({ state, title, children }: { state: EmployeePanelState; title: string; children?: ReactNode }) {
  return (
    <div data-link-state={state} className="flex flex-col gap-1">
      <p className="font-medium text-slate-900">{title}</p>
      {children}
    </div>
  )
}

export function EmployeeMeetingLinkPanel({ booking, phone }: EmployeeMeetingLinkPanelProps) {
  const { window, ended, link } = useShownLink(booking)
  const joinHintId = useId()
  const countdown = useCountdownLabel(window.state === 'waiting' ? window.opensAt : null)

  let content: ReactNode
  if (booking.status === 'cancelled') {
    const reason = booking.cancellation_reason?.trim()
    content = (
      <Block state="cancelled" title={T.cancelledTitle}>
        {reason ? <p className="text-slate-700">Motivo: {reason}</p> : null}
      </Block>
    )
  } else if (ended) {
    content = <Block state="ended" title={T.endedTitle} />
  } else if (booking.meeting_type === 'phone') {
    const number = phone?.trim()
    content = (
      <Block state="phone" title={T.phoneTitle}>
        <p className="text-slate-700">
          {T.phoneBody}
          {number ? (
            <>
              : <span className="font-medium whitespace-nowrap">{number}</span>
            </>
          ) : null}
          .
        </p>
      </Block>
    )
  } else if (booking.meeting_type === 'presencial') {
    const address = booking.location?.trim()
    content = (
      <Block state="presencial" title={T.presencialTitle}>
        <p className="text-slate-700">{address ? `Morada: ${address}` : T.presencialNoAddress}</p>
      </Block>
    )
  } else if (window.state === 'waiting') {
    content = (
      <Block state="waiting" title={T.waitingTitle}>
        <p className="text-slate-700">{T.waitingBody}</p>
      </Block>
    )
  } else {
    // Open. Only a link that passes the same validation as on save becomes a link: a stored
    // value that somehow fails it (javascript:, http:, ...) is treated as no link at all.
    const parsed = link === null ? null : parseMeetingLink(link)
    content =
      parsed?.ok ? (
        <Block state="open_with_link" title={T.openTitle}>
          <p className="text-slate-700">Plataforma: {parsed.platform.label}</p>
          <p id={joinHintId} className="sr-only">
            {T.joinHint}
          </p>
          <a
            href={parsed.url}
            target="_blank"
            rel="noopener noreferrer"
            aria-describedby={joinHintId}
            className="mt-1 inline-flex w-fit items-center justify-center rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            {T.join}
          </a>
        </Block>
      ) : (
        <Block state="open_without_link" title={T.noLinkTitle}>
          <p className="text-slate-700">{T.noLinkBody}</p>
        </Block>
      )
  }

  return (
    <div className="flex flex-col gap-1 text-sm">
      {/* Polite: the change from "em preparação" to "disponível" is read out when it happens. */}
      <div aria-live="polite" aria-atomic="true">
        {content}
      </div>
      {/* Outside the live region: a countdown read out every minute would be noise. */}
      {countdown && window.state === 'waiting' && booking.meeting_type === 'virtual' && booking.status !== 'cancelled' ? (
        <p className="text-slate-600">{countdown}</p>
      ) : null}
    </div>
  )
}
