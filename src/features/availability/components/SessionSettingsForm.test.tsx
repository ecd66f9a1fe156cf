import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { bookingKeys } from '@/features/booking'
import { PROFILES } from '@/test-utils/auth'
import { SessionSettingsForm } from './SessionSettingsForm'
import { TestProviders, availabilityWorld, createTestQueryClient, fakeSupabase, filterValue } from './test-support'

vi.mock('@/lib/supabase', async () => ({ supabase: (await import('./fake-supabase')).fakeSupabase }))

const PEDRO = PROFILES.prestador

function renderForm(world = availabilityWorld(PEDRO.id), queryClient = createTestQueryClient()) {
  fakeSupabase.reset(world.handler)
  render(
    <TestProviders profile={PEDRO} queryClient={queryClient}>
      <SessionSettingsForm prestadorId={PEDRO.id} />
    </TestProviders>,
  )
  return { world, queryClient, user: userEvent.setup() }
}

/** The polite live region that says something (each form has its own), else the first. */
const status = () => {
  const regions = screen.getAllByRole('status').filter((el) => el.getAttribute('aria-live') === 'polite')
  return regions.find((el) => el.textContent?.trim()) ?? regions[0]!
}
const session = () => screen.getByLabelText('Duração de cada sessão (minutos)')
const buffer = () => screen.getByLabelText('Intervalo entre sessões (minutos)')

async function fill(user: ReturnType<typeof userEvent.setup>, sessionMinutes: string, bufferMinutes: string) {
  await user.clear(session())
  if (sessionMinutes) await user.type(session(), sessionMinutes)
  await user.clear(buffer())
  if (bufferMinutes) await user.type(buffer(), bufferMinutes)
  await user.click(screen.getByRole('button', { name: 'Guardar' }))
}

describe('SessionSettingsForm', () => {
  it('starts from the saved values and saves new ones once the server confirms', async () => {
    const queryClient = createTestQueryClient()
    const listKey = bookingKeys.prestadorList('saude_mental')
    queryClient.setQueryData(listKey, [])
    const { user, world } = renderForm(availabilityWorld(PEDRO.id), queryClient)
    await waitFor(() => expect(session()).toHaveValue(50))
    expect(buffer()).toHaveValue(10)
    expect(session()).toHaveAccessibleDescription('Entre 15 e 240 minutos.')

    await fill(user, '45', '15')
    await waitFor(() => expect(status()).toHaveTextContent('Guardado: sessões de 45 min com 15 min de intervalo.'))
    const update = fakeSupabase.find('prestadores', 'update')
    expect(update).toHaveLength(1)
    expect(update[0]!.values).toEqual({ session_minutes: 45, buffer_minutes: 15 })
    expect(filterValue(update[0]!, 'eq', 'id')).toBe(PEDRO.id)
    expect(world.settings).toMatchObject({ session_minutes: 45, buffer_minutes: 15 })
    // Prestador lists carry the session length: they are refreshed.
    expect(queryClient.getQueryState(listKey)!.isInvalidated).toBe(true)
  })

  it.each([
    ['a session under 15 minutes', '10', '10', 'Duração de cada sessão (minutos)', 'A duração tem de ser um número inteiro de minutos entre 15 e 240.'],
    ['a session over 240 minutes', '300', '10', 'Duração de cada sessão (minutos)', 'A duração tem de ser um número inteiro de minutos entre 15 e 240.'],
    ['an empty session length', '', '10', 'Duração de cada sessão (minutos)', 'Indique a duração da sessão em minutos.'],
    ['a buffer over 120 minutes', '50', '150', 'Intervalo entre sessões (minutos)', 'O intervalo tem de ser um número inteiro de minutos entre 0 e 120.'],
  ])('refuses %s next to the field and sends nothing', async (_label, sessionMinutes, bufferMinutes, field, message) => {
    const { user } = renderForm()
    await waitFor(() => expect(session()).toHaveValue(50))
    await fill(user, sessionMinutes, bufferMinutes)
    const input = screen.getByLabelText(field)
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription(expect.stringContaining(message))
    expect(input).toHaveFocus()
    expect(fakeSupabase.find('prestadores', 'update')).toHaveLength(0)
  })

  it.each([
    ['the guard trigger / RLS', { code: '42501', message: 'prestador_field_not_editable' }, 403, 'Não tem permissão para alterar esta disponibilidade.'],
    ['a CHECK constraint', { code: '23514', message: 'violates check constraint "prestadores_session_minutes_check"' }, 400, 'Algum valor está fora dos limites permitidos. Reveja os campos.'],
    ['no answer', { message: 'TypeError: Failed to fetch' }, 0, 'Não foi possível contactar o servidor. Verifique a ligação e tente novamente.'],
  ])('a failed save (%s) keeps the typed values, says why, announces no success', async (_label, error, statusCode, message) => {
    const { user, world } = renderForm()
    await waitFor(() => expect(session()).toHaveValue(50))
    world.fail('prestadores', 'update', error, statusCode)
    await fill(user, '60', '5')
    expect(await screen.findByText(message)).toHaveAttribute('role', 'alert')
    expect(session()).toHaveValue(60)
    expect(buffer()).toHaveValue(5)
    expect(session()).toHaveAccessibleDescription(expect.stringContaining(message))
    expect(status()).not.toHaveTextContent(/Guardado/)
  })

  it('an update that changes no row (RLS filtered it) is not reported as saved', async () => {
    const { user, world } = renderForm()
    await waitFor(() => expect(session()).toHaveValue(50))
    const handler = world.handler
    fakeSupabase.reset((request) => (request.table === 'prestadores' && request.op === 'update' ? { data: [] } : handler(request)))
    await fill(user, '60', '5')
    expect(await screen.findByText('Não tem permissão para alterar esta disponibilidade.')).toBeInTheDocument()
    expect(status()).not.toHaveTextContent(/Guardado/)
  })
})
