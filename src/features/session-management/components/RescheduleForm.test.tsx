import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PROFILES } from '@/test-utils/auth'
import { bookingWorld, fakeSupabase, PEDRO } from '@/features/booking/components/test-support'
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
import { Dialog } from '@/components/ui/Dialog'
import { RescheduleForm } from './RescheduleForm'

const holder = vi.hoisted(() => ({ server: null as null | { rpc: (...a: never[]) => unknown; from: (...a: never[]) => unknown } }))
vi.mock('@/lib/supabase', async () => ({ supabase: (await import('../testing/slot-world')).splitSupabase(() => holder.server!) }))
// The day picker renders four weeks of buttons: slow on a loaded machine.
vi.setConfig({ testTimeout: 30_000 })

// Fixed clock: Friday 20 Nov 2026, 10:00 UTC (10:00 in Lisbon, winter time). Pedro works
// Monday to Friday 14:00-16:00 Lisbon, 50-minute sessions with 10 minutes between: 14:00, 15:00.
const NOW = Date.parse('2026-11-20T10:00:00Z')
const SESSION = sessionRow({
  id: '30000000-0000-4000-8000-000000000002',
  prestador_id: PEDRO,
  starts_at: '2026-11-25T14:00:00+00:00',
  ends_at: '2026-11-25T14:50:00+00:00',
})
// Booked on the server after the picker loaded: the picker still offers 26 Nov 15:00.
const LATE = sessionRow({
  id: '30000000-0000-4000-8000-000000000004',
  meeting_type: 'phone',
  starts_at: '2026-11-26T15:00:00+00:00',
  ends_at: '2026-11-26T15:50:00+00:00',
})

let server: FakeSessionsServer
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW })
  server = createFakeSessionsServer({ bookings: [SESSION, LATE], now: () => Date.now() })
  holder.server = server as never
  const world = bookingWorld()
  // The session itself is busy time of Pedro's; its own reschedule leaves it out.
  world.takeSlot(PEDRO, { starts_at: SESSION.starts_at as string, ends_at: SESSION.ends_at as string })
  fakeSupabase.reset(world.handler)
})
afterEach(() => {
  vi.useRealTimers()
})

async function renderForm({ timeZone = 'Europe/Lisbon', allowOverride = false } = {}) {
  const onRescheduled = vi.fn()
  const onDismiss = vi.fn()
  render(
    <Providers queryClient={createTestQueryClient()} profile={PROFILES.prestador}>
      <RescheduleForm session={SESSION as never} timeZone={timeZone} onRescheduled={onRescheduled} onDismiss={onDismiss} allowOverride={allowOverride} />
    </Providers>,
  )
  const user = userEvent.setup()
  const dayButton = (day: string) => document.querySelector<HTMLButtonElement>(`button[data-day="${day}"]`)!
  // The first free day is chosen once the page of days is loaded.
  // The first answers can take seconds on a loaded machine.
  await screen.findByRole('group', { name: /^Dias de / }, { timeout: 15_000 })
  await screen.findAllByRole('radio', {}, { timeout: 15_000 })
  return {
    onRescheduled,
    onDismiss,
    user,
    dayButton,
    slotGroup: () => screen.getByRole('group', { name: 'Horário' }),
    submit: () => screen.getByRole('button', { name: 'Guardar nova data' }),
    times: () => within(screen.getByRole('group', { name: 'Horário' })).getAllByRole('radio').map((r) => r.closest('label')!.textContent),
  }
}

describe('RescheduleForm: only bookable slots (prestador, especialista)', () => {
  it('offers a page of days with the free ones marked, the first free day chosen, and no free date or time fields', async () => {
    const { dayButton, times } = await renderForm()
    expect(screen.queryByLabelText('Hora de início')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Fora do horário' })).not.toBeInTheDocument()
    // Today (Friday) still has 14:00 and 15:00: it is the first free day, chosen.
    expect(dayButton('2026-11-20')).toHaveAttribute('aria-pressed', 'true')
    expect(dayButton('2026-11-20')).toHaveAccessibleName('Hoje, sexta-feira, 20 de novembro, 2 horários livres')
    expect(times()).toEqual(['14:00', '15:00'])
    // Weekends and past days cannot be picked.
    expect(dayButton('2026-11-21')).toHaveAttribute('aria-disabled', 'true')
    expect(dayButton('2026-11-21')).toHaveAccessibleName('Amanhã, sábado, 21 de novembro, sem horários livres')
    expect(dayButton('2026-11-19')).toHaveAccessibleName('quinta-feira, 19 de novembro, já passou')
    expect(screen.getByRole('button', { name: 'Primeiro horário livre: sex., 20 nov., 14:00' })).toBeInTheDocument()
    // One range request for the four weeks shown, not one per day.
    expect(fakeSupabase.find('prestador_busy_times')).toHaveLength(1)
    const args = fakeSupabase.find('prestador_busy_times')[0]!.args as { p_from: string; p_to: string }
    expect([args.p_from, args.p_to]).toEqual(['2026-11-15T00:00:00.000Z', '2026-12-15T00:00:00.000Z'])
  })

  it('a disabled day does nothing; a free day shows its times; the session does not block its own slot', async () => {
    const { user, dayButton, times } = await renderForm()
    await user.click(dayButton('2026-11-21'))
    expect(dayButton('2026-11-20')).toHaveAttribute('aria-pressed', 'true')
    await user.click(dayButton('2026-11-25'))
    expect(dayButton('2026-11-25')).toHaveAttribute('aria-pressed', 'true')
    expect(times()).toEqual(['14:00', '15:00'])
  })

  it('arrow keys move between days (one tab stop); Enter picks a free one', async () => {
    const { user, dayButton } = await renderForm()
    dayButton('2026-11-20').focus()
    await user.keyboard('{ArrowRight}')
    expect(dayButton('2026-11-21')).toHaveFocus()
    await user.keyboard('{ArrowDown}{ArrowRight}{ArrowRight}')
    expect(dayButton('2026-11-30')).toHaveFocus()
    expect(dayButton('2026-11-30')).toHaveAttribute('tabindex', '0')
    expect(dayButton('2026-11-20')).toHaveAttribute('tabindex', '-1')
    await user.keyboard('{Enter}')
    expect(dayButton('2026-11-30')).toHaveAttribute('aria-pressed', 'true')
  })

  it('refuses a save without a time, next to the times, without calling the server', async () => {
    const { user, slotGroup, submit } = await renderForm()
    await user.click(submit())
    expect(slotGroup()).toHaveAccessibleDescription(expect.stringContaining('Escolha um horário livre.'))
    expect(slotGroup()).toHaveFocus()
    expect(server.rpc).not.toHaveBeenCalled()
  })

  it('sends the chosen slot without p_override and reports success only once the server answered', async () => {
    const { user, dayButton, submit, onRescheduled } = await renderForm()
    const gate = deferred<void>()
    server.nextRpc(async (name, args) => {
      await gate.promise
      return server.answer(name, args)
    })
    await user.click(dayButton('2026-11-27'))
    await user.click(screen.getByLabelText('15:00'))
    await user.click(submit())
    expect(server.rpc).toHaveBeenCalledWith('reschedule_booking', {
      p_booking_id: SESSION.id,
      p_starts_at: '2026-11-27T15:00:00.000Z',
      p_ends_at: '2026-11-27T15:50:00.000Z',
    })
    expect(onRescheduled).not.toHaveBeenCalled()
    gate.resolve()
    await waitFor(() => expect(onRescheduled).toHaveBeenCalledTimes(1))
    expect(onRescheduled.mock.calls[0]![0]).toMatchObject({ id: SESSION.id, starts_at: '2026-11-27T15:00:00.000+00:00' })
  })

  it('the first free slot shortcut chooses its day and time', async () => {
    const { user, dayButton } = await renderForm()
    await user.click(dayButton('2026-11-25'))
    await user.click(screen.getByRole('button', { name: 'Primeiro horário livre: sex., 20 nov., 14:00' }))
    expect(dayButton('2026-11-20')).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByLabelText('14:00')).toBeChecked()
  })

  it('shows days and times in the viewer zone, not the browser zone', async () => {
    const { dayButton, times } = await renderForm({ timeZone: 'Asia/Tokyo' })
    // 14:00 and 15:00 in Lisbon are 23:00 (Friday) and 00:00 (Saturday) in Tokyo.
    expect(dayButton('2026-11-20')).toHaveAttribute('aria-pressed', 'true')
    expect(times()).toEqual(['23:00'])
    expect(dayButton('2026-11-21')).toHaveAccessibleName('Amanhã, sábado, 21 de novembro, 1 horário livre')
    expect(screen.getByText(/horas em Tóquio/)).toBeInTheDocument()
  })

  it('a slot taken meanwhile: "Este horário acabou de ser reservado." next to the times, choice cleared, day kept', async () => {
    const { user, dayButton, slotGroup, submit, onRescheduled } = await renderForm()
    await user.click(dayButton('2026-11-26'))
    await user.click(screen.getByLabelText('15:00'))
    await user.click(submit())
    await waitFor(() => expect(slotGroup()).toHaveAccessibleDescription(expect.stringContaining('Este horário acabou de ser reservado.')))
    expect(slotGroup()).toHaveFocus()
    expect(dayButton('2026-11-26')).toHaveAttribute('aria-pressed', 'true')
    expect(onRescheduled).not.toHaveBeenCalled()
    // Another slot clears the message and goes through.
    await user.click(screen.getByLabelText('14:00'))
    expect(screen.queryByText('Este horário acabou de ser reservado.')).not.toBeInTheDocument()
    await user.click(submit())
    await waitFor(() => expect(onRescheduled).toHaveBeenCalled())
  })

  it('network failure: the fallback message, the choice kept', async () => {
    const { user, submit, onRescheduled } = await renderForm()
    server.nextRpc((): Promise<RpcResponse> => Promise.resolve({ data: null, status: 0, error: { message: 'TypeError: Failed to fetch', code: '' } }))
    await user.click(screen.getByLabelText('15:00'))
    await user.click(submit())
    expect(await screen.findByRole('alert')).toHaveTextContent(ACTION_FALLBACK_MESSAGES.network)
    expect(screen.getByLabelText('15:00')).toBeChecked()
    expect(onRescheduled).not.toHaveBeenCalled()
  })
})

// jsdom's date/time inputs take a complete value at once, like a browser's picker does.
const set = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } })

describe('RescheduleForm: the admin\'s "Fora do horário"', () => {
  async function openOverride(timeZone = 'Europe/Lisbon') {
    const form = await renderForm({ timeZone, allowOverride: true })
    await form.user.click(screen.getByRole('button', { name: 'Fora do horário' }))
    return {
      ...form,
      date: screen.getByLabelText('Nova data') as HTMLInputElement,
      start: screen.getByLabelText('Hora de início') as HTMLInputElement,
      end: screen.getByLabelText('Hora de fim') as HTMLInputElement,
    }
  }

  it('free date and times from the current ones in the viewer zone, said to be outside the hours', async () => {
    const { date, start, end } = await openOverride('Asia/Tokyo')
    expect([date.value, start.value, end.value]).toEqual(['2026-11-25', '23:00', '23:50'])
    expect(screen.getByRole('form', { name: 'Reagendar sessão' })).toHaveAccessibleDescription(expect.stringContaining('Fora do horário do prestador'))
  })

  it('asks for confirmation naming the new time, then sends p_override', async () => {
    const { user, date, start, end, onRescheduled } = await openOverride()
    set(date, '2026-11-22')
    set(start, '03:00')
    expect(end.value).toBe('03:50')
    await user.click(screen.getByRole('button', { name: 'Rever e confirmar' }))
    expect(server.rpc).not.toHaveBeenCalled()
    expect(await screen.findByRole('alert')).toHaveTextContent('A sessão passa para dom., 22 nov., 03:00–03:50, fora do horário do prestador. Confirma?')
    await user.click(screen.getByRole('button', { name: 'Confirmar fora do horário' }))
    expect(server.rpc).toHaveBeenCalledWith('reschedule_booking', {
      p_booking_id: SESSION.id,
      p_starts_at: '2026-11-22T03:00:00.000Z',
      p_ends_at: '2026-11-22T03:50:00.000Z',
      p_override: true,
    })
    await waitFor(() => expect(onRescheduled).toHaveBeenCalledTimes(1))
  })

  it('changing a field withdraws the confirmation; an end before the start is refused next to it', async () => {
    const { user, start, end } = await openOverride()
    await user.click(screen.getByRole('button', { name: 'Rever e confirmar' }))
    expect(screen.getByRole('button', { name: 'Confirmar fora do horário' })).toBeInTheDocument()
    set(end, '13:00')
    expect(screen.queryByRole('button', { name: 'Confirmar fora do horário' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Rever e confirmar' }))
    expect(end).toHaveAccessibleDescription('A hora de fim tem de ser depois da hora de início.')
    expect(end).toHaveFocus()
    expect(start.value).toBe('14:00')
    expect(server.rpc).not.toHaveBeenCalled()
  })

  it('an overlap is still refused: the message, nothing typed lost', async () => {
    const { user, date, start, onRescheduled } = await openOverride()
    set(date, '2026-11-26')
    set(start, '15:30')
    await user.click(screen.getByRole('button', { name: 'Rever e confirmar' }))
    await user.click(screen.getByRole('button', { name: 'Confirmar fora do horário' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('O prestador já tem uma sessão nesse horário.')
    expect([date.value, start.value]).toEqual(['2026-11-26', '15:30'])
    expect(onRescheduled).not.toHaveBeenCalled()
  })

  it('"Voltar aos horários livres" returns to the picker', async () => {
    const { user } = await openOverride()
    await user.click(screen.getByRole('button', { name: 'Voltar aos horários livres' }))
    expect(screen.queryByLabelText('Hora de início')).not.toBeInTheDocument()
    expect(await screen.findByRole('group', { name: 'Horário' })).toBeInTheDocument()
  })
})

describe('RescheduleForm inside a dialog: a chosen slot is not discarded without asking', () => {
  it('Escape with a time chosen asks "Descartar alterações?" and closes only after "Descartar"', async () => {
    const onClose = vi.fn()
    render(
      <Providers queryClient={createTestQueryClient()} profile={PROFILES.prestador}>
        <Dialog open onClose={onClose} title="Reagendar sessão">
          <RescheduleForm session={SESSION as never} timeZone="Europe/Lisbon" onRescheduled={vi.fn()} onDismiss={vi.fn()} />
        </Dialog>
      </Providers>,
    )
    const user = userEvent.setup()
    await screen.findAllByRole('radio', {}, { timeout: 15_000 })
    await user.click(screen.getAllByRole('radio')[0]!)
    await user.keyboard('{Escape}')
    expect(screen.getByRole('alertdialog', { name: 'Descartar alterações?' })).toBeInTheDocument()
    expect(onClose).not.toHaveBeenCalled()
    await user.click(screen.getByRole('button', { name: 'Descartar' }))
    expect(onClose).toHaveBeenCalledTimes(1)
  })
})
