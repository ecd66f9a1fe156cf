import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { bookingKeys } from '@/features/booking'
import { PROFILES } from '@/test-utils/auth'
import { BlockedDatesEditor } from './BlockedDatesEditor'
import { TestProviders, availabilityWorld, createTestQueryClient, fakeSupabase, filterValue } from './test-support'

vi.mock('@/lib/supabase', async () => ({ supabase: (await import('./fake-supabase')).fakeSupabase }))

const PEDRO = PROFILES.prestador
const TODAY = '2026-11-25'

function renderEditor(world = availabilityWorld(PEDRO.id), queryClient = createTestQueryClient()) {
  fakeSupabase.reset(world.handler)
  render(
    <TestProviders profile={PEDRO} queryClient={queryClient}>
      <BlockedDatesEditor prestadorId={PEDRO.id} today={TODAY} />
    </TestProviders>,
  )
  return { world, queryClient, user: userEvent.setup() }
}

/** The polite live region that says something (each form has its own), else the first. */
const status = () => {
  const regions = screen.getAllByRole('status').filter((el) => el.getAttribute('aria-live') === 'polite')
  return regions.find((el) => el.textContent?.trim()) ?? regions[0]!
}
const list = () => screen.getByRole('list', { name: 'Dias bloqueados' })

async function block(user: ReturnType<typeof userEvent.setup>, day: string, reason = '') {
  const form = screen.getByRole('group', { name: 'Bloquear um dia' })
  const dayInput = within(form).getByLabelText('Dia')
  await user.clear(dayInput)
  if (day) await user.type(dayInput, day)
  const reasonInput = within(form).getByLabelText('Motivo (opcional)')
  await user.clear(reasonInput)
  if (reason) await user.type(reasonInput, reason)
  await user.click(within(form).getByRole('button', { name: 'Bloquear dia' }))
}

describe('BlockedDatesEditor', () => {
  it('lists the blocked days from today on, in pt-PT, with their reason', async () => {
    const world = availabilityWorld(PEDRO.id)
    world.blocked.push({ id: 'b-old', prestador_id: PEDRO.id, blocked_on: '2026-11-01', reason: 'Passado' })
    renderEditor(world)
    await screen.findByText('quinta-feira, 24 de dezembro de 2026')
    expect(list()).toHaveTextContent('quinta-feira, 24 de dezembro de 2026 — Consoada')
    expect(screen.queryByText(/Passado/)).not.toBeInTheDocument()
    expect(filterValue(fakeSupabase.find('prestador_blocked_dates', 'select')[0]!, 'gte', 'blocked_on')).toBe(TODAY)
    // The date field starts at today and is labelled; so is the optional reason.
    expect(screen.getByLabelText('Dia')).toHaveAttribute('type', 'date')
    expect(screen.getByLabelText('Dia')).toHaveAttribute('min', TODAY)
    expect(screen.getByRole('button', { name: 'Desbloquear quinta-feira, 24 de dezembro de 2026' })).toBeInTheDocument()
  })

  it('blocks a day with a reason: sends it, lists it in order, clears the form, announces it', async () => {
    const { user } = renderEditor()
    await screen.findByText('quinta-feira, 24 de dezembro de 2026')
    await block(user, '2026-12-07', 'Formação')
    await within(list()).findByText('segunda-feira, 7 de dezembro de 2026')
    expect(fakeSupabase.find('prestador_blocked_dates', 'insert')[0]!.values).toEqual({ prestador_id: PEDRO.id, blocked_on: '2026-12-07', reason: 'Formação' })
    expect(within(list()).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('7 de dezembro'),
      expect.stringContaining('24 de dezembro'),
    ])
    expect(status()).toHaveTextContent('Segunda-feira, 7 de dezembro de 2026 bloqueado.')
    expect(screen.getByLabelText('Dia')).toHaveValue('')
    expect(screen.getByLabelText('Motivo (opcional)')).toHaveValue('')
  })

  it('blocks today without a reason (sent as null)', async () => {
    const { user } = renderEditor()
    await screen.findByText('quinta-feira, 24 de dezembro de 2026')
    await block(user, TODAY)
    await within(list()).findByText('quarta-feira, 25 de novembro de 2026')
    expect(fakeSupabase.find('prestador_blocked_dates', 'insert')[0]!.values).toMatchObject({ blocked_on: TODAY, reason: null })
  })

  it.each([
    ['a past day', '2026-11-24', 'Não é possível bloquear um dia que já passou.'],
    ['a day already in the list', '2026-12-24', 'Esse dia já está bloqueado.'],
    ['no day', '', 'Indique o dia a bloquear.'],
  ])('refuses %s next to the field and sends nothing', async (_label, day, message) => {
    const { user } = renderEditor()
    await screen.findByText('quinta-feira, 24 de dezembro de 2026')
    await block(user, day, 'Motivo')
    const input = screen.getByLabelText('Dia')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription(message)
    expect(input).toHaveFocus()
    expect(screen.getByLabelText('Motivo (opcional)')).toHaveValue('Motivo')
    expect(fakeSupabase.find('prestador_blocked_dates', 'insert')).toHaveLength(0)
  })

  it('maps the database refusal 23505 to "Esse dia já está bloqueado." next to the day, keeps the values', async () => {
    const { user, world } = renderEditor()
    await screen.findByText('quinta-feira, 24 de dezembro de 2026')
    // Blocked in another tab meanwhile: this list does not know it yet.
    world.fail('prestador_blocked_dates', 'insert', { code: '23505', message: 'duplicate key value violates unique constraint "prestador_blocked_dates_once"' }, 409)
    await block(user, '2026-12-31', 'Fim de ano')
    const input = screen.getByLabelText('Dia')
    await waitFor(() => expect(input).toHaveAccessibleDescription('Esse dia já está bloqueado.'))
    expect(input).toHaveValue('2026-12-31')
    expect(screen.getByLabelText('Motivo (opcional)')).toHaveValue('Fim de ano')
    expect(status()).not.toHaveTextContent(/bloqueado\./)
    // The list is asked again.
    await waitFor(() => expect(fakeSupabase.find('prestador_blocked_dates', 'select').length).toBeGreaterThan(1))
  })

  it('any other failure shows under the form, keeps the values and announces no success', async () => {
    const { user, world } = renderEditor()
    await screen.findByText('quinta-feira, 24 de dezembro de 2026')
    world.fail('prestador_blocked_dates', 'insert', { code: '42501', message: 'new row violates row-level security policy' }, 403)
    await block(user, '2026-12-30')
    expect(await screen.findByText('Não tem permissão para alterar esta disponibilidade.')).toHaveAttribute('role', 'alert')
    expect(screen.getByRole('button', { name: 'Bloquear dia' })).toHaveAccessibleDescription('Não tem permissão para alterar esta disponibilidade.')
    expect(screen.getByLabelText('Dia')).toHaveValue('2026-12-30')
    expect(status()).not.toHaveTextContent(/bloqueado\./)
  })

  it('refuses a reason over 200 characters next to it', async () => {
    const { user } = renderEditor()
    await screen.findByText('quinta-feira, 24 de dezembro de 2026')
    const reason = screen.getByLabelText('Motivo (opcional)')
    await user.type(screen.getByLabelText('Dia'), '2026-12-02')
    // Typing 201 characters is slow; paste them.
    await user.click(reason)
    await user.paste('x'.repeat(201))
    await user.click(screen.getByRole('button', { name: 'Bloquear dia' }))
    expect(reason).toHaveAttribute('aria-invalid', 'true')
    expect(reason).toHaveAccessibleDescription(/O motivo pode ter no máximo 200 caracteres\./)
    expect(reason).toHaveFocus()
    expect(screen.getByLabelText('Dia')).not.toHaveAttribute('aria-invalid')
    expect(fakeSupabase.find('prestador_blocked_dates', 'insert')).toHaveLength(0)
  })

  it('unblocks a day once the server confirms, and refreshes the booking slots', async () => {
    const queryClient = createTestQueryClient()
    const slotsKey = bookingKeys.slotsOn(PEDRO.id, '2026-12-24', 'Europe/Lisbon')
    queryClient.setQueryData(slotsKey, { cached: true })
    const { user } = renderEditor(availabilityWorld(PEDRO.id), queryClient)
    await user.click(await screen.findByRole('button', { name: 'Desbloquear quinta-feira, 24 de dezembro de 2026' }))
    await screen.findByText('Não tem dias bloqueados.')
    expect(filterValue(fakeSupabase.find('prestador_blocked_dates', 'delete')[0]!, 'eq', 'id')).toBe('b-1')
    expect(status()).toHaveTextContent('Quinta-feira, 24 de dezembro de 2026 desbloqueado.')
    expect(screen.getByRole('heading', { name: 'Dias bloqueados' })).toHaveFocus()
    expect(queryClient.getQueryState(slotsKey)!.isInvalidated).toBe(true)
  })

  it('a failed unblock keeps the day and says why next to it', async () => {
    const { user, world } = renderEditor()
    world.fail('prestador_blocked_dates', 'delete', { message: 'TypeError: Failed to fetch' }, 0)
    await user.click(await screen.findByRole('button', { name: /^Desbloquear/ }))
    expect(await screen.findByText(/^Não foi possível contactar o servidor/)).toHaveAttribute('role', 'alert')
    expect(list()).toHaveTextContent('24 de dezembro')
    expect(status()).not.toHaveTextContent(/desbloqueado/)
  })
})
