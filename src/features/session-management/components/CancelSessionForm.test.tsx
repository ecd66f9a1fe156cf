import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useQuery, type QueryClient } from '@tanstack/react-query'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { PROFILES } from '@/test-utils/auth'
import { fetchPrestadorSessions, sessionKeys, type PrestadorSession } from '@/features/sessions'
import {
  createFakeSessionsServer,
  createTestQueryClient,
  deferred,
  PEDRO,
  Providers,
  sessionRow,
  type FakeSessionsServer,
  type RpcResponse,
} from '../testing/fake-server'
import { ACTION_FALLBACK_MESSAGES } from '../lib/action-errors'
import { CancelSessionForm } from './CancelSessionForm'

const holder = vi.hoisted(() => ({ server: null as null | { rpc: (...a: never[]) => unknown; from: (...a: never[]) => unknown } }))
vi.mock('@/lib/supabase', () => ({
  supabase: {
    rpc: (...args: never[]) => holder.server!.rpc(...args),
    from: (...args: never[]) => holder.server!.from(...args),
  },
}))

const ID = '30000000-0000-4000-8000-000000000001'
const listKey = sessionKeys.list({ role: 'prestador', userId: PEDRO })

let server: FakeSessionsServer
beforeEach(() => {
  server = createFakeSessionsServer({
    bookings: [sessionRow({ id: ID, starts_at: '2030-01-10T10:00:00+00:00', ends_at: '2030-01-10T10:50:00+00:00' })],
  })
  holder.server = server as never
})

/** The form next to the cached list it affects (the cached row shows the status). */
function Harness(props: { onCancelled: () => void; onDismiss: () => void }) {
  const list = useQuery({ queryKey: listKey, queryFn: () => fetchPrestadorSessions(PEDRO) })
  return (
    <>
      <p data-testid="cached-status">{list.data?.[0]?.status}</p>
      <CancelSessionForm bookingId={ID} {...props} />
    </>
  )
}

function renderForm() {
  const queryClient = createTestQueryClient()
  const onCancelled = vi.fn()
  const onDismiss = vi.fn()
  render(
    <Providers queryClient={queryClient} profile={PROFILES.prestador}>
      <Harness onCancelled={onCancelled} onDismiss={onDismiss} />
    </Providers>,
  )
  return { queryClient, onCancelled, onDismiss, user: userEvent.setup(), field: screen.getByLabelText('Motivo do cancelamento') }
}

const submit = () => screen.getByRole('button', { name: 'Confirmar cancelamento' })
const cached = (qc: QueryClient) => qc.getQueryData<PrestadorSession[]>(listKey)?.[0]

describe('CancelSessionForm', () => {
  it('refuses an empty reason next to the field, without calling the server', async () => {
    const { user, field, onCancelled } = renderForm()
    await user.type(field, '    ')
    await user.click(submit())
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Indique o motivo do cancelamento.'))
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveFocus()
    expect(server.rpc).not.toHaveBeenCalled()
    expect(onCancelled).not.toHaveBeenCalled()
  })

  it('refuses more than 500 characters (and keeps the text, no silent cut)', async () => {
    const { user, field } = renderForm()
    const long = 'a'.repeat(501)
    await user.click(field)
    await user.paste(long)
    expect(screen.getByText('Obrigatório. 501/500 caracteres.')).toBeInTheDocument()
    await user.click(submit())
    expect(screen.getByText('O motivo pode ter no máximo 500 caracteres.')).toBeInTheDocument()
    expect(field).toHaveValue(long)
    expect(server.rpc).not.toHaveBeenCalled()
    // Fixing it clears the message as the person types.
    await user.type(field, '{Backspace}')
    expect(screen.queryByText('O motivo pode ter no máximo 500 caracteres.')).not.toBeInTheDocument()
  })

  it('sends the trimmed reason and reports success only once the server answered', async () => {
    const { user, field, onCancelled, queryClient } = renderForm()
    await waitFor(() => expect(screen.getByTestId('cached-status')).toHaveTextContent('scheduled'))
    const gate = deferred<RpcResponse>()
    server.nextRpc(async (name, args) => {
      await gate.promise
      return server.answer(name, args)
    })
    await user.type(field, '  Estou doente.  ')
    await user.click(submit())

    expect(server.rpc).toHaveBeenCalledWith('cancel_booking', { p_booking_id: ID, p_reason: 'Estou doente.' })
    expect(screen.getByRole('button', { name: 'A cancelar…' })).toHaveAttribute('aria-disabled', 'true')
    expect(field).toHaveAttribute('readonly')
    expect(onCancelled).not.toHaveBeenCalled()
    expect(cached(queryClient)?.status).toBe('scheduled')

    // A second click while saving does not send a second request.
    await user.click(screen.getByRole('button', { name: 'A cancelar…' }))
    expect(server.rpc).toHaveBeenCalledTimes(1)

    gate.resolve({ data: null, error: null, status: 200 })
    await waitFor(() => expect(onCancelled).toHaveBeenCalledTimes(1))
    expect(onCancelled.mock.calls[0]![0]).toMatchObject({ id: ID, status: 'cancelled', cancellation_reason: 'Estou doente.' })
    // Every cached list shows it at once (and is refetched).
    expect(cached(queryClient)).toMatchObject({ status: 'cancelled', cancellation_reason: 'Estou doente.' })
    expect(cached(queryClient)?.client).toMatchObject({ name: 'João Silva' })
  })

  it.each([
    ['booking_not_active', { code: '22023', message: 'booking_not_active', hint: 'Esta sessão já não está ativa.' }, 400, 'Esta sessão já não está ativa (foi cancelada ou já foi realizada).'],
    ['booking_not_allowed', { code: '42501', message: 'booking_not_allowed', hint: 'x' }, 403, 'Não tem permissão para alterar esta sessão.'],
    ['an unknown code with a hint', { code: '22023', message: 'new_rule', hint: 'Regra nova do servidor.' }, 400, 'Regra nova do servidor.'],
    ['no answer', { code: '', message: 'TypeError: Failed to fetch' }, 0, ACTION_FALLBACK_MESSAGES.network],
  ])('%s: shows the pt-PT message and keeps what was typed', async (_name, error, status, text) => {
    const { user, field, onCancelled, queryClient } = renderForm()
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries')
    server.nextRpc(() => Promise.resolve({ data: null, error, status }))
    await user.type(field, 'Mudança de horário no trabalho.')
    await user.click(submit())
    expect(await screen.findByRole('alert')).toHaveTextContent(text)
    expect(field).toHaveValue('Mudança de horário no trabalho.')
    expect(onCancelled).not.toHaveBeenCalled()
    expect(screen.getByRole('button', { name: 'Confirmar cancelamento' })).not.toHaveAttribute('aria-disabled')
    // A refusal may mean the page was stale: everything about sessions is refetched.
    expect(invalidate).toHaveBeenCalledWith({ queryKey: sessionKeys.all })
  })

  it('a request that throws (aborted by the timeout) is the network fallback, not a success', async () => {
    const { user, field, onCancelled } = renderForm()
    server.nextRpc(() => Promise.reject(new DOMException('signal timed out', 'TimeoutError')))
    await user.type(field, 'Motivo.')
    await user.click(submit())
    expect(await screen.findByRole('alert')).toHaveTextContent(ACTION_FALLBACK_MESSAGES.network)
    expect(onCancelled).not.toHaveBeenCalled()
  })

  it("the server's field refusal shows next to the field", async () => {
    const { user, field } = renderForm()
    server.nextRpc(() =>
      Promise.resolve({ data: null, status: 400, error: { code: '22023', message: 'cancel_reason_required', hint: 'x' } }),
    )
    await user.type(field, 'ok')
    await user.click(submit())
    await waitFor(() => expect(field).toHaveAccessibleDescription(expect.stringContaining('Indique o motivo do cancelamento.')))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('a success that is not the booking row is not a success', async () => {
    const { user, field, onCancelled } = renderForm()
    server.nextRpc(() => Promise.resolve({ data: { id: 'another' }, error: null, status: 200 }))
    await user.type(field, 'Motivo.')
    await user.click(submit())
    expect(await screen.findByRole('alert')).toHaveTextContent(ACTION_FALLBACK_MESSAGES.unexpected)
    expect(onCancelled).not.toHaveBeenCalled()
  })

  it('"Voltar" closes without calling the server', async () => {
    const { user, onDismiss } = renderForm()
    await user.click(screen.getByRole('button', { name: 'Voltar' }))
    expect(onDismiss).toHaveBeenCalled()
    expect(server.rpc).not.toHaveBeenCalled()
  })
})
