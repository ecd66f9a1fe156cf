import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PROFILES } from '@/test-utils/auth'
import {
  createFakeSessionsServer,
  createTestQueryClient,
  deferred,
  Providers,
  sessionRow,
  type FakeSessionsServer,
  type RpcResponse,
} from '../testing/fake-server'
import { ACTION_FALLBACK_MESSAGES } from '../lib/action-errors'
import { RescheduleForm } from './RescheduleForm'

const holder = vi.hoisted(() => ({ server: null as null | { rpc: (...a: never[]) => unknown; from: (...a: never[]) => unknown } }))
vi.mock('@/lib/supabase', () => ({
  supabase: {
    rpc: (...args: never[]) => holder.server!.rpc(...args),
    from: (...args: never[]) => holder.server!.from(...args),
  },
}))

// Fixed clock: 20 Nov 2026, 10:00 UTC (10:00 in Lisbon, winter time).
const NOW = Date.parse('2026-11-20T10:00:00Z')
const SESSION = sessionRow({
  id: '30000000-0000-4000-8000-000000000002',
  starts_at: '2026-11-25T14:00:00+00:00',
  ends_at: '2026-11-25T14:50:00+00:00',
})
// Another of the prestador's sessions: 26 Nov, 10:00-10:50 Lisbon.
const OTHER = sessionRow({
  id: '30000000-0000-4000-8000-000000000004',
  meeting_type: 'phone',
  starts_at: '2026-11-26T10:00:00+00:00',
  ends_at: '2026-11-26T10:50:00+00:00',
})

let server: FakeSessionsServer
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW })
  server = createFakeSessionsServer({ bookings: [SESSION, OTHER], now: () => Date.now() })
  holder.server = server as never
})
afterEach(() => {
  vi.useRealTimers()
})

function renderForm(timeZone = 'Europe/Lisbon') {
  const onRescheduled = vi.fn()
  const onDismiss = vi.fn()
  render(
    <Providers queryClient={createTestQueryClient()} profile={PROFILES.prestador}>
      <RescheduleForm session={SESSION as never} timeZone={timeZone} onRescheduled={onRescheduled} onDismiss={onDismiss} />
    </Providers>,
  )
  return {
    onRescheduled,
    onDismiss,
    user: userEvent.setup(),
    date: screen.getByLabelText('Nova data') as HTMLInputElement,
    start: screen.getByLabelText('Hora de início') as HTMLInputElement,
    end: screen.getByLabelText('Hora de fim') as HTMLInputElement,
  }
}

// jsdom's date/time inputs take a complete value at once, like a browser's picker does.
const set = (input: HTMLInputElement, value: string) => fireEvent.change(input, { target: { value } })
const submit = () => screen.getByRole('button', { name: 'Guardar nova data' })

describe('RescheduleForm', () => {
  it("starts from the session's current date and times in the viewer's zone", () => {
    const { date, start, end } = renderForm()
    expect([date.value, start.value, end.value]).toEqual(['2026-11-25', '14:00', '14:50'])
    expect(date).toHaveAttribute('type', 'date')
    expect(start).toHaveAttribute('type', 'time')
    expect(screen.getByText(/fuso horário Europe\/Lisbon/)).toBeInTheDocument()
  })

  it('uses the profile zone, not the browser zone', () => {
    const { date, start, end } = renderForm('Asia/Tokyo')
    expect([date.value, start.value, end.value]).toEqual(['2026-11-25', '23:00', '23:50'])
  })

  it('the end follows the start with the current duration until it is edited', () => {
    const { date, start, end } = renderForm()
    set(start, '09:30')
    expect(end.value).toBe('10:20')
    set(date, '2026-11-27')
    expect(end.value).toBe('10:20')
    set(end, '11:00')
    set(start, '09:00')
    expect(end.value).toBe('11:00')
  })

  it('refuses an end before the start next to the end field, without calling the server', async () => {
    const { user, start, end } = renderForm()
    set(start, '15:00')
    set(end, '14:00')
    await user.click(submit())
    expect(end).toHaveAccessibleDescription('A hora de fim tem de ser depois da hora de início.')
    expect(end).toHaveAttribute('aria-invalid', 'true')
    expect(end).toHaveFocus()
    expect(server.rpc).not.toHaveBeenCalled()
  })

  it('refuses a start in the past next to the start field', async () => {
    const { user, date, start } = renderForm()
    set(date, '2026-11-20')
    set(start, '09:00')
    await user.click(submit())
    expect(start).toHaveAccessibleDescription('Escolha uma data e hora no futuro.')
    expect(server.rpc).not.toHaveBeenCalled()
  })

  it('refuses an empty date', async () => {
    const { user, date } = renderForm()
    set(date, '')
    await user.click(submit())
    expect(date).toHaveAccessibleDescription('Indique a data.')
    expect(date).toHaveFocus()
    expect(server.rpc).not.toHaveBeenCalled()
  })

  it('sends instants converted from the viewer zone and reports success only after the server answered', async () => {
    const { user, date, start, onRescheduled } = renderForm('America/Sao_Paulo')
    const gate = deferred<void>()
    server.nextRpc(async (name, args) => {
      await gate.promise
      return server.answer(name, args)
    })
    set(date, '2026-11-27')
    set(start, '09:30')
    await user.click(submit())
    // 09:30 in São Paulo (UTC-3) is 12:30 UTC; the end keeps the 50 minutes.
    expect(server.rpc).toHaveBeenCalledWith('reschedule_booking', {
      p_booking_id: SESSION.id,
      p_starts_at: '2026-11-27T12:30:00.000Z',
      p_ends_at: '2026-11-27T13:20:00.000Z',
    })
    expect(screen.getByRole('button', { name: 'A reagendar…' })).toHaveAttribute('aria-disabled', 'true')
    expect(onRescheduled).not.toHaveBeenCalled()
    gate.resolve()
    await waitFor(() => expect(onRescheduled).toHaveBeenCalledTimes(1))
    expect(onRescheduled.mock.calls[0]![0]).toMatchObject({ id: SESSION.id, starts_at: '2026-11-27T12:30:00.000+00:00' })
  })

  it('an overlap with another session of the prestador: pt-PT message, nothing typed lost, no success', async () => {
    const { user, date, start, end, onRescheduled } = renderForm()
    set(date, '2026-11-26')
    set(start, '10:30')
    await user.click(submit())
    expect(await screen.findByRole('alert')).toHaveTextContent('O prestador já tem uma sessão nesse horário.')
    expect([date.value, start.value, end.value]).toEqual(['2026-11-26', '10:30', '11:20'])
    expect(onRescheduled).not.toHaveBeenCalled()
    // Moving it clears the message and the next save goes through.
    set(start, '11:00')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    await user.click(submit())
    await waitFor(() => expect(onRescheduled).toHaveBeenCalled())
  })

  it("the server's 'in the past' refusal (clock moved on) shows next to the start", async () => {
    const { user, start } = renderForm()
    server.nextRpc(() =>
      Promise.resolve({ data: null, status: 400, error: { code: '22023', message: 'reschedule_in_past', hint: 'x' } }),
    )
    await user.click(submit())
    await waitFor(() => expect(start).toHaveAccessibleDescription('Escolha uma data e hora no futuro.'))
    expect(start).toHaveFocus()
  })

  it('network failure: the fallback message, fields kept', async () => {
    const { user, start, onRescheduled } = renderForm()
    server.nextRpc((): Promise<RpcResponse> => Promise.resolve({ data: null, status: 0, error: { message: 'TypeError: Failed to fetch', code: '' } }))
    set(start, '16:00')
    await user.click(submit())
    expect(await screen.findByRole('alert')).toHaveTextContent(ACTION_FALLBACK_MESSAGES.network)
    expect(start.value).toBe('16:00')
    expect(onRescheduled).not.toHaveBeenCalled()
  })
})
