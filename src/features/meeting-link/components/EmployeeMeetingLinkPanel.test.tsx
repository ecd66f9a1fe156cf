import { act, render, screen } from '@testing-library/react'
import { useQuery } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sessionKeys } from '@/features/sessions'
import {
  createFakeServer,
  createTestQueryClient,
  virtualBooking,
  wrapperFor,
  type FakeServer,
} from '../hooks/test-support'
import { EmployeeMeetingLinkPanel, EMPLOYEE_PANEL_TEXTS as T, type EmployeeMeetingLinkPanelProps } from './EmployeeMeetingLinkPanel'

const holder = vi.hoisted(() => ({ server: null as null | { rpc: (...a: never[]) => unknown; from: (...a: never[]) => unknown } }))
vi.mock('@/lib/supabase', () => ({
  supabase: {
    rpc: (...args: never[]) => holder.server!.rpc(...args),
    from: (...args: never[]) => holder.server!.from(...args),
  },
}))

const MIN = 60_000
const START = Date.parse('2026-11-25T14:00:00Z')
const END = Date.parse('2026-11-25T15:00:00Z')
const OPENS = START - 5 * MIN
const ZOOM = 'https://zoom.us/j/123456789?pwd=abc'

const withLink = (meeting_link: string | null) => ({
  meeting_link,
  updated_at: '2026-11-20T10:00:00.123456+00:00',
  updated_by: '00000000-0000-4000-8000-0000000000aa',
})

let server: FakeServer
beforeEach(() => {
  server = createFakeServer()
  holder.server = server as never
})
afterEach(() => {
  vi.useRealTimers()
})

/** Fixed clock; only timers and Date are faked so React and TanStack Query keep working. */
function clockAt(now: number) {
  vi.useFakeTimers({ now, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
}

function renderPanel(props: EmployeeMeetingLinkPanelProps) {
  const queryClient = createTestQueryClient()
  return { queryClient, ...render(<EmployeeMeetingLinkPanel {...props} />, { wrapper: wrapperFor(queryClient) }) }
}

const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms))
const state = (container: HTMLElement) => container.querySelector('[data-link-state]')?.getAttribute('data-link-state')

describe('EmployeeMeetingLinkPanel: every state', () => {
  it('waiting, more than an hour ahead: "em preparação", no countdown, no link', () => {
    clockAt(START - 3 * 60 * MIN)
    const { container } = renderPanel({ booking: virtualBooking() })
    expect(state(container)).toBe('waiting')
    expect(screen.getByText(T.waitingTitle)).toBeInTheDocument()
    expect(screen.getByText('O link estará disponível 5 minutos antes da sessão começar.')).toBeInTheDocument()
    expect(screen.queryByText(/Disponível dentro de/)).not.toBeInTheDocument()
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
  })

  it('the countdown appears when the opening is under an hour away and updates itself every minute', () => {
    clockAt(OPENS - 60 * MIN)
    const { container } = renderPanel({ booking: virtualBooking() })
    expect(screen.queryByText(/Disponível dentro de/)).not.toBeInTheDocument()
    advance(1)
    expect(screen.getByText('Disponível dentro de 59 min')).toBeInTheDocument()
    advance(MIN - 1)
    expect(screen.getByText('Disponível dentro de 59 min')).toBeInTheDocument()
    advance(1)
    expect(screen.getByText('Disponível dentro de 58 min')).toBeInTheDocument()
    advance(57 * MIN)
    expect(screen.getByText('Disponível dentro de 1 min')).toBeInTheDocument()
    advance(MIN - 1)
    expect(screen.getByText('Disponível dentro de 1 min')).toBeInTheDocument()
    advance(1)
    expect(screen.getByText('Disponível dentro de menos de 1 min')).toBeInTheDocument()
    expect(state(container)).toBe('waiting')
    advance(MIN - 1)
    expect(state(container)).toBe('open_without_link')
    expect(screen.queryByText(/Disponível/)).not.toBeInTheDocument()
  })

  it('opens at exactly T-5 and ends exactly at the end, with no re-render from outside', () => {
    clockAt(OPENS - 10 * MIN)
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval')
    const { container } = renderPanel({ booking: virtualBooking({ booking_links: withLink(ZOOM) }) })
    expect(state(container)).toBe('waiting')
    expect(screen.getByText('Disponível dentro de 10 min')).toBeInTheDocument()

    advance(10 * MIN - 1)
    expect(state(container)).toBe('waiting')
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
    advance(1)
    expect(Date.now()).toBe(OPENS)
    expect(state(container)).toBe('open_with_link')
    expect(screen.getByText(T.openTitle)).toBeInTheDocument()
    expect(screen.queryByText(/Disponível dentro de/)).not.toBeInTheDocument()

    advance(END - OPENS - 1)
    expect(state(container)).toBe('open_with_link')
    advance(1)
    expect(state(container)).toBe('ended')
    expect(screen.getByText(T.endedTitle)).toBeInTheDocument()
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
    expect(setIntervalSpy).not.toHaveBeenCalled()
  })

  it('open with a link: platform and a real link to it, in a new tab, without opener or referrer', () => {
    clockAt(START - MIN)
    renderPanel({ booking: virtualBooking({ booking_links: withLink(ZOOM) }) })
    expect(screen.getByText(T.openTitle)).toBeInTheDocument()
    expect(screen.getByText('Plataforma: Zoom')).toBeInTheDocument()
    const link = screen.getByRole('link', { name: 'Entrar na reunião' })
    expect(link.tagName).toBe('A')
    expect(link).toHaveAttribute('href', ZOOM)
    expect(link).toHaveAttribute('target', '_blank')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    expect(link).toHaveAccessibleDescription('Abre a reunião num novo separador.')
  })

  it('the href is the validated (normalised) link', () => {
    clockAt(START)
    renderPanel({ booking: virtualBooking({ booking_links: withLink('https://Meet.Google.com/abc-defg-hij') }) })
    expect(screen.getByText('Plataforma: Google Meet')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Entrar na reunião' })).toHaveAttribute('href', 'https://meet.google.com/abc-defg-hij')
  })

  it('never opens a window by script', () => {
    clockAt(START)
    const open = vi.spyOn(window, 'open').mockImplementation(() => null)
    renderPanel({ booking: virtualBooking({ booking_links: withLink(ZOOM) }) })
    screen.getByRole('link', { name: 'Entrar na reunião' }).click()
    expect(open).not.toHaveBeenCalled()
  })

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['JavaScript: with https text', 'JavaScript:fetch("https://zoom.us")'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['http:', 'http://zoom.us/j/1'],
    ['credentials', 'https://zoom.us@evil.example.com/j/1'],
    ['bidi override', 'https://zoom.us/j/1\u202Egpj.exe'],
    ['empty string', ''],
  ])('a stored %s value is never rendered as a link: shows the no-link state', (_label, stored) => {
    clockAt(START)
    const { container } = renderPanel({ booking: virtualBooking({ booking_links: withLink(stored) }) })
    expect(state(container)).toBe('open_without_link')
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
    expect(container.querySelector('a')).toBeNull()
    expect(container.innerHTML).not.toContain('javascript:')
    expect(container.innerHTML.toLowerCase()).not.toContain('javascript:')
  })

  it('open without a link: "ainda não foi partilhado" and that the page updates itself', () => {
    clockAt(START + 5 * MIN)
    const { container } = renderPanel({ booking: virtualBooking() })
    expect(state(container)).toBe('open_without_link')
    expect(screen.getByText('O link ainda não foi partilhado pelo prestador')).toBeInTheDocument()
    expect(screen.getByText('A página atualiza automaticamente.')).toBeInTheDocument()
  })

  it.each([
    ['after the end', virtualBooking({ booking_links: withLink(ZOOM) }), END],
    ['completed early', virtualBooking({ status: 'completed', booking_links: withLink(ZOOM) }), START + 10 * MIN],
  ])('ended (%s): "Sessão já realizada", no link', (_label, booking, now) => {
    clockAt(now)
    const { container } = renderPanel({ booking })
    expect(state(container)).toBe('ended')
    expect(screen.getByText('Sessão já realizada')).toBeInTheDocument()
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
  })

  it('cancelled: "Sessão cancelada" with the reason, even inside the window and with a stale link in the cache', () => {
    clockAt(START)
    const { container } = renderPanel({
      booking: virtualBooking({ status: 'cancelled', cancellation_reason: 'O prestador ficou doente.', booking_links: withLink(ZOOM) }),
    })
    expect(state(container)).toBe('cancelled')
    expect(screen.getByText('Sessão cancelada')).toBeInTheDocument()
    expect(screen.getByText('Motivo: O prestador ficou doente.')).toBeInTheDocument()
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
  })

  it('cancelled without a reason', () => {
    clockAt(START - 60 * MIN)
    renderPanel({ booking: virtualBooking({ status: 'cancelled' }) })
    expect(screen.getByText('Sessão cancelada')).toBeInTheDocument()
    expect(screen.queryByText(/Motivo/)).not.toBeInTheDocument()
  })

  it('phone: who calls whom, with the number when known, then ended on time', () => {
    clockAt(END - 1)
    const { container } = renderPanel({ booking: virtualBooking({ meeting_type: 'phone' }), phone: '+351 912 345 678' })
    expect(state(container)).toBe('phone')
    expect(screen.getByText('Sessão por telefone')).toBeInTheDocument()
    expect(screen.getByText(/O prestador irá ligar para o seu número/)).toHaveTextContent(
      'O prestador irá ligar para o seu número: +351 912 345 678.',
    )
    advance(1)
    expect(state(container)).toBe('ended')
  })

  it('phone without a number', () => {
    clockAt(START - 60 * MIN)
    renderPanel({ booking: virtualBooking({ meeting_type: 'phone' }) })
    expect(screen.getByText(/O prestador irá ligar para o seu número/)).toHaveTextContent('O prestador irá ligar para o seu número.')
  })

  it('presencial: the address', () => {
    clockAt(START - 60 * MIN)
    const { container } = renderPanel({ booking: virtualBooking({ meeting_type: 'presencial', location: 'Av. da Liberdade 100, Lisboa' }) })
    expect(state(container)).toBe('presencial')
    expect(screen.getByText('Sessão presencial')).toBeInTheDocument()
    expect(screen.getByText('Morada: Av. da Liberdade 100, Lisboa')).toBeInTheDocument()
  })

  it('presencial without an address still says something', () => {
    clockAt(START - 60 * MIN)
    renderPanel({ booking: virtualBooking({ meeting_type: 'presencial' }) })
    expect(screen.getByText('A morada será indicada pelo prestador.')).toBeInTheDocument()
  })

  it('cancelled phone session says cancelled', () => {
    clockAt(START - 60 * MIN)
    renderPanel({ booking: virtualBooking({ meeting_type: 'phone', status: 'cancelled', cancellation_reason: 'Pedido do colaborador' }) })
    expect(screen.getByText('Sessão cancelada')).toBeInTheDocument()
    expect(screen.getByText('Motivo: Pedido do colaborador')).toBeInTheDocument()
  })

  it('never renders a blank area', () => {
    const bookings = [
      virtualBooking(),
      virtualBooking({ booking_links: withLink(ZOOM) }),
      virtualBooking({ status: 'cancelled' }),
      virtualBooking({ status: 'completed' }),
      virtualBooking({ meeting_type: 'phone' }),
      virtualBooking({ meeting_type: 'presencial' }),
    ]
    for (const now of [START - 3 * 60 * MIN, OPENS - 1, OPENS, START, END - 1, END, END + 60 * MIN]) {
      for (const booking of bookings) {
        clockAt(now)
        const { container, unmount } = renderPanel({ booking })
        expect(container.textContent?.trim().length).toBeGreaterThan(10)
        unmount()
        vi.useRealTimers()
      }
    }
  })

  it('state changes are announced politely; the countdown is not', () => {
    clockAt(OPENS - 10 * MIN)
    const { container } = renderPanel({ booking: virtualBooking() })
    const live = container.querySelector('[aria-live="polite"]')
    expect(live).toHaveTextContent(T.waitingTitle)
    expect(live).not.toHaveTextContent(/Disponível dentro de/)
  })
})

describe('EmployeeMeetingLinkPanel inside a live session list', () => {
  // The server's RLS: the employee sees the link row only inside the window.
  const employeeView = (bookingId: string) => {
    const base = virtualBooking({ id: bookingId })
    const now = Date.now()
    const visible = now >= OPENS && now < END
    return [{ ...base, booking_links: visible ? server.embed(bookingId) : null }]
  }

  function EmployeeCard() {
    const query = useQuery({
      queryKey: sessionKeys.list({ role: 'user', userId: 'joao' }),
      queryFn: () => Promise.resolve(employeeView(virtualBooking().id)),
      staleTime: Infinity,
    })
    const booking = query.data?.[0]
    return booking ? <EmployeeMeetingLinkPanel booking={booking} /> : <p>A carregar…</p>
  }

  it('refetches when the window opens, so the link shows at T-5 without waiting for a poll', async () => {
    clockAt(OPENS - 2 * MIN)
    server.saveAs(virtualBooking().id, ZOOM)
    const queryClient = createTestQueryClient()
    const { container } = render(<EmployeeCard />, { wrapper: wrapperFor(queryClient) })
    await act(() => vi.advanceTimersByTimeAsync(0))
    expect(state(container)).toBe('waiting')

    await act(() => vi.advanceTimersByTimeAsync(2 * MIN))
    // The window opened; the list was refetched right away and the server now shows the row.
    await act(() => vi.advanceTimersByTimeAsync(0))
    expect(state(container)).toBe('open_with_link')
    expect(screen.getByRole('link', { name: 'Entrar na reunião' })).toHaveAttribute('href', ZOOM)
  })
})
