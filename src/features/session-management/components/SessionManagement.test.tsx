import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useQuery } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PROFILES } from '@/test-utils/auth'
import { fetchPrestadorSessions, sessionKeys } from '@/features/sessions'
import {
  createFakeSessionsServer,
  createTestQueryClient,
  deferred,
  PEDRO,
  Providers,
  sessionRow,
  stamp,
  type FakeSessionsServer,
} from '../testing/fake-server'
import { bookingWorld, fakeSupabase, pickDay } from '@/features/booking/components/test-support'
import { SessionManagement, type SessionManagementAction } from './SessionManagement'

const holder = vi.hoisted(() => ({ server: null as null | { rpc: (...a: never[]) => unknown; from: (...a: never[]) => unknown } }))
// The reschedule form's day picker reads the booking tables from the booking feature's fake.
vi.mock('@/lib/supabase', async () => ({ supabase: (await import('../testing/slot-world')).splitSupabase(() => holder.server!) }))
vi.setConfig({ testTimeout: 30_000 })

const NOW = Date.parse('2026-11-20T10:00:00Z')
const MIN = 60_000
const VIRTUAL = sessionRow({
  id: '30000000-0000-4000-8000-000000000001',
  starts_at: '2026-11-20T10:03:00+00:00',
  ends_at: '2026-11-20T10:53:00+00:00',
  booking_links: { meeting_link: 'https://zoom.us/j/123456789', updated_at: stamp(1), updated_by: PEDRO },
})
const PHONE = sessionRow({
  id: '30000000-0000-4000-8000-000000000004',
  meeting_type: 'phone',
  starts_at: '2026-11-21T10:00:00+00:00',
  ends_at: '2026-11-21T10:50:00+00:00',
})
const CANCELLED = sessionRow({
  id: '30000000-0000-4000-8000-000000000009',
  status: 'cancelled',
  cancellation_reason: 'Doença.',
  starts_at: '2026-11-22T10:00:00+00:00',
  ends_at: '2026-11-22T10:50:00+00:00',
})

let server: FakeSessionsServer
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW })
  server = createFakeSessionsServer({ bookings: [VIRTUAL, PHONE, CANCELLED] })
  holder.server = server as never
})
afterEach(() => vi.useRealTimers())

/** Like the pages: the modal content reads its row from the cached list on every render. */
function FromList({ id, actions }: { id: string; actions?: SessionManagementAction[] }) {
  const list = useQuery({
    queryKey: sessionKeys.list({ role: 'prestador', userId: PEDRO }),
    queryFn: () => fetchPrestadorSessions(PEDRO),
  })
  if (!list.data) return <p>A carregar…</p>
  const s = list.data.find((row) => row.id === id)
  return (
    <SessionManagement
      session={s}
      timeZone="Europe/Lisbon"
      employeeName={s?.client?.name ?? 'Colaborador'}
      employeePhone={s?.client?.phone}
      companyName={s?.company?.name}
      {...(actions ? { actions } : {})}
    />
  )
}

async function renderContent(id: string, actions?: SessionManagementAction[]) {
  render(
    <Providers queryClient={createTestQueryClient()} profile={PROFILES.prestador}>
      <FromList id={id} {...(actions ? { actions } : {})} />
    </Providers>,
  )
  await screen.findByText('Data e hora')
  return userEvent.setup()
}

const fact = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling

describe('SessionManagement', () => {
  it('virtual: date/time, employee, company, type, and the meeting-link editor with the current link', async () => {
    await renderContent(VIRTUAL.id)
    expect(fact('Data e hora')).toHaveTextContent('sex., 20 nov., 10:03–10:53')
    expect(fact('Colaborador')).toHaveTextContent('João Silva')
    expect(fact('Empresa')).toHaveTextContent('Acme Portugal')
    expect(fact('Tipo')).toHaveTextContent('Virtual')
    expect(screen.getByLabelText('Link da reunião')).toHaveValue('https://zoom.us/j/123456789')
    expect(screen.getByRole('button', { name: 'Guardar link' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Gerar link Jitsi' })).toBeInTheDocument()
    expect(screen.queryByText('Telefone', { selector: 'dt' })).not.toBeInTheDocument()
  })

  it("phone: the employee's number (a tel: link), no link editor", async () => {
    await renderContent(PHONE.id)
    expect(fact('Tipo')).toHaveTextContent('Telefone')
    const number = within(fact('Telefone') as HTMLElement).getByRole('link', { name: '+351 912 345 678' })
    expect(number).toHaveAttribute('href', 'tel:+351912345678')
    expect(screen.queryByLabelText('Link da reunião')).not.toBeInTheDocument()
  })

  it('cancelled: the reason, and no actions', async () => {
    await renderContent(CANCELLED.id)
    expect(fact('Motivo do cancelamento')).toHaveTextContent('Doença.')
    expect(screen.getByText('Esta sessão foi cancelada: já não pode ser alterada.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Reagendar' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Cancelar sessão' })).not.toBeInTheDocument()
  })

  it('"Marcar como realizada" turns on by itself at the start, asks for confirmation, and reports only after the server confirmed', async () => {
    vi.useRealTimers()
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: NOW, shouldAdvanceTime: true })
    const user = await renderContent(VIRTUAL.id)
    const button = screen.getByRole('button', { name: 'Marcar como realizada' })
    expect(button).toBeDisabled()
    expect(button).toHaveAccessibleDescription('Disponível a partir do início da sessão.')
    expect(screen.getByRole('button', { name: 'O colaborador faltou' })).toBeDisabled()

    await act(() => vi.advanceTimersByTimeAsync(3 * MIN))
    expect(button).toBeEnabled()
    expect(screen.queryByText('Disponível a partir do início da sessão.')).not.toBeInTheDocument()

    // One click only asks; "Voltar" leaves the session as it was.
    await user.click(button)
    const question = screen.getByRole('group', { name: 'Marcar esta sessão como realizada? Não é possível desfazer.' })
    await waitFor(() => expect(within(question).getByRole('button', { name: 'Sim, foi realizada' })).toHaveFocus())
    await user.click(within(question).getByRole('button', { name: 'Voltar' }))
    expect(server.rpc).not.toHaveBeenCalled()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Marcar como realizada' })).toHaveFocus())

    const gate = deferred<void>()
    server.nextRpc(async (name, args) => {
      await gate.promise
      return server.answer(name, args)
    })
    await user.click(screen.getByRole('button', { name: 'Marcar como realizada' }))
    await user.click(screen.getByRole('button', { name: 'Sim, foi realizada' }))
    expect(server.rpc).toHaveBeenCalledWith('complete_booking', { p_booking_id: VIRTUAL.id })
    expect(screen.getByRole('button', { name: 'A guardar…' })).toBeInTheDocument()
    expect(screen.queryByText('Sessão marcada como realizada.')).not.toBeInTheDocument()
    gate.resolve()
    expect(await screen.findByText('Sessão marcada como realizada.')).toHaveAttribute('role', 'status')
    // The row in the list is now completed: no more actions, the editor is locked.
    await waitFor(() => expect(screen.getByText('Esta sessão já foi realizada: já não pode ser alterada.')).toBeInTheDocument())
    expect(screen.getByLabelText('Link da reunião')).toBeDisabled()
  })

  it('"O colaborador faltou": confirmed, then the session shows as Faltou with no more actions', async () => {
    vi.setSystemTime(NOW + 4 * MIN)
    const user = await renderContent(VIRTUAL.id)
    await user.click(screen.getByRole('button', { name: 'O colaborador faltou' }))
    expect(server.rpc).not.toHaveBeenCalled()
    await user.click(screen.getByRole('button', { name: 'Sim, faltou' }))
    expect(server.rpc).toHaveBeenCalledWith('mark_booking_no_show', { p_booking_id: VIRTUAL.id })
    expect(await screen.findByText('Registado: o colaborador faltou.')).toHaveAttribute('role', 'status')
    await waitFor(() => expect(screen.getByText('O colaborador faltou a esta sessão: já não pode ser alterada.')).toBeInTheDocument())
    expect(fact('Estado')).toHaveTextContent('Faltou')
    expect(screen.queryByRole('button', { name: 'Marcar como realizada' })).not.toBeInTheDocument()
  })

  it('"booking_not_started" from the server is shown in pt-PT', async () => {
    vi.setSystemTime(NOW + 4 * MIN)
    const user = await renderContent(VIRTUAL.id)
    server.nextRpc(() =>
      Promise.resolve({ data: null, status: 400, error: { code: '22023', message: 'booking_not_started', hint: 'x' } }),
    )
    await user.click(screen.getByRole('button', { name: 'Marcar como realizada' }))
    await user.click(screen.getByRole('button', { name: 'Sim, foi realizada' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Só pode marcar como realizada depois de a sessão começar.')
    expect(screen.queryByText('Sessão marcada como realizada.')).not.toBeInTheDocument()
  })

  it('cancel: opens in place, and after the server confirmed says so and shows the session as cancelled', async () => {
    const user = await renderContent(PHONE.id)
    const toggle = screen.getByRole('button', { name: 'Cancelar sessão' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await user.type(screen.getByLabelText('Motivo do cancelamento'), 'O colaborador pediu.')
    await user.click(screen.getByRole('button', { name: 'Confirmar cancelamento' }))
    const done = await screen.findByText('Sessão cancelada.')
    await waitFor(() => expect(done).toHaveFocus())
    expect(fact('Estado')).toHaveTextContent('Cancelada')
    expect(fact('Motivo do cancelamento')).toHaveTextContent('O colaborador pediu.')
    expect(screen.queryByRole('button', { name: 'Reagendar' })).not.toBeInTheDocument()
  })

  it('reschedule: success names the new time once the server answered; "Voltar" returns focus to "Reagendar"', async () => {
    // The reschedule panel stays mounted once opened: its day picker reads this world from the start.
    fakeSupabase.reset(bookingWorld().handler)
    const user = await renderContent(PHONE.id)
    await user.click(screen.getByRole('button', { name: 'Reagendar' }))
    await user.click(screen.getByRole('button', { name: 'Voltar' }))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reagendar' })).toHaveFocus())

    await user.click(screen.getByRole('button', { name: 'Reagendar' }))
    // Only bookable slots: no free date or time fields, a day with free slots, then a time.
    expect(screen.queryByLabelText('Hora de início')).not.toBeInTheDocument()
    await pickDay(user, '2026-11-23')
    await user.click(await screen.findByLabelText('15:00'))
    await user.click(screen.getByRole('button', { name: 'Guardar nova data' }))
    expect(await screen.findByText('Sessão reagendada para seg., 23 nov., 15:00–15:50.')).toHaveAttribute('role', 'status')
    await waitFor(() => expect(fact('Data e hora')).toHaveTextContent('seg., 23 nov., 15:00–15:50'))
  })

  it('switching between "Cancelar sessão" and "Reagendar" keeps the typed reason', async () => {
    const user = await renderContent(PHONE.id)
    await user.click(screen.getByRole('button', { name: 'Cancelar sessão' }))
    await user.type(screen.getByLabelText('Motivo do cancelamento'), 'Doença súbita')
    await user.click(screen.getByRole('button', { name: 'Reagendar' }))
    expect(screen.getByLabelText('Motivo do cancelamento')).not.toBeVisible()
    await user.click(screen.getByRole('button', { name: 'Cancelar sessão' }))
    expect(screen.getByLabelText('Motivo do cancelamento')).toBeVisible()
    expect(screen.getByLabelText('Motivo do cancelamento')).toHaveValue('Doença súbita')
  })

  it('offers only the actions it is given (especialista: no "Marcar como realizada")', async () => {
    await renderContent(VIRTUAL.id, ['reschedule', 'cancel'])
    expect(screen.getByRole('button', { name: 'Reagendar' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Cancelar sessão' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Marcar como realizada' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'O colaborador faltou' })).not.toBeInTheDocument()
  })

  it('a row that left the list says so instead of showing stale data', async () => {
    render(
      <Providers queryClient={createTestQueryClient()} profile={PROFILES.prestador}>
        <FromList id="gone" />
      </Providers>,
    )
    expect(await screen.findByText('Esta sessão já não está disponível.')).toBeInTheDocument()
  })
})
