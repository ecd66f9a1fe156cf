import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PROFILES } from '@/test-utils/auth'
import { captureIcsDownloads, parseIcsEvent } from '@/features/calendar/testing/ics-downloads'
import {
  createFakeSessionsServer,
  createTestQueryClient,
  PEDRO,
  Providers,
  routerFor,
  sessionRow,
  stamp,
  type FakeSessionsServer,
} from '@/features/session-management/testing/fake-server'
import { bookingWorld, fakeSupabase, pickDay } from '@/features/booking/components/test-support'
import { PrestadorSessionsPage } from './PrestadorSessionsPage'

const holder = vi.hoisted(() => ({ server: null as null | { rpc: (...a: never[]) => unknown; from: (...a: never[]) => unknown } }))
// The reschedule form's day picker reads the booking tables from the booking feature's fake.
vi.mock('@/lib/supabase', async () => ({
  supabase: (await import('@/features/session-management/testing/slot-world')).splitSupabase(() => holder.server!),
}))
vi.setConfig({ testTimeout: 30_000 })

const MIN = 60_000
const NOW = Date.parse('2026-11-15T12:00:00Z')
const at = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')
const PEDRO_PROFILE = { ...PROFILES.prestador, id: PEDRO }
const ZOOM = 'https://zoom.us/j/123456789'

const SOON = sessionRow({ id: 'b-soon', starts_at: '2026-11-15T14:00:00+00:00', ends_at: '2026-11-15T14:50:00+00:00' })
const LINKED = sessionRow({
  id: 'b-linked',
  starts_at: '2026-11-16T09:00:00+00:00',
  ends_at: '2026-11-16T09:50:00+00:00',
  booking_links: { meeting_link: ZOOM, updated_at: stamp(1), updated_by: PEDRO },
  client: { name: 'Maria Costa', email: 'maria@encontro.test', phone: '+351 913 456 789' },
})
const PHONE = sessionRow({ id: 'b-phone', meeting_type: 'phone', starts_at: '2026-11-17T10:00:00+00:00', ends_at: '2026-11-17T10:50:00+00:00' })
const PAST = sessionRow({ id: 'b-past', status: 'completed', starts_at: at(NOW - 24 * 60 * MIN), ends_at: at(NOW - 23 * 60 * MIN) })

let server: FakeSessionsServer
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW })
  server = createFakeSessionsServer({ bookings: [PAST, PHONE, LINKED, SOON] })
  holder.server = server as never
})
afterEach(() => vi.useRealTimers())

async function renderPage() {
  render(
    <Providers queryClient={createTestQueryClient()} profile={PEDRO_PROFILE}>
      {routerFor('/prestador/sessions', <PrestadorSessionsPage />)}
    </Providers>,
  )
  await screen.findByRole('list', { name: 'Próximas sessões' })
  return userEvent.setup()
}

const card = (id: string) => document.getElementById(`session-${id}`) as HTMLElement
const manage = (id: string) => within(card(id)).getByRole('button', { name: 'Gerir sessão' })

describe('PrestadorSessionsPage', () => {
  it('cards: upcoming first, then past; pt-PT date/time, employee, company, type, whether a link is set', async () => {
    await renderPage()
    const upcoming = within(screen.getByRole('list', { name: 'Próximas sessões' })).getAllByRole('article').map((a) => a.id)
    expect(upcoming).toEqual(['session-b-soon', 'session-b-linked', 'session-b-phone'])
    expect(within(screen.getByRole('list', { name: 'Sessões anteriores' })).getAllByRole('article').map((a) => a.id)).toEqual([
      'session-b-past',
    ])
    const soon = card('b-soon')
    expect(soon).toHaveAccessibleName('João Silva')
    expect(soon).toHaveTextContent('dom., 15 nov., 14:00–14:50')
    expect(soon).toHaveTextContent('Acme Portugal')
    expect(within(soon).getByText('Virtual')).toBeInTheDocument()
    expect(within(soon).getByText('Sem link')).toBeInTheDocument()
    expect(within(card('b-linked')).getByText('Link definido')).toBeInTheDocument()
    expect(card('b-phone')).toHaveTextContent('+351 912 345 678')
  })

  it('"Gerir sessão" is a real button naming the session, and opens an accessible modal', async () => {
    const user = await renderPage()
    const button = manage('b-linked')
    expect(button.tagName).toBe('BUTTON')
    expect(button).toHaveAccessibleDescription('Maria Costa seg., 16 nov., 09:00–09:50')
    await user.click(button)

    const dialog = screen.getByRole('dialog', { name: 'Sessão com Maria Costa' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(dialog).toHaveAccessibleDescription('seg., 16 nov., 09:00–09:50 · Virtual')
    const field = within(dialog).getByLabelText('Link da reunião')
    expect(field).toHaveValue(ZOOM)
    expect(field).toHaveFocus()
    expect(within(dialog).getByText('Plataforma detetada: Zoom')).toBeInTheDocument()
    expect(await within(dialog).findByText(/Último a alterar: Dr\. Pedro Santos em/)).toBeInTheDocument()
    for (const name of ['Guardar link', 'Gerar link Jitsi', 'Reagendar', 'Cancelar sessão', 'Marcar como realizada']) {
      expect(within(dialog).getByRole('button', { name })).toBeInTheDocument()
    }

    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(manage('b-linked')).toHaveFocus()
  })

  it('every card has "Adicionar ao calendário" naming its session, next to "Gerir sessão"', async () => {
    await renderPage()
    const ids = ['b-soon', 'b-linked', 'b-phone', 'b-past']
    expect(screen.getAllByRole('article').map((a) => a.id)).toEqual(ids.map((id) => `session-${id}`))
    for (const id of ids) {
      const time = card(id).querySelector('time')!.textContent!
      expect(within(card(id)).getByRole('button', { name: `Adicionar ao calendário a sessão de ${time}` })).toBeInTheDocument()
      expect(manage(id)).toBeInTheDocument()
    }
  })

  it('"Adicionar ao calendário" downloads the prestador\'s .ics (with the employee) and does not open the modal', async () => {
    const downloads = captureIcsDownloads()
    try {
      const user = await renderPage()
      await user.click(within(card('b-linked')).getByRole('button', { name: /^Adicionar ao calendário/ }))
      await waitFor(() => expect(downloads.count()).toBe(1))
      const { filename, text } = await downloads.file(0)
      expect(filename).toBe('encontro-sessao-2026-11-16.ics')
      const event = parseIcsEvent(text)
      expect(event.getFirstPropertyValue('uid')).toBe('b-linked@encontro.app')
      expect(event.getFirstPropertyValue('summary')).toMatch(/^Sessão de .+ com Maria Costa$/)
      expect(event.getFirstPropertyValue('url')).toBe(`${window.location.origin}/prestador/sessions#session-b-linked`)
      expect(text).not.toContain('zoom.us')
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    } finally {
      downloads.restore()
    }
  })

  it('a link saved in the modal shows on the card ("Link definido")', async () => {
    const user = await renderPage()
    await user.click(manage('b-soon'))
    const dialog = screen.getByRole('dialog', { name: 'Sessão com João Silva' })
    await user.type(within(dialog).getByLabelText('Link da reunião'), ZOOM)
    await user.click(within(dialog).getByRole('button', { name: 'Guardar link' }))
    expect(await within(dialog).findByText('Link guardado.')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Fechar' }))
    await waitFor(() => expect(within(card('b-soon')).getByText('Link definido')).toBeInTheDocument())
  })

  it('phone session: the modal shows the employee phone and no link editor', async () => {
    const user = await renderPage()
    await user.click(manage('b-phone'))
    const dialog = screen.getByRole('dialog', { name: 'Sessão com João Silva' })
    const phone = within(dialog).getByRole('link', { name: '+351 912 345 678' })
    expect(phone).toHaveAttribute('href', 'tel:+351912345678')
    // Focus starts on the first interactive element of the modal: the number to call.
    expect(phone).toHaveFocus()
    expect(within(dialog).queryByLabelText('Link da reunião')).not.toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Reagendar' })).toBeInTheDocument()
  })

  it('a reschedule confirmed by the server moves the card (same list, no reload)', async () => {
    const user = await renderPage()
    await user.click(manage('b-soon'))
    const dialog = screen.getByRole('dialog', { name: 'Sessão com João Silva' })
    fakeSupabase.reset(bookingWorld().handler)
    await user.click(within(dialog).getByRole('button', { name: 'Reagendar' }))
    await pickDay(user, '2026-11-18', dialog)
    await user.click(await within(dialog).findByLabelText('14:00'))
    await user.click(within(dialog).getByRole('button', { name: 'Guardar nova data' }))
    expect(await within(dialog).findByText('Sessão reagendada para qua., 18 nov., 14:00–14:50.')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Fechar' }))
    const upcoming = within(screen.getByRole('list', { name: 'Próximas sessões' })).getAllByRole('article').map((a) => a.id)
    expect(upcoming).toEqual(['session-b-linked', 'session-b-phone', 'session-b-soon'])
    expect(card('b-soon')).toHaveTextContent('qua., 18 nov., 14:00–14:50')
  })

  it('a cancelled session is under "Canceladas": no "Sem link", "Remover do calendário" instead of "Adicionar"', async () => {
    const CANCELLED = sessionRow({ id: 'b-cancelled', status: 'cancelled', cancellation_reason: 'Doença.', starts_at: at(NOW + 3 * 60 * MIN), ends_at: at(NOW + 3 * 60 * MIN + 50 * MIN) })
    server = createFakeSessionsServer({ bookings: [PAST, SOON, CANCELLED] })
    holder.server = server as never
    await renderPage()
    const ids = (name: string) => within(screen.getByRole('list', { name })).getAllByRole('article').map((a) => a.id)
    expect(ids('Próximas sessões')).toEqual(['session-b-soon'])
    expect(ids('Canceladas')).toEqual(['session-b-cancelled'])
    const c = card('b-cancelled')
    expect(within(c).queryByText('Sem link')).not.toBeInTheDocument()
    expect(within(c).queryByText('Link definido')).not.toBeInTheDocument()
    expect(within(c).getByRole('button', { name: /^Remover do calendário/ })).toBeInTheDocument()
    expect(within(c).queryByRole('button', { name: /^Adicionar ao calendário/ })).not.toBeInTheDocument()
    // Past sessions do not ask for a link either.
    expect(within(card('b-past')).queryByText('Sem link')).not.toBeInTheDocument()
  })

  it('"Marcar como realizada", confirmed, moves the card to "Sessões anteriores" at once (no reload)', async () => {
    const RUNNING = sessionRow({ id: 'b-running', starts_at: at(NOW - 10 * MIN), ends_at: at(NOW + 40 * MIN) })
    server = createFakeSessionsServer({ bookings: [PAST, SOON, RUNNING] })
    holder.server = server as never
    const user = await renderPage()
    const ids = (name: string) => within(screen.getByRole('list', { name })).getAllByRole('article').map((a) => a.id)
    expect(ids('Próximas sessões')).toEqual(['session-b-running', 'session-b-soon'])
    await user.click(manage('b-running'))
    const dialog = screen.getByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Marcar como realizada' }))
    await user.click(within(dialog).getByRole('button', { name: 'Sim, foi realizada' }))
    expect(await within(dialog).findByText('Sessão marcada como realizada.')).toBeInTheDocument()
    expect(ids('Próximas sessões')).toEqual(['session-b-soon'])
    expect(ids('Sessões anteriores')).toEqual(['session-b-running', 'session-b-past'])
    expect(within(card('b-running')).getByText('Realizada')).toBeInTheDocument()
  })

  it('the past, completed session opens read-only', async () => {
    const user = await renderPage()
    await user.click(manage('b-past'))
    const dialog = screen.getByRole('dialog')
    expect(within(dialog).getByText('Esta sessão já foi realizada: já não pode ser alterada.')).toBeInTheDocument()
    expect(within(dialog).getByLabelText('Link da reunião')).toBeDisabled()
  })
})
