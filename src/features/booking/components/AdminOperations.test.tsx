import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { PROFILES } from '@/test-utils/auth'
import { AdminOperationsPage } from '@/pages/AdminOperationsPage'
import { FILTER_MESSAGES } from '../lib/admin-filters'
import { ANA, PRESTADOR_ROWS, TestApp, fakeSupabase, filterValue, type FakeRequest } from './test-support'

vi.mock('@/lib/supabase', async () => ({ supabase: (await import('./fake-supabase')).fakeSupabase }))

const ACME = '10000000-0000-4000-8000-000000000001'
const BETA = '10000000-0000-4000-8000-000000000002'

function booking(n: number) {
  return {
    id: `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    user_id: 'u-1',
    prestador_id: ANA,
    company_id: ACME,
    pillar: 'bem_estar_fisico',
    starts_at: '2026-11-20T10:00:00+00:00',
    ends_at: '2026-11-20T10:45:00+00:00',
    meeting_type: 'virtual',
    status: 'scheduled',
    location: null,
    cancellation_reason: null,
    cancelled_by: null,
    cancelled_at: null,
    booking_source: 'direct',
    created_by: 'u-1',
    created_at: '2026-11-01T10:00:00+00:00',
    updated_at: '2026-11-01T10:00:00+00:00',
    company: { name: 'Acme Portugal' },
    employee: { name: `Colaborador ${n}`, email: `c${n}@acme.test` },
    prestador: { id: ANA, specialty: 'Fisioterapia', pillar: 'bem_estar_fisico', session_minutes: 45, buffer_minutes: 10, profile: { name: 'Dra. Ana Ferreira', time_zone: 'Europe/Lisbon' } },
    booking_links: null as { meeting_link: string | null; updated_at: string; updated_by: string | null } | null,
  }
}

const TOTAL = 45
const tableRequests = () => fakeSupabase.find('bookings', 'select').filter((r) => r.count === 'exact')

let missingLinkRows: ReturnType<typeof booking>[] = []

function handler(request: FakeRequest) {
  if (request.table === 'companies') return { data: [{ id: ACME, name: 'Acme Portugal' }, { id: BETA, name: 'Beta Lda' }] }
  if (request.table === 'prestadores') return { data: PRESTADOR_ROWS }
  if (request.table === 'bookings' && request.count === 'exact') {
    const [from, to] = request.range ?? [0, 19]
    const rows = Array.from({ length: Math.max(0, Math.min(to, TOTAL - 1) - from + 1) }, (_, i) => booking(from + i + 1))
    return { data: rows, count: TOTAL }
  }
  if (request.table === 'bookings') return { data: missingLinkRows } // "Sem link"
  return { data: null, error: { code: 'TEST', message: 'unexpected' } }
}

function renderPage(path: string, missing: ReturnType<typeof booking>[] = []) {
  missingLinkRows = missing
  fakeSupabase.reset(handler)
  render(<TestApp profile={PROFILES.admin} path={path} routes={[{ path: '/admin/operations', element: <AdminOperationsPage /> }]} />)
}

describe('admin bookings table: filters in the URL, filtered and paginated on the server', () => {
  it('reads the filters from the URL and sends them to PostgREST with the page range and an exact count', async () => {
    renderPage(`/admin/operations?company=${ACME}&status=scheduled&type=virtual&from=2026-11-01&to=2026-11-30&page=2`)
    await screen.findByRole('table')
    const request = tableRequests().at(-1)!
    expect(filterValue(request, 'eq', 'company_id')).toBe(ACME)
    expect(filterValue(request, 'eq', 'status')).toBe('scheduled')
    expect(filterValue(request, 'eq', 'meeting_type')).toBe('virtual')
    // Days are the admin's (Lisbon): 1 Nov 00:00 to the end of 30 Nov.
    expect(filterValue(request, 'gte', 'starts_at')).toBe('2026-11-01T00:00:00.000Z')
    expect(filterValue(request, 'lt', 'starts_at')).toBe('2026-12-01T00:00:00.000Z')
    expect(request.range).toEqual([20, 39])
    expect(request.columns).toContain('profiles!bookings_user_id_fkey(name, email)')
    expect(screen.getByText('Página 2 de 3 · 45 sessões')).toBeInTheDocument()
    // The form shows what the URL says.
    const form = screen.getByRole('form', { name: 'Filtros' })
    expect(within(form).getByLabelText('Estado')).toHaveValue('scheduled')
    expect(within(form).getByLabelText('Tipo')).toHaveValue('virtual')
    expect(within(form).getByLabelText('De')).toHaveValue('2026-11-01')
    await waitFor(() => expect(within(form).getByLabelText('Empresa')).toHaveValue(ACME))
  })

  it('applying filters writes them to the URL, back to page 1, and refetches', async () => {
    renderPage('/admin/operations?page=3')
    await screen.findByRole('table')
    const user = userEvent.setup()
    const form = screen.getByRole('form', { name: 'Filtros' })
    await waitFor(() => expect(within(form).getAllByRole('option', { name: 'Beta Lda' })).toHaveLength(1))
    await user.selectOptions(within(form).getByLabelText('Empresa'), BETA)
    await user.selectOptions(within(form).getByLabelText('Prestador'), ANA)
    await user.selectOptions(within(form).getByLabelText('Tipo'), 'phone')
    await user.click(within(form).getByRole('button', { name: 'Filtrar' }))

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/admin/operations?company=${BETA}&prestador=${ANA}&type=phone`))
    await waitFor(() => expect(filterValue(tableRequests().at(-1)!, 'eq', 'company_id')).toBe(BETA))
    const request = tableRequests().at(-1)!
    expect(filterValue(request, 'eq', 'prestador_id')).toBe(ANA)
    expect(filterValue(request, 'eq', 'meeting_type')).toBe('phone')
    expect(request.range).toEqual([0, 19])
  })

  it('refuses an inverted date range next to "Até", keeps what was typed and sends nothing', async () => {
    renderPage('/admin/operations')
    await screen.findByRole('table')
    const user = userEvent.setup()
    const form = screen.getByRole('form', { name: 'Filtros' })
    await user.type(within(form).getByLabelText('De'), '2026-11-30')
    await user.type(within(form).getByLabelText('Até'), '2026-11-01')
    const before = tableRequests().length
    await user.click(within(form).getByRole('button', { name: 'Filtrar' }))

    expect(within(form).getByLabelText('Até')).toHaveAccessibleDescription(FILTER_MESSAGES.rangeInverted)
    expect(within(form).getByLabelText('Até')).toHaveFocus()
    expect(within(form).getByLabelText('De')).toHaveValue('2026-11-30')
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/admin\/operations$/)
    expect(tableRequests()).toHaveLength(before)
  })

  it('pages through the server result and clears the filters', async () => {
    renderPage('/admin/operations?status=scheduled')
    await screen.findByText('Página 1 de 3 · 45 sessões')
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Seguinte' }))
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/admin/operations?status=scheduled&page=2'))
    await screen.findByText('Página 2 de 3 · 45 sessões')
    expect(tableRequests().at(-1)!.range).toEqual([20, 39])

    await user.click(screen.getByRole('button', { name: 'Limpar filtros' }))
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/admin\/operations$/))
    expect(screen.getByRole('form', { name: 'Filtros' })).toHaveFormValues({ status: '' })
  })

  it('a malformed URL filter is ignored, not sent', async () => {
    renderPage("/admin/operations?company=acme'--&status=lost")
    await screen.findByRole('table')
    const request = tableRequests().at(-1)!
    expect(request.filters).toEqual([])
  })
})

describe('"Sem link" panel', () => {
  it('lists the virtual sessions of the next 24 hours whose link is still missing, and opens the link editor', async () => {
    const soon = new Date(Date.now() + 2 * 3_600_000).toISOString()
    const withoutRow = { ...booking(1), starts_at: soon, employee: { name: 'João Silva', email: 'joao@acme.test' } }
    const emptyLink = { ...booking(2), starts_at: soon, employee: { name: 'Rui Sem Link', email: 'rui@acme.test' }, booking_links: { meeting_link: null, updated_at: '2026-11-20T10:00:00+00:00', updated_by: null } }
    const withLink = { ...booking(3), starts_at: soon, employee: { name: 'Maria Com Link', email: 'maria@acme.test' }, booking_links: { meeting_link: 'https://meet.google.com/abc-defg-hij', updated_at: '2026-11-20T10:00:00+00:00', updated_by: null } }
    renderPage('/admin/operations', [withoutRow, emptyLink, withLink])

    const list = await screen.findByRole('list', { name: 'Sessões sem link' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(2)
    expect(list).toHaveTextContent('João Silva')
    expect(list).toHaveTextContent('Rui Sem Link')
    expect(list).not.toHaveTextContent('Maria Com Link')

    const request = fakeSupabase.find('bookings', 'select').find((r) => r.count !== 'exact')!
    expect(filterValue(request, 'eq', 'meeting_type')).toBe('virtual')
    expect(filterValue(request, 'in', 'status')).toEqual(['pending', 'scheduled'])
    const from = Date.parse(filterValue(request, 'gte', 'starts_at') as string)
    const to = Date.parse(filterValue(request, 'lt', 'starts_at') as string)
    expect(to - from).toBe(24 * 3_600_000)
    expect(request.columns).toContain('booking_links(meeting_link')

    const user = userEvent.setup()
    await user.click(within(list).getByRole('button', { name: /Definir link: João Silva/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Link da reunião' })
    // The meeting-link feature's own editor, not a copy.
    expect(within(dialog).getByLabelText('Link da Reunião')).toHaveValue('')
    expect(within(dialog).getByRole('button', { name: 'Guardar Link' })).toBeInTheDocument()
  })
})
