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
import { RescheduleForm, type RescheduleSlot, type RescheduleSlotPickerProps } from './RescheduleForm'

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
    expect(screen.getByText(/Horas em Lisboa/)).toBeInTheDocument()
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

// The admin's way: free slots of the same prestador. The slot list is the caller's; here a
// fixed list per day stands in for the booking feature's SlotPicker.
const FREE: Record<string, RescheduleSlot[]> = {
  '2026-11-25': [{ starts_at: '2026-11-25T16:00:00.000Z', ends_at: '2026-11-25T16:50:00.000Z' }],
  '2026-11-26': [
    // Overlaps OTHER (10:00-10:50): the list is stale, the server refuses it.
    { starts_at: '2026-11-26T10:00:00.000Z', ends_at: '2026-11-26T10:50:00.000Z' },
    { starts_at: '2026-11-26T15:00:00.000Z', ends_at: '2026-11-26T15:50:00.000Z' },
  ],
}

function FakeSlotPicker({ day, value, onChange, error, groupRef, ignore }: RescheduleSlotPickerProps) {
  return (
    <fieldset ref={groupRef} tabIndex={-1} aria-describedby={error ? 'slot-error' : undefined} data-ignore={ignore.starts_at}>
      <legend>Horário</legend>
      {(day ? FREE[day] ?? [] : []).map((slot) => (
        <label key={slot.starts_at}>
          <input type="radio" name="slot" checked={value?.starts_at === slot.starts_at} onChange={() => onChange(slot)} />
          {slot.starts_at.slice(11, 16)}
        </label>
      ))}
      {error ? <p id="slot-error">{error}</p> : null}
    </fieldset>
  )
}

function renderSlotForm() {
  const onRescheduled = vi.fn()
  const onSlotTaken = vi.fn()
  const days: Array<string | null> = []
  render(
    <Providers queryClient={createTestQueryClient()} profile={PROFILES.admin}>
      <RescheduleForm
        session={SESSION as never}
        timeZone="Europe/Lisbon"
        onRescheduled={onRescheduled}
        onDismiss={vi.fn()}
        onSlotTaken={onSlotTaken}
        renderSlotPicker={(props) => {
          days.push(props.day)
          return <FakeSlotPicker {...props} />
        }}
      />
    </Providers>,
  )
  return {
    onRescheduled,
    onSlotTaken,
    days,
    user: userEvent.setup(),
    day: screen.getByLabelText('Dia') as HTMLInputElement,
    group: () => screen.getByRole('group', { name: 'Horário' }),
  }
}

describe('RescheduleForm with free slots (the admin)', () => {
  it("starts on the session's day, says when it is now, and leaves the session's own time free", () => {
    const { day, group } = renderSlotForm()
    expect(day.value).toBe('2026-11-25')
    expect(day).toHaveAttribute('min', '2026-11-20')
    expect(screen.getByText(/^Atualmente:/)).toHaveTextContent('Atualmente: 25 nov. 2026 às 14:00. Escolha um novo horário livre do mesmo prestador.')
    expect(group()).toHaveAttribute('data-ignore', SESSION.starts_at)
    expect(screen.queryByLabelText('Hora de início')).not.toBeInTheDocument()
  })

  it('asks for a slot next to the list, without calling the server', async () => {
    const { user, group } = renderSlotForm()
    await user.click(submit())
    expect(group()).toHaveAccessibleDescription('Escolha um horário livre.')
    expect(group()).toHaveFocus()
    expect(server.rpc).not.toHaveBeenCalled()
  })

  it('refuses a past or missing day next to the day field, and shows no slots for it', async () => {
    const { user, day, days } = renderSlotForm()
    set(day, '2026-11-19')
    expect(days.at(-1)).toBeNull()
    await user.click(submit())
    expect(day).toHaveAccessibleDescription('Escolha hoje ou um dia futuro.')
    expect(day).toHaveFocus()
    set(day, '')
    expect(day).toHaveAccessibleDescription('Indique a data.')
    expect(server.rpc).not.toHaveBeenCalled()
  })

  it('sends the chosen slot and reports success only once the server answered', async () => {
    const { user, day, onRescheduled } = renderSlotForm()
    set(day, '2026-11-26')
    await user.click(screen.getByLabelText('15:00'))
    await user.click(submit())
    expect(server.rpc).toHaveBeenCalledWith('reschedule_booking', {
      p_booking_id: SESSION.id,
      p_starts_at: '2026-11-26T15:00:00.000Z',
      p_ends_at: '2026-11-26T15:50:00.000Z',
    })
    await waitFor(() => expect(onRescheduled).toHaveBeenCalledTimes(1))
    expect(onRescheduled.mock.calls[0]![0]).toMatchObject({ id: SESSION.id, starts_at: '2026-11-26T15:00:00.000+00:00' })
  })

  it('a slot taken meanwhile: "Este horário acabou de ser reservado." next to the list, choice cleared, lists refreshed', async () => {
    const { user, day, group, onRescheduled, onSlotTaken } = renderSlotForm()
    set(day, '2026-11-26')
    await user.click(screen.getByLabelText('10:00'))
    await user.click(submit())
    await waitFor(() => expect(group()).toHaveAccessibleDescription('Este horário acabou de ser reservado.'))
    expect(group()).toHaveFocus()
    expect(onSlotTaken).toHaveBeenCalledTimes(1)
    expect(screen.getByLabelText('10:00')).not.toBeChecked()
    expect(day.value).toBe('2026-11-26')
    expect(onRescheduled).not.toHaveBeenCalled()
    // Another slot clears the message and goes through.
    await user.click(screen.getByLabelText('15:00'))
    expect(group()).not.toHaveAccessibleDescription()
    await user.click(submit())
    await waitFor(() => expect(onRescheduled).toHaveBeenCalled())
  })

  it('network failure: the fallback message, the choice kept', async () => {
    const { user, onRescheduled } = renderSlotForm()
    server.nextRpc((): Promise<RpcResponse> => Promise.resolve({ data: null, status: 0, error: { message: 'TypeError: Failed to fetch', code: '' } }))
    await user.click(screen.getByLabelText('16:00'))
    await user.click(submit())
    expect(await screen.findByRole('alert')).toHaveTextContent(ACTION_FALLBACK_MESSAGES.network)
    expect(screen.getByLabelText('16:00')).toBeChecked()
    expect(onRescheduled).not.toHaveBeenCalled()
  })
})
