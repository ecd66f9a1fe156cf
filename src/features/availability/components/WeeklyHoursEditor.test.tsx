import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { bookingKeys } from '@/features/booking'
import { PROFILES } from '@/test-utils/auth'
import { availabilityKeys } from '../api/keys'
import { WeeklyHoursEditor } from './WeeklyHoursEditor'
import { TestProviders, availabilityWorld, createTestQueryClient, fakeSupabase, filterValue } from './test-support'

vi.mock('@/lib/supabase', async () => ({ supabase: (await import('./fake-supabase')).fakeSupabase }))

const PEDRO = PROFILES.prestador

function renderEditor(world = availabilityWorld(PEDRO.id), queryClient = createTestQueryClient()) {
  fakeSupabase.reset(world.handler)
  render(
    <TestProviders profile={PEDRO} queryClient={queryClient}>
      <WeeklyHoursEditor prestadorId={PEDRO.id} timeZone="Europe/Lisbon" />
    </TestProviders>,
  )
  return { world, queryClient, user: userEvent.setup() }
}

const day = (name: string) => screen.findByRole('group', { name })
/** The polite live region that says something (each form has its own), else the first. */
const status = () => {
  const regions = screen.getAllByRole('status').filter((el) => el.getAttribute('aria-live') === 'polite')
  return regions.find((el) => el.textContent?.trim()) ?? regions[0]!
}

async function typeBlock(user: ReturnType<typeof userEvent.setup>, group: HTMLElement, start: string, end: string) {
  const startInput = within(group).getByLabelText('Início')
  const endInput = within(group).getByLabelText('Fim')
  await user.clear(startInput)
  if (start) await user.type(startInput, start)
  await user.clear(endInput)
  if (end) await user.type(endInput, end)
  await user.click(within(group).getByRole('button', { name: /^Adicionar bloco/ }))
}

describe('WeeklyHoursEditor', () => {
  it('shows the zone and, for each weekday in a fieldset, its blocks in order', async () => {
    renderEditor()
    expect(screen.getByText('Horas em Lisboa')).toBeInTheDocument()
    const monday = await day('Segunda-feira')
    expect(monday.tagName).toBe('FIELDSET')
    expect(within(monday).getAllByRole('listitem').map((li) => li.firstChild!.textContent)).toEqual(['09:00–13:00', '14:00–18:00'])
    // Every weekday is there, Monday first; days without hours say so.
    expect(screen.getAllByRole('group').map((g) => g.querySelector('legend')!.textContent)).toEqual([
      'Segunda-feira', 'Terça-feira', 'Quarta-feira', 'Quinta-feira', 'Sexta-feira', 'Sábado', 'Domingo',
    ])
    expect(within(await day('Sábado')).getByText('Sem horário neste dia.')).toBeInTheDocument()
    // Labelled time inputs and a remove button named after the block and the day.
    expect(within(monday).getByLabelText('Início')).toHaveAttribute('type', 'time')
    expect(within(monday).getByLabelText('Fim')).toHaveAttribute('type', 'time')
    expect(within(monday).getByRole('button', { name: 'Remover 09:00–13:00 de segunda-feira' })).toBeInTheDocument()
  })

  it('adds a Saturday block 10:00–12:00: sends it, shows it, clears the fields, announces it', async () => {
    const { user, world } = renderEditor()
    const saturday = await day('Sábado')
    await typeBlock(user, saturday, '10:00', '12:00')

    await within(saturday).findByText('10:00–12:00')
    const insert = fakeSupabase.find('prestador_availability', 'insert')
    expect(insert).toHaveLength(1)
    expect(insert[0]!.values).toEqual({ prestador_id: PEDRO.id, weekday: 6, start_time: '10:00', end_time: '12:00' })
    expect(world.hours.some((h) => h.weekday === 6)).toBe(true)
    expect(status()).toHaveTextContent('Bloco 10:00–12:00 adicionado a sábado.')
    expect(within(saturday).getByLabelText('Início')).toHaveValue('')
    expect(within(saturday).getByLabelText('Fim')).toHaveValue('')
  })

  it('an end of 00:00 is midnight: sent as 24:00', async () => {
    const { user } = renderEditor()
    const sunday = await day('Domingo')
    await typeBlock(user, sunday, '20:00', '00:00')
    await within(sunday).findByText('20:00–24:00')
    expect(fakeSupabase.find('prestador_availability', 'insert')[0]!.values).toMatchObject({ start_time: '20:00', end_time: '24:00' })
  })

  it.each([
    ['an end before the start', '12:00', '11:00', 'Fim', 'A hora de fim tem de ser depois da hora de início.'],
    ['an end equal to the start', '12:00', '12:00', 'Fim', 'A hora de fim tem de ser depois da hora de início.'],
    ['no start', '', '11:00', 'Início', 'Indique a hora de início.'],
    ['no end', '10:00', '', 'Fim', 'Indique a hora de fim.'],
  ])('refuses %s next to the field, sends nothing', async (_label, start, end, field, message) => {
    const { user } = renderEditor()
    const tuesday = await day('Terça-feira')
    await typeBlock(user, tuesday, start, end)
    const input = within(tuesday).getByLabelText(field)
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription(message)
    expect(input).toHaveFocus()
    expect(fakeSupabase.find('prestador_availability', 'insert')).toHaveLength(0)
  })

  it('refuses a block overlapping another that day before sending, and says so next to both times', async () => {
    const { user } = renderEditor()
    const monday = await day('Segunda-feira')
    await typeBlock(user, monday, '12:00', '15:00')
    const message = 'Este horário sobrepõe-se a outro bloco nesse dia.'
    expect(within(monday).getByRole('alert')).toHaveTextContent(message)
    for (const label of ['Início', 'Fim']) {
      expect(within(monday).getByLabelText(label)).toHaveAttribute('aria-invalid', 'true')
      expect(within(monday).getByLabelText(label)).toHaveAccessibleDescription(message)
    }
    expect(fakeSupabase.find('prestador_availability', 'insert')).toHaveLength(0)
    // The same block on another day is fine.
    const tuesday = await day('Terça-feira')
    await typeBlock(user, tuesday, '12:00', '15:00')
    await within(tuesday).findByText('12:00–15:00')
  })

  it('removing the block an overlap was about clears its message (kept while another still overlaps), the times stay', async () => {
    const { user } = renderEditor()
    const monday = await day('Segunda-feira')
    await typeBlock(user, monday, '12:00', '15:00') // overlaps 09:00–13:00 and 14:00–18:00
    const message = 'Este horário sobrepõe-se a outro bloco nesse dia.'
    expect(within(monday).getByRole('alert')).toHaveTextContent(message)

    await user.click(within(monday).getByRole('button', { name: 'Remover 09:00–13:00 de segunda-feira' }))
    await waitFor(() => expect(within(monday).queryByText('09:00–13:00')).not.toBeInTheDocument())
    // 14:00–18:00 still overlaps.
    expect(within(monday).getByRole('alert')).toHaveTextContent(message)

    await user.click(within(monday).getByRole('button', { name: 'Remover 14:00–18:00 de segunda-feira' }))
    await waitFor(() => expect(within(monday).queryByText('14:00–18:00')).not.toBeInTheDocument())
    expect(within(monday).getByRole('alert')).toHaveTextContent('')
    for (const label of ['Início', 'Fim']) {
      expect(within(monday).getByLabelText(label)).not.toHaveAttribute('aria-invalid', 'true')
    }
    expect(within(monday).getByLabelText('Início')).toHaveValue('12:00')
    expect(within(monday).getByLabelText('Fim')).toHaveValue('15:00')
  })

  it('what a save or removal did is written inside the day, next to its form, never as a toast over the page', async () => {
    const { user } = renderEditor()
    const saturday = await day('Sábado')
    await typeBlock(user, saturday, '10:00', '12:00')
    await within(saturday).findByText('10:00–12:00')
    expect(within(saturday).getByRole('status')).toHaveTextContent('Bloco 10:00–12:00 adicionado a sábado.')
    const monday = await day('Segunda-feira')
    await user.click(within(monday).getByRole('button', { name: 'Remover 14:00–18:00 de segunda-feira' }))
    await waitFor(() => expect(within(monday).getByRole('status')).toHaveTextContent('Bloco 14:00–18:00 removido de segunda-feira.'))
    // The app's toast region (fixed over the page) stays empty.
    const toasts = screen.getAllByRole('status').filter((el) => el.className.includes('fixed'))
    expect(toasts).toHaveLength(1)
    expect(toasts[0]).toBeEmptyDOMElement()
  })

  it('maps the database refusal 23P01 to the overlap message, keeps the typed times, announces no success', async () => {
    const { user, world } = renderEditor()
    // Another tab added Friday 09:00–12:00 meanwhile: this list does not know it.
    world.fail('prestador_availability', 'insert', { code: '23P01', message: 'conflicting key value violates exclusion constraint "prestador_availability_no_overlap"' }, 409)
    const friday = await day('Sexta-feira')
    await typeBlock(user, friday, '10:00', '11:00')
    expect(await within(friday).findByRole('alert')).toHaveTextContent('Este horário sobrepõe-se a outro bloco nesse dia.')
    expect(within(friday).getByLabelText('Início')).toHaveValue('10:00')
    expect(within(friday).getByLabelText('Fim')).toHaveValue('11:00')
    expect(status()).not.toHaveTextContent(/adicionado/)
    expect(within(friday).getByText('Sem horário neste dia.')).toBeInTheDocument()
    // The list is asked again (it was stale).
    await waitFor(() => expect(fakeSupabase.find('prestador_availability', 'select').length).toBeGreaterThan(1))
  })

  it.each([
    ['an RLS refusal', { code: '42501', message: 'new row violates row-level security policy' }, 403, 'Não tem permissão para alterar esta disponibilidade.'],
    ['no answer', { message: 'TypeError: Failed to fetch' }, 0, 'Não foi possível contactar o servidor. Verifique a ligação e tente novamente.'],
    ['an expired session', { code: 'PGRST301', message: 'JWT expired' }, 401, 'A sua sessão expirou. Inicie sessão novamente e tente outra vez.'],
  ])('a failed save (%s) keeps the typed times and says why in pt-PT', async (_label, error, statusCode, message) => {
    const { user, world } = renderEditor()
    world.fail('prestador_availability', 'insert', error, statusCode)
    const thursday = await day('Quinta-feira')
    await typeBlock(user, thursday, '08:00', '09:30')
    expect(await within(thursday).findByRole('alert')).toHaveTextContent(message)
    expect(within(thursday).getByLabelText('Início')).toHaveValue('08:00')
    expect(within(thursday).getByLabelText('Fim')).toHaveValue('09:30')
    expect(status()).not.toHaveTextContent(/adicionado/)
  })

  it('while saving, the button keeps focus (aria-disabled, not disabled) and a second click sends nothing', async () => {
    const world = availabilityWorld(PEDRO.id)
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const { user } = renderEditor({
      ...world,
      handler: async (request) => {
        if (request.op === 'insert') await gate
        return world.handler(request)
      },
    })
    const saturday = await day('Sábado')
    await typeBlock(user, saturday, '10:00', '12:00')
    const button = within(saturday).getByRole('button', { name: 'A adicionar... a sábado' })
    expect(button).toHaveFocus()
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).not.toBeDisabled()
    await user.click(button)
    release()
    await within(saturday).findByText('10:00–12:00')
    expect(fakeSupabase.find('prestador_availability', 'insert')).toHaveLength(1)
    expect(within(saturday).getByRole('button', { name: 'Adicionar bloco a sábado' })).toHaveFocus()
  })

  it('removes a block once the server confirms, announces it and moves focus to the day', async () => {
    const { user } = renderEditor()
    const monday = await day('Segunda-feira')
    await user.click(within(monday).getByRole('button', { name: 'Remover 14:00–18:00 de segunda-feira' }))
    await waitFor(() => expect(within(monday).queryByText('14:00–18:00')).not.toBeInTheDocument())
    const remove = fakeSupabase.find('prestador_availability', 'delete')
    expect(remove).toHaveLength(1)
    expect(filterValue(remove[0]!, 'eq', 'id')).toBe('h-mon-pm')
    expect(status()).toHaveTextContent('Bloco 14:00–18:00 removido de segunda-feira.')
    expect(monday).toHaveFocus()
    expect(within(monday).getByText('09:00–13:00')).toBeInTheDocument()
  })

  it('a failed remove keeps the block and says why next to it', async () => {
    const { user, world } = renderEditor()
    world.fail('prestador_availability', 'delete', { message: 'Bad gateway' }, 502)
    const wednesday = await day('Quarta-feira')
    const button = within(wednesday).getByRole('button', { name: 'Remover 10:00–12:00 de quarta-feira' })
    await user.click(button)
    expect(await within(wednesday).findByText(/^Não foi possível contactar o servidor/)).toHaveAttribute('role', 'alert')
    expect(within(wednesday).getByText('10:00–12:00')).toBeInTheDocument()
    expect(button).toHaveAccessibleDescription(/Não foi possível contactar o servidor/)
    expect(status()).not.toHaveTextContent(/removido/)
  })

  it('a block already gone is said so, not as removed now', async () => {
    const { user, world } = renderEditor()
    const wednesday = await day('Quarta-feira')
    world.hours.splice(world.hours.findIndex((h) => h.id === 'h-wed'), 1)
    await user.click(within(wednesday).getByRole('button', { name: /^Remover 10:00–12:00/ }))
    await waitFor(() => expect(status()).toHaveTextContent('O bloco 10:00–12:00 de quarta-feira já tinha sido removido.'))
  })

  it('after a change, the booking slot queries of this prestador are stale (and only theirs)', async () => {
    const queryClient = createTestQueryClient()
    const other = 'someone-else'
    const keys = {
      schedule: bookingKeys.schedule(PEDRO.id),
      slots: bookingKeys.slotsOn(PEDRO.id, '2026-12-05', 'Europe/Lisbon'),
      otherSlots: bookingKeys.slotsOn(other, '2026-12-05', 'Europe/Lisbon'),
    }
    for (const key of Object.values(keys)) queryClient.setQueryData(key, { cached: true })
    const { user } = renderEditor(availabilityWorld(PEDRO.id), queryClient)
    const saturday = await day('Sábado')
    await typeBlock(user, saturday, '10:00', '12:00')
    await within(saturday).findByText('10:00–12:00')
    const stale = (key: readonly unknown[]) => queryClient.getQueryState(key)!.isInvalidated
    await waitFor(() => expect(stale(keys.slots)).toBe(true))
    expect(stale(keys.schedule)).toBe(true)
    expect(stale(keys.otherSlots)).toBe(false)
    expect(queryClient.getQueryState(availabilityKeys.weeklyHours(PEDRO.id))).toBeDefined()
  })

  it('a list that cannot be loaded offers to try again', async () => {
    fakeSupabase.reset(() => ({ data: null, error: { code: '57014', message: 'timeout' }, status: 500 }))
    render(
      <TestProviders profile={PEDRO} queryClient={createTestQueryClient()}>
        <WeeklyHoursEditor prestadorId={PEDRO.id} timeZone="Europe/Lisbon" />
      </TestProviders>,
    )
    expect(await screen.findByRole('alert')).toHaveTextContent('Não foi possível carregar o horário semanal.')
    expect(screen.getByRole('button', { name: 'Tentar novamente' })).toBeInTheDocument()
  })
})
