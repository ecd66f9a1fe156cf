import { useState } from 'react'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { PROFILES } from '@/test-utils/auth'
import type { Slot } from '../lib/free-slots'
import { SlotPicker } from './SlotPicker'
import { ANA, TestApp, bookingWorld, fakeSupabase, type FakeHandler } from './test-support'

vi.mock('@/lib/supabase', async () => ({ supabase: (await import('./fake-supabase')).fakeSupabase }))
// The day picker renders four weeks of buttons: slow on a loaded machine.
vi.setConfig({ testTimeout: 30_000 })

// Monday 7 Dec 2026, 08:00 in Lisbon: Ana works Monday to Friday 09:00-12:00 (45 + 10 minutes).
const NOW = Date.parse('2026-12-07T08:00:00Z')
/** The first answers can take seconds on a loaded machine. */
const SLOW = { timeout: 15_000 }

function Harness({ onSlot }: { onSlot: (slot: Slot) => void }) {
  const [day, setDay] = useState('')
  const [slot, setSlot] = useState<Slot | null>(null)
  return (
    <SlotPicker
      prestadorId={ANA}
      day={day}
      onDayChange={(next) => {
        setDay(next)
        setSlot(null)
      }}
      value={slot}
      onChange={(next) => {
        setSlot(next)
        onSlot(next)
      }}
    />
  )
}

function renderPicker(handler: FakeHandler) {
  fakeSupabase.reset(handler)
  const onSlot = vi.fn()
  render(<TestApp profile={PROFILES.user} path="/" routes={[{ path: '/', element: <Harness onSlot={onSlot} /> }]} />)
  return { onSlot, user: userEvent.setup() }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('SlotPicker', () => {
  it('turns pages of four weeks with one range request each; the first page cannot go back', async () => {
    const { user } = renderPicker(bookingWorld().handler)
    const grid = await screen.findByRole('group', { name: 'Dias de seg., 7 dez. – dom., 3 jan.' }, SLOW)
    expect(within(grid).getAllByRole('button')).toHaveLength(28)
    expect(screen.getByRole('button', { name: 'Semanas anteriores' })).toBeDisabled()
    // Today is chosen (the first free day) and its times offered.
    expect(within(grid).getByRole('button', { name: 'Hoje, segunda-feira, 7 de dezembro, 3 horários livres' })).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByText(/^Hoje, seg\., 7 dez\. — horas em Lisboa; sessões de 45 minutos\.$/)).toBeInTheDocument()
    expect(fakeSupabase.find('prestador_busy_times')).toHaveLength(1)

    await user.click(screen.getByRole('button', { name: 'Semanas seguintes' }))
    const next = await screen.findByRole('group', { name: 'Dias de seg., 4 jan. – dom., 31 jan.' }, SLOW)
    // The page buttons stayed while the page loaded: the focus is still where it was.
    expect(screen.getByRole('button', { name: 'Semanas seguintes' })).toHaveFocus()
    expect(fakeSupabase.find('prestador_busy_times')).toHaveLength(2)
    expect(fakeSupabase.find('prestador_blocked_dates')).toHaveLength(2)
    // The chosen day is on the other page: no times until a day of this page is chosen.
    expect(screen.getByRole('group', { name: 'Horário' })).toHaveAccessibleDescription('Escolha um dia com horários livres.')
    await user.click(within(next).getByRole('button', { name: /^segunda-feira, 4 de janeiro/ }))
    expect(await screen.findByRole('radio', { name: '09:00' }, SLOW)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Semanas anteriores' }))
    await screen.findByRole('group', { name: 'Dias de seg., 7 dez. – dom., 3 jan.' }, SLOW)
  })

  it('the first free slot shortcut chooses it', async () => {
    const { user, onSlot } = renderPicker(bookingWorld().handler)
    await user.click(await screen.findByRole('button', { name: 'Primeiro horário livre: seg., 7 dez., 09:00' }, SLOW))
    expect(onSlot).toHaveBeenCalledWith({ starts_at: '2026-12-07T09:00:00.000Z', ends_at: '2026-12-07T09:45:00.000Z' })
    expect(screen.getByRole('radio', { name: '09:00' })).toBeChecked()
    // Chosen: the shortcut has nothing left to offer.
    expect(screen.queryByRole('button', { name: /^Primeiro horário livre/ })).not.toBeInTheDocument()
  })

  it('a page without free days says so and chooses nothing', async () => {
    const world = bookingWorld()
    renderPicker((request) => (request.table === 'prestador_availability' ? { data: [] } : world.handler(request)))
    const grid = await screen.findByRole('group', { name: /^Dias de / }, SLOW)
    expect(within(grid).getAllByRole('button').every((b) => b.getAttribute('aria-disabled') === 'true')).toBe(true)
    expect(within(grid).queryAllByRole('button', { pressed: true })).toHaveLength(0)
    expect(screen.getByText('Não há horários livres de seg., 7 dez. a dom., 3 jan.: veja as semanas seguintes.')).toBeInTheDocument()
  })

  it('a failed load offers to try again', async () => {
    const world = bookingWorld()
    let fail = true
    const { user } = renderPicker((request) =>
      request.rpc === 'prestador_busy_times' && fail ? { data: null, error: { code: '500', message: 'boom' } } : world.handler(request),
    )
    expect(await screen.findByText('Não foi possível carregar os horários livres.', {}, SLOW)).toBeInTheDocument()
    fail = false
    await user.click(screen.getByRole('button', { name: 'Tentar novamente' }))
    await waitFor(() => expect(screen.getByRole('group', { name: /^Dias de / })).toBeInTheDocument())
  })
})
