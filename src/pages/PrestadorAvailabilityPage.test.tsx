import { render, screen, within } from '@testing-library/react'
import { PROFILES } from '@/test-utils/auth'
import { TestProviders, availabilityWorld, createTestQueryClient, fakeSupabase } from '@/features/availability/components/test-support'
import { PrestadorAvailabilityPage } from './PrestadorAvailabilityPage'

vi.mock('@/lib/supabase', async () => ({ supabase: (await import('@/features/availability/components/fake-supabase')).fakeSupabase }))

describe('PrestadorAvailabilityPage', () => {
  it('one h1, a section per part, hours in the profile zone, every field labelled', async () => {
    const profile = { ...PROFILES.prestador, time_zone: 'America/Sao_Paulo' }
    fakeSupabase.reset(availabilityWorld(profile.id).handler)
    render(
      <TestProviders profile={profile} queryClient={createTestQueryClient()}>
        <PrestadorAvailabilityPage />
      </TestProviders>,
    )
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Disponibilidade'])
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Horário semanal', 'Dias bloqueados', 'Sessões'])
    expect(screen.getByText('Horas em São Paulo')).toBeInTheDocument()
    const hours = screen.getByRole('region', { name: 'Horário semanal' })
    await within(hours).findByRole('group', { name: 'Segunda-feira' })
    await screen.findByLabelText('Duração de cada sessão (minutos)')
    // Everything asked is the signed-in prestador's own.
    for (const request of fakeSupabase.requests) {
      expect(request.filters.some(([, column, value]) => ['prestador_id', 'id'].includes(column) && value === profile.id)).toBe(true)
    }
    for (const input of document.querySelectorAll('input')) {
      expect(input.labels?.length ?? 0).toBeGreaterThan(0)
    }
  })
})
