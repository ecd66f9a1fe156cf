import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PROFILES } from '@/test-utils/auth'
import {
  createFakeSessionsServer,
  createTestQueryClient,
  Providers,
  routerFor,
  sessionRow,
} from '@/features/session-management/testing/fake-server'
import { EspecialistaDashboardPage } from './EspecialistaDashboardPage'

const holder = vi.hoisted(() => ({ server: null as null | { rpc: (...a: never[]) => unknown; from: (...a: never[]) => unknown } }))
vi.mock('@/lib/supabase', () => ({
  supabase: {
    rpc: (...args: never[]) => holder.server!.rpc(...args),
    from: (...args: never[]) => holder.server!.from(...args),
  },
}))

const RITA = { ...PROFILES.especialista, id: '20000000-0000-4000-8000-000000000005' }
const CASE = sessionRow({ id: 'b-case', booking_source: 'specialist_referral', starts_at: '2026-11-23T09:30:00+00:00', ends_at: '2026-11-23T10:20:00+00:00' })

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-20T10:00:00Z') })
  holder.server = createFakeSessionsServer({
    bookings: [CASE],
    callRequests: [
      { id: 'cr-open', user_id: 'maria', pillar: 'saude_mental', notes: 'Stress no trabalho.', status: 'open', especialista_id: null, booking_id: null, created_at: '2026-11-20T07:00:00+00:00', client: { name: 'Maria Costa' } },
      { id: 'cr-held', user_id: 'joao', pillar: 'saude_mental', notes: '', status: 'assigned', especialista_id: RITA.id, booking_id: 'b-case', created_at: '2026-11-18T07:00:00+00:00' },
    ],
  }) as never
})
afterEach(() => vi.useRealTimers())

describe('EspecialistaDashboardPage, "Os meus casos"', () => {
  it('opens the same session modal: link editor, reschedule and cancel (no "Marcar como realizada")', async () => {
    render(
      <Providers queryClient={createTestQueryClient()} profile={RITA}>
        {routerFor('/especialista/dashboard', <EspecialistaDashboardPage />)}
      </Providers>,
    )
    const cases = await screen.findByRole('list', { name: 'Os meus casos' })
    expect(screen.getByRole('list', { name: 'Pedidos em espera' })).toHaveTextContent('Maria Costa')
    const card = within(cases).getByRole('article', { name: 'João Silva' })
    expect(card).toHaveAttribute('id', 'session-b-case')
    expect(card).toHaveTextContent('Dr. Pedro Santos')
    expect(within(card).getByText('Sem link')).toBeInTheDocument()

    await userEvent.setup().click(within(card).getByRole('button', { name: 'Gerir sessão' }))
    // The case modal loads on demand (lazy chunk).
    const dialog = await screen.findByRole('dialog', { name: 'Sessão com João Silva' })
    expect(within(dialog).getByLabelText('Link da reunião')).toHaveFocus()
    expect(within(dialog).getByText('Prestador', { selector: 'dt' }).nextElementSibling).toHaveTextContent('Dr. Pedro Santos')
    expect(within(dialog).getByRole('button', { name: 'Reagendar' })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Cancelar sessão' })).toBeInTheDocument()
    expect(within(dialog).queryByRole('button', { name: 'Marcar como realizada' })).not.toBeInTheDocument()
  })
})
