import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useProfile } from '@/features/auth'
import { useCallRequestQueue } from '@/features/sessions'
import { PROFILES } from '@/test-utils/auth'
import { CALL_REQUEST_TAKEN_MESSAGE, SLOT_TAKEN_MESSAGE } from '../lib/booking-errors'
import { AssignCallRequestButton, CallRequestAssignment } from './AssignCallRequestAction'
import { PEDRO, TestApp, bookingWorld, dayButton, fakeSupabase, filterValue, futureWeekday, pickDay, type FakeHandler } from './test-support'

vi.mock('@/lib/supabase', async () => ({ supabase: (await import('./fake-supabase')).fakeSupabase }))
// The day picker renders four weeks of buttons: slow on a loaded machine.
vi.setConfig({ testTimeout: 30_000 })

const REQUEST = {
  id: '40000000-0000-4000-8000-000000000001',
  user_id: '20000000-0000-4000-8000-000000000002',
  pillar: 'saude_mental',
  notes: 'Gostaria de falar com alguém sobre stress no trabalho.',
  status: 'open',
  especialista_id: null,
  booking_id: null,
  created_at: new Date(Date.now() - 3 * 3_600_000).toISOString(),
  assigned_at: null,
  client: { name: 'Maria Costa', email: 'maria@encontro.test', phone: null },
}
const DAY = futureWeekday(3)

function Queue() {
  const profile = useProfile()
  const queue = useCallRequestQueue(profile.id)
  return (
    <CallRequestAssignment>
      {queue.data?.length === 0 ? <p>Não há pedidos em espera.</p> : null}
      <ul aria-label="Pedidos em espera">
        {(queue.data ?? []).map((r) => (
          <li key={r.id}>
            {r.client?.name} <AssignCallRequestButton request={r} />
          </li>
        ))}
      </ul>
    </CallRequestAssignment>
  )
}

function renderQueue(rpc: FakeHandler) {
  let open = true
  const world = bookingWorld((request) => {
    if (request.table === 'call_requests') return { data: open ? [REQUEST] : [] }
    if (request.rpc === 'assign_call_request') {
      const response = rpc(request)
      open = false // taken, by us or by someone else
      return response
    }
    if (request.table === 'bookings') return { data: [] }
    return { data: null, error: { code: 'TEST', message: 'unexpected' } }
  })
  fakeSupabase.reset(world.handler)
  render(<TestApp profile={PROFILES.especialista} path="/especialista/dashboard" routes={[{ path: '/especialista/dashboard', element: <Queue /> }]} />)
  return world
}

async function fillAssignForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Atribuir o pedido de Maria Costa' }))
  // The dialog is loaded on demand.
  const dialog = await screen.findByRole('dialog', { name: 'Atribuir pedido' })
  expect(dialog).toHaveAccessibleDescription('Maria Costa · Saúde mental')
  expect(within(dialog).getByText('À espera há 3 horas')).toBeInTheDocument()
  // Only prestadores of the request's pillar; phone is preselected.
  await user.click(await within(dialog).findByRole('radio', { name: /Dr\. Pedro Santos/ }))
  expect(within(dialog).queryByRole('radio', { name: /Ana Ferreira/ })).not.toBeInTheDocument()
  expect(within(dialog).getByRole('radio', { name: /Telefone/ })).toBeChecked()
  await pickDay(user, DAY, dialog)
  await user.click(await within(dialog).findByRole('radio', { name: '14:00' }))
  return dialog
}

describe('Atribuir (especialista)', () => {
  it('assigns with the RPC (phone by default), announces it and closes', async () => {
    renderQueue((request) => ({ data: { id: 'b-1', ...(request.args as object) } }))
    const user = userEvent.setup()
    const dialog = await fillAssignForm(user)
    await user.click(within(dialog).getByRole('button', { name: 'Atribuir e marcar sessão' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const [call] = fakeSupabase.find('assign_call_request')
    expect(call!.args).toMatchObject({ p_call_request_id: REQUEST.id, p_prestador_id: PEDRO, p_meeting_type: 'phone' })
    expect(screen.getByRole('status')).toHaveTextContent('Pedido de Maria Costa atribuído: sessão (telefone) com Dr. Pedro Santos')
    // The queue was refreshed and no longer lists the request.
    expect(await screen.findByText('Não há pedidos em espera.')).toBeInTheDocument()
  })

  it('call_request_taken: shows "already assigned by another especialista", refreshes the queue, never a success', async () => {
    renderQueue(() => ({
      data: null,
      status: 409,
      error: { code: 'PT409', message: 'call_request_taken', hint: 'Este pedido já foi atribuído por outra pessoa.', details: null },
    }))
    const user = userEvent.setup()
    const queueCallsBefore = () => fakeSupabase.find('call_requests').length
    const dialog = await fillAssignForm(user)
    const before = queueCallsBefore()
    await user.click(within(dialog).getByRole('button', { name: 'Atribuir e marcar sessão' }))

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(CALL_REQUEST_TAKEN_MESSAGE)
    await waitFor(() => expect(fakeSupabase.find('call_requests').length).toBeGreaterThan(before))
    // The queue no longer lists it, and the dialog (and its message) is still there.
    expect(await screen.findByText('Não há pedidos em espera.')).toBeInTheDocument()
    expect(screen.getByRole('dialog', { name: 'Atribuir pedido' })).toHaveTextContent(CALL_REQUEST_TAKEN_MESSAGE)
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
    expect(within(dialog).queryByRole('button', { name: 'Atribuir e marcar sessão' })).not.toBeInTheDocument()
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Voltar aos pedidos' })).toHaveFocus())
  })

  it('slot_taken from the RPC: the slot message and the refreshed slots, the rest kept', async () => {
    const world = renderQueue((request) => {
      const args = request.args as { p_starts_at: string; p_ends_at: string }
      world.takeSlot(PEDRO, { starts_at: args.p_starts_at, ends_at: args.p_ends_at })
      return { data: null, status: 409, error: { code: 'PT409', message: 'slot_taken', hint: 'Este horário acabou de ser reservado.' } }
    })
    const user = userEvent.setup()
    const dialog = await fillAssignForm(user)
    await user.click(within(dialog).getByRole('radio', { name: /Virtual/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Atribuir e marcar sessão' }))

    expect(await within(dialog).findByText(SLOT_TAKEN_MESSAGE)).toBeInTheDocument()
    await waitFor(() => expect(within(dialog).queryByRole('radio', { name: '14:00' })).not.toBeInTheDocument())
    expect(within(dialog).getByRole('radio', { name: '15:00' })).toBeInTheDocument()
    expect(within(dialog).getByRole('radio', { name: /Dr\. Pedro Santos/ })).toBeChecked()
    expect(within(dialog).getByRole('radio', { name: /Virtual/ })).toBeChecked()
    expect(dayButton(DAY, dialog)).toHaveAttribute('aria-pressed', 'true')
  })

  it('asks for the missing choices next to each field', async () => {
    renderQueue(() => ({ data: null }))
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Atribuir o pedido de Maria Costa' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Atribuir e marcar sessão' }))
    expect(within(dialog).getByText('Escolha um prestador.')).toBeInTheDocument()
    expect(within(dialog).getByRole('group', { name: 'Dia' })).toHaveAccessibleDescription(expect.stringContaining('Escolha o dia.'))
    expect(fakeSupabase.find('assign_call_request')).toHaveLength(0)
    // Escape closes and focus returns to the "Atribuir" button.
    await user.keyboard('{Escape}')
    expect(screen.getByRole('button', { name: 'Atribuir o pedido de Maria Costa' })).toHaveFocus()
    expect(filterValue(fakeSupabase.find('prestadores').at(-1)!, 'eq', 'pillar')).toBe('saude_mental')
  })
})
