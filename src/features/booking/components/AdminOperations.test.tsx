import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { PROFILES } from '@/test-utils/auth'
import { AdminOperationsPage } from '@/pages/AdminOperationsPage'
import { FILTER_MESSAGES } from '../lib/admin-filters'
import { ANA, PRESTADOR_ROWS, TestApp, bookingWorld, dayButton, fakeSupabase, filterValue, futureWeekday, pickDay, type FakeRequest, type FakeResponse } from './test-support'

vi.mock('@/lib/supabase', async () => ({ supabase: (await import('./fake-supabase')).fakeSupabase }))
// The day picker renders four weeks of buttons: slow on a loaded machine.
vi.setConfig({ testTimeout: 30_000 })

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

// 45 sessions: 5 not over yet (listed first, soonest first), then 40 past ones (latest first).
const UPCOMING = 5
const PAST = 40
/** The table's requests: two counts (upcoming, past), then the page's slice of each. */
const tableRequests = () => fakeSupabase.find('bookings', 'select').filter((r) => r.count === 'exact' || r.range !== null)
const countRequests = () => tableRequests().filter((r) => r.head)
const isUpcoming = (r: FakeRequest) => filterValue(r, 'gte', 'ends_at') !== undefined
/** The last page's slices: [upcoming range, past range] (null when that part is not on the page). */
function lastSlices(): [FakeRequest['range'], FakeRequest['range']] {
  const rows = tableRequests().filter((r) => !r.head)
  const lastCount = tableRequests().lastIndexOf(countRequests().at(-1)!)
  const after = tableRequests().slice(lastCount + 1).filter((r) => rows.includes(r))
  return [after.find(isUpcoming)?.range ?? null, after.find((r) => !isUpcoming(r))?.range ?? null]
}

let missingLinkRows: ReturnType<typeof booking>[] = []

function handler(request: FakeRequest) {
  if (request.table === 'companies') return { data: [{ id: ACME, name: 'Acme Portugal' }, { id: BETA, name: 'Beta Lda' }] }
  if (request.table === 'prestadores') return { data: PRESTADOR_ROWS }
  if (request.table === 'bookings' && request.head) return { data: null, count: isUpcoming(request) ? UPCOMING : PAST }
  if (request.table === 'bookings' && request.range) {
    const [from, to] = request.range
    const [offset, size] = isUpcoming(request) ? [0, UPCOMING] : [UPCOMING, PAST]
    const rows = Array.from({ length: Math.max(0, Math.min(to, size - 1) - from + 1) }, (_, i) => booking(offset + from + i + 1))
    return { data: rows }
  }
  if (request.table === 'bookings') return { data: missingLinkRows } // "Sem link"
  return { data: null, error: { code: 'TEST', message: 'unexpected' } }
}

/** Answers of the lifecycle RPCs (reschedule_booking, cancel_booking); the default refuses. */
let lifecycle: (request: FakeRequest) => FakeResponse = () => ({ data: null, error: { code: 'TEST', message: 'unexpected rpc' } })

function renderPage(path: string, missing: ReturnType<typeof booking>[] = []) {
  missingLinkRows = missing
  // The slot reads (hours, busy times...) of the admin's reschedule, then the page's own.
  fakeSupabase.reset(bookingWorld((request) => (request.op === 'rpc' ? lifecycle(request) : handler(request))).handler)
  render(<TestApp profile={PROFILES.admin} path={path} routes={[{ path: '/admin/operations', element: <AdminOperationsPage /> }]} />)
}

describe('admin bookings table: filters in the URL, filtered and paginated on the server', () => {
  it('reads the filters from the URL and sends them to PostgREST with the page range and an exact count', async () => {
    renderPage(`/admin/operations?company=${ACME}&status=scheduled&type=virtual&from=2026-11-01&to=2026-11-30&page=2`)
    await screen.findByRole('table')
    const request = countRequests().at(-1)!
    expect(filterValue(request, 'eq', 'company_id')).toBe(ACME)
    expect(filterValue(request, 'eq', 'status')).toBe('scheduled')
    expect(filterValue(request, 'eq', 'meeting_type')).toBe('virtual')
    // Days are the admin's (Lisbon): 1 Nov 00:00 to the end of 30 Nov.
    expect(filterValue(request, 'gte', 'starts_at')).toBe('2026-11-01T00:00:00.000Z')
    expect(filterValue(request, 'lt', 'starts_at')).toBe('2026-12-01T00:00:00.000Z')
    // Page 2 of "5 upcoming, then 40 past": rows 20-39 are past rows 15-34.
    expect(lastSlices()).toEqual([null, [15, 34]])
    expect(tableRequests().at(-1)!.columns).toContain('profiles!bookings_user_id_fkey(name, email)')
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
    expect(lastSlices()).toEqual([[0, 4], [0, 14]])
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
    expect(lastSlices()).toEqual([null, [15, 34]])

    await user.click(screen.getByRole('button', { name: 'Limpar filtros' }))
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/admin\/operations$/))
    expect(screen.getByRole('form', { name: 'Filtros' })).toHaveFormValues({ status: '' })
  })

  it('lists sessions not over yet first (soonest at the top), then past ones (latest first)', async () => {
    renderPage('/admin/operations')
    await screen.findByText('Página 1 de 3 · 45 sessões')
    const [upcoming, past] = [tableRequests().find((r) => !r.head && isUpcoming(r))!, tableRequests().find((r) => !r.head && !isUpcoming(r))!]
    // "Over" is the end: a session under way is still upcoming.
    expect(Date.parse(filterValue(upcoming, 'gte', 'ends_at') as string)).toBe(Date.parse(filterValue(past, 'lt', 'ends_at') as string))
    expect(upcoming.order[0]).toEqual(['starts_at', true])
    expect(past.order[0]).toEqual(['starts_at', false])
    expect(lastSlices()).toEqual([[0, 4], [0, 14]])
    // The page shows the upcoming part, then the past part.
    const rows = screen.getAllByRole('row').slice(1)
    expect(rows).toHaveLength(20)
    expect(rows[0]).toHaveTextContent('Colaborador 1')
    expect(rows[5]).toHaveTextContent('Colaborador 6')
  })

  it('"Virtual sem link" over a chosen range: in the URL, sent as virtual, active, without a saved link', async () => {
    renderPage('/admin/operations')
    await screen.findByRole('table')
    const user = userEvent.setup()
    const form = screen.getByRole('form', { name: 'Filtros' })
    await user.click(within(form).getByRole('checkbox', { name: /Virtual sem link/ }))
    await user.type(within(form).getByLabelText('De'), '2026-12-01')
    await user.type(within(form).getByLabelText('Até'), '2027-01-31')
    await user.click(within(form).getByRole('button', { name: 'Filtrar' }))

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/admin/operations?missing_link=1&from=2026-12-01&to=2027-01-31'))
    await waitFor(() => expect(filterValue(countRequests().at(-1)!, 'is', 'booking_links')).toBe(null))
    for (const request of tableRequests().slice(-4)) {
      expect(filterValue(request, 'eq', 'meeting_type')).toBe('virtual')
      expect(filterValue(request, 'in', 'status')).toEqual(['pending', 'scheduled'])
      expect(filterValue(request, 'not.is', 'booking_links.meeting_link')).toBe(null)
      expect(request.filters).toContainEqual(['is', 'booking_links', null])
      expect(filterValue(request, 'gte', 'starts_at')).toBe('2026-12-01T00:00:00.000Z')
    }
    // With "Telefone" it cannot apply: said next to "Tipo", nothing sent.
    const before = tableRequests().length
    await user.selectOptions(within(screen.getByRole('form', { name: 'Filtros' })).getByLabelText('Tipo'), 'phone')
    await user.click(within(screen.getByRole('form', { name: 'Filtros' })).getByRole('button', { name: 'Filtrar' }))
    expect(within(screen.getByRole('form', { name: 'Filtros' })).getByLabelText('Tipo')).toHaveAccessibleDescription(FILTER_MESSAGES.missingLinkType)
    expect(tableRequests()).toHaveLength(before)
  })

  it('a malformed URL filter is ignored, not sent', async () => {
    renderPage("/admin/operations?company=acme'--&status=lost")
    await screen.findByRole('table')
    // Only the upcoming/past split.
    expect(countRequests().at(-1)!.filters.filter(([, column]) => column !== 'ends_at')).toEqual([])
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
    expect(screen.getByRole('link', { name: 'Ver todas as sessões virtuais sem link, em qualquer data' })).toHaveAttribute('href', '/admin/operations?missing_link=1#all-bookings-title')

    const request = fakeSupabase.find('bookings', 'select').find((r) => r.count !== 'exact' && r.range === null)!
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
    expect(within(dialog).getByLabelText('Link da reunião')).toHaveValue('')
    expect(within(dialog).getByRole('button', { name: 'Guardar link' })).toBeInTheDocument()
  })
})

describe("the admin's reschedule and cancel: the session-management forms", () => {
  const DAY = futureWeekday(2) // a Tuesday more than a week ahead: Ana works 09:00-12:00
  const rescheduled = (args: { p_starts_at: string; p_ends_at: string }) => ({
    data: { ...booking(1), starts_at: args.p_starts_at.replace('Z', '+00:00'), ends_at: args.p_ends_at.replace('Z', '+00:00') },
  })

  async function openAction(action: 'Reagendar' | 'Cancelar', title: string) {
    renderPage('/admin/operations')
    await screen.findByRole('table')
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: `${action}: Colaborador 1 com Dra. Ana Ferreira` }))
    return { user, dialog: await screen.findByRole('dialog', { name: title }) }
  }

  it("reschedules into a free slot of the same prestador, then says so and closes", async () => {
    lifecycle = (request) => rescheduled(request.args as { p_starts_at: string; p_ends_at: string })
    const { user, dialog } = await openAction('Reagendar', 'Reagendar sessão')
    expect(within(dialog).queryByLabelText('Hora de início')).not.toBeInTheDocument()
    // The admin alone may go outside the prestador's hours, as a visible, confirmed step.
    expect(within(dialog).getByRole('button', { name: 'Fora do horário' })).toBeInTheDocument()
    await pickDay(user, DAY, dialog)
    const slots = await within(dialog).findByRole('group', { name: 'Horário' })
    const first = within(slots).getAllByRole('radio')[0]!
    await user.click(first)
    await user.click(within(dialog).getByRole('button', { name: 'Guardar nova data' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const [call] = fakeSupabase.find('reschedule_booking', 'rpc')
    const args = call!.args as { p_booking_id: string; p_starts_at: string; p_ends_at: string }
    expect(args.p_booking_id).toBe(booking(1).id)
    expect(args.p_starts_at.slice(0, 10)).toBe(DAY)
    // Ana's sessions are 45 minutes.
    expect(Date.parse(args.p_ends_at) - Date.parse(args.p_starts_at)).toBe(45 * 60_000)
    // The slots were Ana's.
    expect(fakeSupabase.find('prestador_busy_times', 'rpc').every((r) => (r.args as { p_prestador_id: string }).p_prestador_id === ANA)).toBe(true)
    expect(await screen.findByText(/^Sessão reagendada para /)).toBeInTheDocument()
  })

  it('a slot taken meanwhile is said next to the slots, which are fetched again', async () => {
    lifecycle = () => ({ data: null, status: 409, error: { code: 'PT409', message: 'booking_overlap', hint: 'O prestador já tem uma sessão nesse horário.' } })
    const { user, dialog } = await openAction('Reagendar', 'Reagendar sessão')
    await pickDay(user, DAY, dialog)
    const slots = await within(dialog).findByRole('group', { name: 'Horário' })
    await user.click(within(slots).getAllByRole('radio')[0]!)
    const reads = fakeSupabase.find('prestador_busy_times', 'rpc').length
    await user.click(within(dialog).getByRole('button', { name: 'Guardar nova data' }))

    expect(await within(dialog).findByText('Este horário acabou de ser reservado.')).toBeInTheDocument()
    await waitFor(() => expect(fakeSupabase.find('prestador_busy_times', 'rpc').length).toBeGreaterThan(reads))
    expect(screen.getByRole('dialog', { name: 'Reagendar sessão' })).toBeInTheDocument()
    expect(dayButton(DAY, dialog)).toHaveAttribute('aria-pressed', 'true')
  })

  it('cancels with a required reason, sent trimmed; then says so and closes', async () => {
    lifecycle = (request) => ({ data: { ...booking(1), status: 'cancelled', cancellation_reason: (request.args as { p_reason: string }).p_reason } })
    const { user, dialog } = await openAction('Cancelar', 'Cancelar sessão')
    const field = within(dialog).getByLabelText('Motivo do cancelamento')
    expect(dialog).toHaveTextContent('O motivo é enviado ao colaborador e ao prestador.')
    await user.click(within(dialog).getByRole('button', { name: 'Confirmar cancelamento' }))
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Indique o motivo do cancelamento.'))
    expect(field).toHaveFocus()
    expect(fakeSupabase.find('cancel_booking', 'rpc')).toHaveLength(0)

    await user.type(field, '  Prestador indisponível  ')
    await user.click(within(dialog).getByRole('button', { name: 'Confirmar cancelamento' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(fakeSupabase.find('cancel_booking', 'rpc')[0]!.args).toEqual({ p_booking_id: booking(1).id, p_reason: 'Prestador indisponível' })
    expect(await screen.findByText('Sessão cancelada.')).toBeInTheDocument()
  })

  it("a refusal of the server stays in the dialog, in the shared pt-PT words", async () => {
    lifecycle = () => ({ data: null, status: 400, error: { code: '22023', message: 'booking_not_active', hint: 'x' } })
    const { user, dialog } = await openAction('Cancelar', 'Cancelar sessão')
    await user.type(within(dialog).getByLabelText('Motivo do cancelamento'), 'Duplicada')
    await user.click(within(dialog).getByRole('button', { name: 'Confirmar cancelamento' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Esta sessão já não está ativa (foi cancelada ou já foi realizada).')
    expect(within(dialog).getByLabelText('Motivo do cancelamento')).toHaveValue('Duplicada')
  })
})
