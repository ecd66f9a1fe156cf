import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PROFILES } from '@/test-utils/auth'
import { captureIcsDownloads, parseIcsEvent } from '@/features/calendar/testing/ics-downloads'
import {
  createFakeSessionsServer,
  createTestQueryClient,
  deferred,
  JOAO,
  PEDRO,
  Providers,
  routerFor,
  sessionRow,
  stamp,
  type FakeSessionsServer,
} from '@/features/session-management/testing/fake-server'
import { sessionKeys } from '@/features/sessions/api/keys'
import { UserSessionsPage } from './UserSessionsPage'

const holder = vi.hoisted(() => ({ server: null as null | { rpc: (...a: never[]) => unknown; from: (...a: never[]) => unknown } }))
vi.mock('@/lib/supabase', () => ({
  supabase: {
    rpc: (...args: never[]) => holder.server!.rpc(...args),
    from: (...args: never[]) => holder.server!.from(...args),
  },
}))

const MIN = 60_000
// Fixed clock: 20 Nov 2026, 10:00 in Lisbon (UTC in winter).
const NOW = Date.parse('2026-11-20T10:00:00Z')
const at = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')
const ZOOM = 'https://zoom.us/j/123456789'
const JOAO_PROFILE = { ...PROFILES.user, id: JOAO }

// The seed's sessions, as the employee's query returns them (no link row outside the window).
const IN_3_MIN = sessionRow({
  id: 'b-in-3-min',
  starts_at: at(NOW + 3 * MIN),
  ends_at: at(NOW + 53 * MIN),
  booking_links: { meeting_link: ZOOM, updated_at: stamp(1), updated_by: PEDRO },
})
const IN_2_HOURS = sessionRow({ id: 'b-in-2-hours', starts_at: at(NOW + 120 * MIN), ends_at: at(NOW + 170 * MIN) })
const YESTERDAY = sessionRow({
  id: 'b-yesterday',
  status: 'completed',
  starts_at: at(NOW - 24 * 60 * MIN),
  ends_at: at(NOW - 24 * 60 * MIN + 50 * MIN),
})
const PHONE = sessionRow({ id: 'b-phone', meeting_type: 'phone', starts_at: at(NOW + 24 * 60 * MIN), ends_at: at(NOW + 24 * 60 * MIN + 50 * MIN) })
const PRESENCIAL = sessionRow({
  id: 'b-presencial',
  meeting_type: 'presencial',
  location: 'Rua Garrett 50, 1200-204 Lisboa',
  starts_at: at(NOW + 7 * 24 * 60 * MIN),
  ends_at: at(NOW + 7 * 24 * 60 * MIN + 50 * MIN),
})
const CANCELLED = sessionRow({
  id: 'b-cancelled',
  status: 'cancelled',
  cancellation_reason: 'O prestador ficou doente.',
  starts_at: at(NOW + 2 * 24 * 60 * MIN),
  ends_at: at(NOW + 2 * 24 * 60 * MIN + 50 * MIN),
})

let server: FakeSessionsServer

function setup(bookings = [IN_3_MIN, IN_2_HOURS, YESTERDAY, PHONE, PRESENCIAL, CANCELLED]) {
  server = createFakeSessionsServer({ bookings, callerId: JOAO })
  holder.server = server as never
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW })
  setup()
})
afterEach(() => vi.useRealTimers())

async function renderPage(path = '/user/sessions') {
  const queryClient = createTestQueryClient()
  render(
    <Providers queryClient={queryClient} profile={JOAO_PROFILE}>
      {routerFor(path, <UserSessionsPage />)}
    </Providers>,
  )
  await screen.findByRole('list', { name: 'Próximas sessões' })
  return { queryClient }
}

const card = (id: string) => document.getElementById(`session-${id}`) as HTMLElement
const stateOf = (id: string) => card(id).querySelector('[data-link-state]')?.getAttribute('data-link-state')
const cardIds = (listName: string) =>
  within(screen.getByRole('list', { name: listName }))
    .getAllByRole('article')
    .map((a) => a.id)

describe('UserSessionsPage', () => {
  it('lists upcoming sessions first (soonest first), then past ones, then cancelled ones; each card reachable as #session-<id>', async () => {
    await renderPage()
    expect(screen.getByRole('heading', { level: 1, name: 'Meu percurso' })).toBeInTheDocument()
    expect(cardIds('Próximas sessões')).toEqual([
      'session-b-in-3-min',
      'session-b-in-2-hours',
      'session-b-phone',
      'session-b-presencial',
    ])
    expect(cardIds('Sessões anteriores')).toEqual(['session-b-yesterday'])
    expect(cardIds('Canceladas')).toEqual(['session-b-cancelled'])
    expect(card('b-in-3-min')).toHaveAccessibleName('Dr. Pedro Santos')
    expect(within(card('b-in-3-min')).getByText('sex., 20 nov., 10:03–10:53')).toHaveAttribute('dateTime', IN_3_MIN.starts_at)
  })

  it('a session marked realizada or Faltou is under "Sessões anteriores" even before its end; Faltou shows no link state', async () => {
    const doneEarly = { ...IN_3_MIN, id: 'b-done', status: 'completed' as const, starts_at: at(NOW - 10 * MIN), ends_at: at(NOW + 40 * MIN) }
    const noShow = { ...IN_2_HOURS, id: 'b-no-show', status: 'no_show' as const, starts_at: at(NOW - 20 * MIN), ends_at: at(NOW + 30 * MIN) }
    setup([doneEarly, noShow, IN_2_HOURS])
    await renderPage()
    expect(cardIds('Próximas sessões')).toEqual(['session-b-in-2-hours'])
    expect(cardIds('Sessões anteriores')).toEqual(['session-b-done', 'session-b-no-show'])
    expect(within(card('b-no-show')).getByText('Faltou')).toBeInTheDocument()
    expect(stateOf('b-no-show')).toBeUndefined()
    expect(within(card('b-done')).getByText('Realizada')).toBeInTheDocument()
    expect(screen.queryByRole('list', { name: 'Canceladas' })).not.toBeInTheDocument()
  })

  it('keeps the "Marcar sessão" link in the header', async () => {
    await renderPage()
    expect(screen.getByRole('link', { name: 'Marcar sessão' })).toHaveAttribute('href', '/user/book')
  })

  it('shows every card state: join link, in preparation, phone, address, cancelled with reason, done', async () => {
    await renderPage()
    expect(stateOf('b-in-3-min')).toBe('open_with_link')
    const join = within(card('b-in-3-min')).getByRole('link', { name: 'Entrar na reunião' })
    expect(join).toHaveAttribute('href', ZOOM)
    expect(join).toHaveAttribute('target', '_blank')

    expect(stateOf('b-in-2-hours')).toBe('waiting')
    expect(within(card('b-in-2-hours')).getByText('Link em preparação')).toBeInTheDocument()

    expect(stateOf('b-phone')).toBe('phone')
    // The employee's own number, from their profile embed.
    expect(card('b-phone')).toHaveTextContent('O prestador irá ligar para o seu número: +351 912 345 678.')

    expect(stateOf('b-presencial')).toBe('presencial')
    expect(card('b-presencial')).toHaveTextContent('Morada: Rua Garrett 50, 1200-204 Lisboa')

    expect(stateOf('b-cancelled')).toBe('cancelled')
    expect(card('b-cancelled')).toHaveTextContent('Motivo: O prestador ficou doente.')

    expect(stateOf('b-yesterday')).toBe('ended')
    expect(card('b-yesterday')).toHaveTextContent('Sessão já realizada')
  })

  it('offers "Cancelar sessão" on active upcoming sessions only, naming the session', async () => {
    await renderPage()
    const withCancel = ['b-in-3-min', 'b-in-2-hours', 'b-phone', 'b-presencial']
    for (const id of withCancel) {
      expect(within(card(id)).getByRole('button', { name: 'Cancelar sessão' })).toHaveAccessibleDescription(
        expect.stringContaining('Dr. Pedro Santos'),
      )
    }
    expect(within(card('b-cancelled')).queryByRole('button', { name: 'Cancelar sessão' })).not.toBeInTheDocument()
    expect(within(card('b-yesterday')).queryByRole('button', { name: 'Cancelar sessão' })).not.toBeInTheDocument()
  })

  it('the employee cancels with a reason; "Sessão cancelada" only after the server confirmed, and the card moves to "Canceladas"', async () => {
    await renderPage()
    const user = userEvent.setup()
    const c = card('b-in-2-hours')
    await user.click(within(c).getByRole('button', { name: 'Cancelar sessão' }))
    const field = await within(c).findByLabelText('Motivo do cancelamento')
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Opcional.'))

    const gate = deferred<void>()
    server.nextRpc(async (name, args) => {
      await gate.promise
      return server.answer(name, args)
    })
    await user.type(field, 'Tenho uma reunião nessa hora.')
    await user.click(within(c).getByRole('button', { name: 'Confirmar cancelamento' }))
    expect(within(c).getByRole('button', { name: 'A cancelar…' })).toBeInTheDocument()
    expect(screen.queryByText('Sessão cancelada.')).not.toBeInTheDocument()
    expect(stateOf('b-in-2-hours')).toBe('waiting')
    gate.resolve()
    await waitFor(() => expect(within(card('b-in-2-hours')).getByText('Sessão cancelada.')).toHaveFocus())
    expect(server.rpc).toHaveBeenCalledWith('cancel_booking', { p_booking_id: 'b-in-2-hours', p_reason: 'Tenho uma reunião nessa hora.' })
    expect(cardIds('Canceladas')).toEqual(['session-b-cancelled', 'session-b-in-2-hours'])
    expect(cardIds('Próximas sessões')).not.toContain('session-b-in-2-hours')
    const moved = card('b-in-2-hours')
    expect(stateOf('b-in-2-hours')).toBe('cancelled')
    expect(moved).toHaveTextContent('Motivo: Tenho uma reunião nessa hora.')
    expect(within(moved).queryByRole('button', { name: 'Cancelar sessão' })).not.toBeInTheDocument()
    expect(within(moved).getByRole('button', { name: /^Remover do calendário/ })).toBeInTheDocument()
  })

  it('the employee may cancel without giving a reason', async () => {
    await renderPage()
    const user = userEvent.setup()
    const c = card('b-phone')
    await user.click(within(c).getByRole('button', { name: 'Cancelar sessão' }))
    await within(c).findByLabelText('Motivo do cancelamento')
    await user.click(within(c).getByRole('button', { name: 'Confirmar cancelamento' }))
    await waitFor(() => expect(within(card('b-phone')).getByText('Sessão cancelada.')).toHaveFocus())
    expect(server.rpc).toHaveBeenCalledWith('cancel_booking', { p_booking_id: 'b-phone', p_reason: '' })
    expect(cardIds('Canceladas')).toContain('session-b-phone')
  })

  it('every card has a calendar button naming its session: "Adicionar ao calendário", or "Remover do calendário" once cancelled', async () => {
    await renderPage()
    const ids = [...cardIds('Próximas sessões'), ...cardIds('Sessões anteriores')]
    expect(ids).toHaveLength(5)
    for (const id of ids) {
      const c = document.getElementById(id)!
      const time = c.querySelector('time')!.textContent!
      expect(within(c).getByRole('button', { name: `Adicionar ao calendário a sessão de ${time}` })).toBeInTheDocument()
    }
    const cancelled = card('b-cancelled')
    const time = cancelled.querySelector('time')!.textContent!
    expect(within(cancelled).getByRole('button', { name: `Remover do calendário a sessão de ${time}` })).toBeInTheDocument()
    expect(within(cancelled).queryByRole('button', { name: /^Adicionar ao calendário/ })).not.toBeInTheDocument()
  })

  it('"Adicionar ao calendário" downloads the employee\'s .ics of that session', async () => {
    const downloads = captureIcsDownloads()
    try {
      await renderPage()
      const user = userEvent.setup()
      await user.click(within(card('b-in-2-hours')).getByRole('button', { name: /^Adicionar ao calendário/ }))
      await waitFor(() => expect(downloads.count()).toBe(1))
      const { filename, text } = await downloads.file(0)
      expect(filename).toBe('encontro-sessao-2026-11-20.ics')
      const event = parseIcsEvent(text)
      expect(event.getFirstPropertyValue('uid')).toBe('b-in-2-hours@encontro.app')
      expect(event.getFirstPropertyValue('summary')).toMatch(/^Sessão de .+ com Dr\. Pedro Santos$/)
      expect(event.getFirstPropertyValue('url')).toBe(`${window.location.origin}/user/sessions#session-b-in-2-hours`)
      // The raw meeting link never goes in the file.
      expect(text).not.toContain('zoom.us')
    } finally {
      downloads.restore()
    }
  })

  it('a #session-<id> link brings that card into focus once the list is loaded', async () => {
    await renderPage('/user/sessions#session-b-presencial')
    await waitFor(() => expect(card('b-presencial')).toHaveFocus())
  })

  it('an empty list has an empty state, not a blank page', async () => {
    setup([])
    render(
      <Providers queryClient={createTestQueryClient()} profile={JOAO_PROFILE}>
        {routerFor('/user/sessions', <UserSessionsPage />)}
      </Providers>,
    )
    expect(await screen.findByText('Ainda não tem sessões.')).toBeInTheDocument()
  })
})

describe('UserSessionsPage without reload', () => {
  beforeEach(() => {
    vi.useRealTimers()
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true })
  })

  it('the list does not poll: a link the prestador saves shows when the change read refreshes the lists', async () => {
    setup([{ ...IN_3_MIN, booking_links: null }, IN_2_HOURS])
    const { queryClient } = await renderPage()
    expect(stateOf('b-in-3-min')).toBe('open_without_link')
    expect(card('b-in-3-min')).toHaveTextContent('O link ainda não foi partilhado pelo prestador')

    // Pedro saves the link on the server; a minute later the page has not asked (idle cost).
    server.rows.get('b-in-3-min')!.booking_links = { meeting_link: ZOOM, updated_at: stamp(2), updated_by: PEDRO }
    await act(() => vi.advanceTimersByTimeAsync(MIN))
    expect(stateOf('b-in-3-min')).toBe('open_without_link')

    // The bell's count went up (his link_saved notification): it refreshes the session lists.
    await act(() => queryClient.invalidateQueries({ queryKey: sessionKeys.all }))
    await waitFor(() => expect(stateOf('b-in-3-min')).toBe('open_with_link'))
    expect(within(card('b-in-3-min')).getByRole('link', { name: 'Entrar na reunião' })).toHaveAttribute('href', ZOOM)
  })

  it('a session moves to "Sessões anteriores" by itself when it ends', async () => {
    setup([IN_3_MIN, IN_2_HOURS])
    await renderPage()
    expect(cardIds('Próximas sessões')).toEqual(['session-b-in-3-min', 'session-b-in-2-hours'])
    await act(() => vi.advanceTimersByTimeAsync(53 * MIN + 1))
    await waitFor(() => expect(cardIds('Sessões anteriores')).toEqual(['session-b-in-3-min']))
    expect(stateOf('b-in-3-min')).toBe('ended')
    expect(within(card('b-in-3-min')).queryByRole('button', { name: 'Cancelar sessão' })).not.toBeInTheDocument()
  })

  it('"Cancelar sessão" goes away by itself when the session starts (the employee cannot cancel a started session)', async () => {
    setup([IN_3_MIN, IN_2_HOURS])
    await renderPage()
    expect(within(card('b-in-3-min')).getByRole('button', { name: 'Cancelar sessão' })).toBeInTheDocument()
    await act(() => vi.advanceTimersByTimeAsync(3 * MIN + 1))
    await waitFor(() => expect(within(card('b-in-3-min')).queryByRole('button', { name: 'Cancelar sessão' })).not.toBeInTheDocument())
    expect(cardIds('Próximas sessões')).toEqual(['session-b-in-3-min', 'session-b-in-2-hours'])
    expect(within(card('b-in-2-hours')).getByRole('button', { name: 'Cancelar sessão' })).toBeInTheDocument()
  })
})
