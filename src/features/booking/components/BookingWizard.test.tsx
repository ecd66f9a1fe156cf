import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { PROFILES } from '@/test-utils/auth'
import { BOOKING_ERROR_MESSAGES, SLOT_TAKEN_MESSAGE } from '../lib/booking-errors'
import { BOOKING_FIELD_MESSAGES } from '../lib/booking-form'
import { BookingWizard } from './BookingWizard'
import { ANA, TestApp, bookingWorld, dayButton, fakeSupabase, filterValue, futureWeekday, pickDay, type FakeHandler } from './test-support'

vi.mock('@/lib/supabase', async () => ({ supabase: (await import('./fake-supabase')).fakeSupabase }))
// The day picker renders four weeks of buttons: slow on a loaded machine.
vi.setConfig({ testTimeout: 30_000 })

const DAY = futureWeekday(2) // a Tuesday more than a week ahead: Ana works 09:00-12:00
// Lisbon is UTC+0 in winter and UTC+1 in summer: compute the slot instants for the DAY.
const lisbonOffsetHours = new Date(`${DAY}T12:00:00Z`).toLocaleString('en-GB', { timeZone: 'Europe/Lisbon', hour: '2-digit', hourCycle: 'h23' }) === '13' ? 1 : 0
const at = (hour: number, minute = 0) => new Date(Date.UTC(Number(DAY.slice(0, 4)), Number(DAY.slice(5, 7)) - 1, Number(DAY.slice(8, 10)), hour - lisbonOffsetHours, minute)).toISOString()
const NINE = { starts_at: at(9), ends_at: at(9, 45) }

function renderWizard(handler: FakeHandler) {
  fakeSupabase.reset(handler)
  return render(
    <TestApp
      profile={PROFILES.user}
      path="/user/book"
      routes={[
        { path: '/user/book', element: <BookingWizard /> },
        { path: '/user/sessions', element: <h1>Meu percurso</h1> },
      ]}
    />,
  )
}

async function fillUpToSlots(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('radio', { name: 'Bem-estar físico' }))
  await user.click(await screen.findByRole('radio', { name: /Dra\. Ana Ferreira/ }))
  await pickDay(user, DAY)
  return screen.findByRole('group', { name: 'Horário' })
}

/** Insert answers for the employee's booking, and the session list refetch after it. */
function inserts(answer: FakeHandler): FakeHandler {
  return (request) => {
    if (request.table === 'bookings' && request.op === 'insert') return answer(request)
    if (request.table === 'bookings' && request.op === 'select') return { data: [] }
    return { data: null, error: { code: 'TEST', message: `unexpected ${request.table ?? request.rpc}` } }
  }
}

describe('BookingWizard', () => {
  it('walks the steps: pillar -> prestadores of that pillar -> day -> slots in the viewer zone -> type -> booked', async () => {
    const world = bookingWorld(
      inserts((request) => ({ data: { id: 'b-1', ...(request.values as object) } })),
    )
    renderWizard(world.handler)
    const user = userEvent.setup()

    expect(screen.getByText('Escolha primeiro a área.')).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: 'Bem-estar físico' }))
    // Only prestadores of the chosen pillar, with name and specialty.
    const ana = await screen.findByRole('radio', { name: /Dra\. Ana Ferreira/ })
    expect(screen.getByText('Fisioterapia')).toBeInTheDocument()
    expect(screen.queryByRole('radio', { name: /Pedro/ })).not.toBeInTheDocument()
    const prestadorQuery = fakeSupabase.find('prestadores', 'select').at(-1)!
    expect(filterValue(prestadorQuery, 'eq', 'pillar')).toBe('bem_estar_fisico')

    await user.click(ana)
    await pickDay(user, DAY)
    const slots = await screen.findByRole('group', { name: 'Horário' })
    // 09:00-12:00, 45 min + 10 min buffer: 09:00, 09:55, 10:50 (11:45 would end after 12:00).
    expect(within(slots).getAllByRole('radio').map((r) => r.closest('label')!.textContent)).toEqual(['09:00', '09:55', '10:50'])
    // Busy times were asked once per page of four weeks, with one day of margin on each side
    // (a page may hold the change of the clocks: one hour more or less).
    for (const request of fakeSupabase.find('prestador_busy_times')) {
      const busy = request.args as { p_from: string; p_to: string }
      expect(Math.abs(Date.parse(busy.p_to) - Date.parse(busy.p_from) - 30 * 86_400_000)).toBeLessThanOrEqual(3_600_000)
    }
    expect(fakeSupabase.find('prestador_busy_times').length).toBeLessThanOrEqual(2)

    await user.click(within(slots).getByRole('radio', { name: '09:00' }))
    await user.click(screen.getByRole('radio', { name: /Virtual/ }))
    await user.click(screen.getByRole('button', { name: 'Confirmar marcação' }))

    expect(await screen.findByRole('heading', { name: 'Meu percurso' })).toBeInTheDocument()
    // The new session's card is named in the address: the list scrolls to it and marks it.
    expect(screen.getByTestId('location')).toHaveTextContent('/user/sessions#session-b-1')
    expect(screen.getByRole('status')).toHaveTextContent('Sessão marcada com Dra. Ana Ferreira')

    const [insert] = fakeSupabase.find('bookings', 'insert')
    expect(insert!.values).toEqual({
      user_id: PROFILES.user.id,
      prestador_id: ANA,
      pillar: 'bem_estar_fisico',
      starts_at: NINE.starts_at,
      ends_at: NINE.ends_at,
      meeting_type: 'virtual',
      status: 'scheduled',
      booking_source: 'direct',
    })
    // No link of any kind is written by the employee.
    expect(fakeSupabase.find('booking_links')).toHaveLength(0)
    expect(JSON.stringify(insert!.values)).not.toMatch(/link|https?:/i)
    // The employee's session list was refetched before leaving, so it shows the booking at once.
    expect(fakeSupabase.find('bookings', 'select').length).toBeGreaterThan(0)
  })

  it('refuses an incomplete form with a message next to each field and sends nothing', async () => {
    renderWizard(bookingWorld().handler)
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Confirmar marcação' }))

    expect(screen.getByRole('group', { name: 'Em que área precisa de apoio?' })).toHaveFocus()
    expect(screen.getByText(BOOKING_FIELD_MESSAGES.pillar)).toBeInTheDocument()
    expect(screen.getByText(BOOKING_FIELD_MESSAGES.prestador)).toBeInTheDocument()
    // The placeholder groups (no área / no prestador yet) carry their error as description.
    expect(screen.getByRole('group', { name: 'Prestador' })).toHaveAccessibleDescription(
      `Escolha primeiro a área. ${BOOKING_FIELD_MESSAGES.prestador}`,
    )
    expect(screen.getByRole('group', { name: 'Horário' })).toHaveAccessibleDescription(
      expect.stringContaining(BOOKING_FIELD_MESSAGES.slot),
    )
    expect(screen.getByRole('group', { name: 'Dia' })).toHaveAccessibleDescription(expect.stringContaining(BOOKING_FIELD_MESSAGES.dayMissing))
    expect(screen.getByText(BOOKING_FIELD_MESSAGES.meetingType)).toBeInTheDocument()
    expect(fakeSupabase.find('bookings')).toHaveLength(0)
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
  })

  it('days without free slots cannot be picked; the first free day is chosen and its first slot offered', async () => {
    renderWizard(bookingWorld().handler)
    const user = userEvent.setup()
    await user.click(screen.getByRole('radio', { name: 'Bem-estar físico' }))
    await user.click(await screen.findByRole('radio', { name: /Dra\. Ana Ferreira/ }))
    const grid = await screen.findByRole('group', { name: /^Dias de / })
    const days = within(grid).getAllByRole('button')
    expect(days).toHaveLength(28)
    // Ana works Monday to Friday: every Saturday and Sunday is aria-disabled and stays unchosen.
    const saturday = days[5]!
    expect(saturday).toHaveAttribute('aria-disabled', 'true')
    expect(saturday).toHaveAccessibleName(/^(Hoje, |Amanhã, )?sábado, \d+ de \w+, (sem horários livres|já passou)$/)
    await user.click(saturday)
    expect(saturday).toHaveAttribute('aria-pressed', 'false')
    const chosen = days.filter((d) => d.getAttribute('aria-pressed') === 'true')
    expect(chosen).toHaveLength(1)
    expect(chosen[0]).not.toHaveAttribute('aria-disabled')
    expect(chosen[0]).toHaveAccessibleName(/horários? livres?$/)
    expect(screen.getByRole('button', { name: /^Primeiro horário livre: \w+\., \d+ \w+\., \d\d:\d\d$/ })).toBeInTheDocument()
    expect(screen.getByText('Dias com horários livres')).toBeInTheDocument()
  })

  it.each([
    ['the exclusion constraint (23P01)', { code: '23P01', message: 'conflicting key value violates exclusion constraint' }],
    ['RLS, and the slot is gone when looked at again (42501)', { code: '42501', message: 'new row violates row-level security policy' }],
  ])('slot taken by someone else, refused by %s: message, refreshed slots, the rest of the form kept', async (_label, error) => {
    const world = bookingWorld(
      inserts(() => {
        // Someone else got 09:00 a moment earlier.
        world.takeSlot(ANA, NINE)
        return { data: null, error, status: error.code === '23P01' ? 409 : 403 }
      }),
    )
    renderWizard(world.handler)
    const user = userEvent.setup()
    const slots = await fillUpToSlots(user)
    await user.click(within(slots).getByRole('radio', { name: '09:00' }))
    await user.click(screen.getByRole('radio', { name: /Virtual/ }))
    const busyCallsBefore = fakeSupabase.find('prestador_busy_times').length
    await user.click(screen.getByRole('button', { name: 'Confirmar marcação' }))

    expect(await screen.findByText(SLOT_TAKEN_MESSAGE)).toBeInTheDocument()
    // The slot list is refreshed and no longer offers 09:00.
    await waitFor(() => expect(screen.queryByRole('radio', { name: '09:00' })).not.toBeInTheDocument())
    expect(fakeSupabase.find('prestador_busy_times').length).toBeGreaterThan(busyCallsBefore)
    expect(screen.getByRole('radio', { name: '09:55' })).not.toBeChecked()
    // Everything else is kept.
    expect(screen.getByRole('radio', { name: 'Bem-estar físico' })).toBeChecked()
    expect(screen.getByRole('radio', { name: /Dra\. Ana Ferreira/ })).toBeChecked()
    expect(dayButton(DAY)).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByRole('radio', { name: /Virtual/ })).toBeChecked()
    // No success, no navigation.
    expect(screen.getByRole('status')).not.toHaveTextContent('Sessão marcada')
    expect(screen.getByTestId('location')).toHaveTextContent('/user/book')

    // Picking another slot clears the message and books it.
    await user.click(screen.getByRole('radio', { name: '09:55' }))
    expect(screen.queryByText(SLOT_TAKEN_MESSAGE)).not.toBeInTheDocument()
  })

  it('an RLS refusal while the slot is still free is not reported as taken', async () => {
    const world = bookingWorld(inserts(() => ({ data: null, error: { code: '42501', message: 'new row violates row-level security policy' }, status: 403 })))
    renderWizard(world.handler)
    const user = userEvent.setup()
    const slots = await fillUpToSlots(user)
    await user.click(within(slots).getByRole('radio', { name: '09:00' }))
    await user.click(screen.getByRole('radio', { name: /Telefone/ }))
    await user.click(screen.getByRole('button', { name: 'Confirmar marcação' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(BOOKING_ERROR_MESSAGES.forbidden)
    expect(screen.queryByText(SLOT_TAKEN_MESSAGE)).not.toBeInTheDocument()
    expect(screen.getByRole('radio', { name: '09:00' })).toBeChecked()
  })

  it('a network failure shows an error, never a success, and keeps everything', async () => {
    const world = bookingWorld(inserts(() => ({ data: null, error: { code: '', message: 'TypeError: Failed to fetch' }, status: 0 })))
    renderWizard(world.handler)
    const user = userEvent.setup()
    const slots = await fillUpToSlots(user)
    await user.click(within(slots).getByRole('radio', { name: '09:55' }))
    await user.click(screen.getByRole('radio', { name: /Presencial/ }))
    await user.click(screen.getByRole('button', { name: 'Confirmar marcação' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(BOOKING_ERROR_MESSAGES.network)
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
    expect(screen.getByRole('radio', { name: '09:55' })).toBeChecked()
    expect(screen.getByRole('radio', { name: /Presencial/ })).toBeChecked()
    expect(screen.getByTestId('location')).toHaveTextContent('/user/book')
  })

  it('an answer lost after the server booked: reported booked (found by the look-up), not a failure', async () => {
    const NINE_FIFTY_FIVE = at(9, 55)
    const world = bookingWorld((request) => {
      if (request.table === 'bookings' && request.op === 'insert') {
        return { data: null, error: { code: '', message: 'TypeError: Failed to fetch' }, status: 0 }
      }
      // The look-up for their own booking of that slot finds it (the insert did happen).
      if (request.table === 'bookings' && request.op === 'select' && filterValue(request, 'eq', 'starts_at')) {
        return { data: [{ id: 'b-lost', user_id: PROFILES.user.id, prestador_id: ANA, starts_at: NINE_FIFTY_FIVE, ends_at: at(10, 40), meeting_type: 'presencial' }] }
      }
      if (request.table === 'bookings' && request.op === 'select') return { data: [] }
      return { data: null, error: { code: 'TEST', message: `unexpected ${request.table ?? request.rpc}` } }
    })
    renderWizard(world.handler)
    const user = userEvent.setup()
    const slots = await fillUpToSlots(user)
    await user.click(within(slots).getByRole('radio', { name: '09:55' }))
    await user.click(screen.getByRole('radio', { name: /Presencial/ }))
    await user.click(screen.getByRole('button', { name: 'Confirmar marcação' }))

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Sessão marcada com Dra. Ana Ferreira'))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    const lookup = fakeSupabase.find('bookings', 'select').find((r) => filterValue(r, 'eq', 'starts_at'))!
    expect(filterValue(lookup, 'eq', 'user_id')).toBe(PROFILES.user.id)
    expect(filterValue(lookup, 'eq', 'prestador_id')).toBe(ANA)
    expect(filterValue(lookup, 'eq', 'starts_at')).toBe(NINE_FIFTY_FIVE)
    expect(filterValue(lookup, 'eq', 'meeting_type')).toBe('presencial')
    expect(filterValue(lookup, 'in', 'status')).toEqual(['pending', 'scheduled'])
  })

  it('changing the pillar clears the prestador, day and slot but keeps the type', async () => {
    renderWizard(bookingWorld().handler)
    const user = userEvent.setup()
    const slots = await fillUpToSlots(user)
    await user.click(within(slots).getByRole('radio', { name: '09:00' }))
    await user.click(screen.getByRole('radio', { name: /Telefone/ }))
    await user.click(screen.getByRole('radio', { name: 'Saúde mental' }))
    const pedro = await screen.findByRole('radio', { name: /Dr\. Pedro Santos/ })
    expect(pedro).not.toBeChecked()
    expect(screen.queryByRole('group', { name: /^Dias de / })).not.toBeInTheDocument()
    expect(screen.getByRole('radio', { name: /Telefone/ })).toBeChecked()
    await user.click(pedro)
    // Pedro's hours (14:00-16:00, 50 + 10 min) on the same day.
    await pickDay(user, DAY)
    const pedroSlots = await screen.findByRole('group', { name: 'Horário' })
    await waitFor(() => expect(within(pedroSlots).getAllByRole('radio').map((r) => r.closest('label')!.textContent)).toEqual(['14:00', '15:00']))
  })
})
