import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useQuery, type QueryClient } from '@tanstack/react-query'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { sessionKeys } from '@/features/sessions'
import { SAVE_MEETING_LINK_MESSAGES } from '../api/save-meeting-link'
import {
  createFakeServer,
  createTestQueryClient,
  deferred,
  OTHER_STAFF_ID,
  STAFF_ID,
  virtualBooking,
  wrapperFor,
  type FakeServer,
} from '../hooks/test-support'
import type { MeetingLinkBooking } from '../hooks/use-meeting-link'
import { MeetingLinkEditor } from './MeetingLinkEditor'

const holder = vi.hoisted(() => ({ server: null as null | { rpc: (...a: never[]) => unknown; from: (...a: never[]) => unknown } }))
vi.mock('@/lib/supabase', () => ({
  supabase: {
    rpc: (...args: never[]) => holder.server!.rpc(...args),
    from: (...args: never[]) => holder.server!.from(...args),
  },
}))

const BOOKING = virtualBooking()
const OTHER = virtualBooking({ id: '22222222-2222-4222-8222-222222222222' })
const listKey = sessionKeys.list({ role: 'prestador', userId: 'pedro' })
const ZOOM = 'https://zoom.us/j/123456789'

let server: FakeServer
let listFetch: ReturnType<typeof vi.fn<() => Promise<MeetingLinkBooking[]>>>

beforeEach(() => {
  server = createFakeServer()
  holder.server = server as never
  // The prestador's list as the server returns it (staff always see the link row).
  listFetch = vi.fn(() =>
    Promise.resolve([BOOKING, OTHER].map((b) => ({ ...b, booking_links: server.embed(b.id) }))),
  )
})

/** A page that shows the editor for one row of a cached session list. */
function SessionModal({ bookingId, overrides }: { bookingId: string; overrides?: Partial<MeetingLinkBooking> }) {
  const query = useQuery({ queryKey: listKey, queryFn: listFetch, staleTime: Infinity })
  const booking = query.data?.find((b) => b.id === bookingId)
  if (!booking) return <p>A carregar…</p>
  return <MeetingLinkEditor booking={{ ...booking, ...overrides }} timeZone="Europe/Lisbon" />
}

async function renderEditor({ overrides }: { overrides?: Partial<MeetingLinkBooking> } = {}) {
  const queryClient = createTestQueryClient()
  const user = userEvent.setup()
  const view = render(<SessionModal bookingId={BOOKING.id} overrides={overrides} />, { wrapper: wrapperFor(queryClient) })
  const input = await screen.findByLabelText('Link da reunião')
  return { ...view, queryClient, user, input: input as HTMLInputElement }
}

const status = () => screen.getByRole('status')
const cachedLink = (queryClient: QueryClient, id = BOOKING.id) =>
  queryClient.getQueryData<MeetingLinkBooking[]>(listKey)?.find((b) => b.id === id)?.booking_links ?? null

describe('MeetingLinkEditor', () => {
  it('shows the label, the current link, its platform and who changed it last and when', async () => {
    const row = server.saveAs(BOOKING.id, ZOOM, OTHER_STAFF_ID)
    const { input } = await renderEditor()
    expect(input.tagName).toBe('INPUT')
    expect(screen.getByText('Link da reunião').tagName).toBe('LABEL')
    expect(input).toHaveValue(ZOOM)
    expect(input).toHaveAccessibleDescription('Plataforma detetada: Zoom')
    expect(await screen.findByText(/Último a alterar: Ana Especialista em/)).toHaveTextContent(
      'Último a alterar: Ana Especialista em sex., 20 nov., 10:00',
    )
    expect(screen.getByText('sex., 20 nov., 10:00')).toHaveAttribute('dateTime', row.updated_at)
    expect(screen.getByRole('button', { name: 'Guardar link' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Gerar link Jitsi' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Remover link' })).toBeEnabled()
    expect(status()).toBeEmptyDOMElement()
  })

  it('without a link: empty field, a hint, no "Remover link", no "Último a alterar"', async () => {
    const { input } = await renderEditor()
    expect(input).toHaveValue('')
    expect(input).toHaveAccessibleDescription(/Cole o link completo da sua plataforma/)
    expect(screen.queryByRole('button', { name: 'Remover link' })).not.toBeInTheDocument()
    expect(screen.queryByText(/Último a alterar/)).not.toBeInTheDocument()
  })

  it('shows the detected platform live as the person types a valid link', async () => {
    const { input, user } = await renderEditor()
    await user.type(input, 'https://teams.microsoft.com/l/meetup-join/19%3ameeting')
    expect(input).toHaveAccessibleDescription('Plataforma detetada: Microsoft Teams')
    expect(input).not.toHaveAttribute('aria-invalid')
  })

  it('invalid input: pt-PT error next to the field, text kept, no request, no success', async () => {
    const { input, user } = await renderEditor()
    await user.type(input, 'zoom.us/j/123')
    await user.click(screen.getByRole('button', { name: 'Guardar link' }))

    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription(/O link tem de começar por https:\/\/\./)
    expect(input).toHaveValue('zoom.us/j/123')
    expect(status()).toHaveTextContent('O link tem de começar por https://.')
    expect(server.rpc).not.toHaveBeenCalled()
    expect(screen.queryByText('Link guardado.')).not.toBeInTheDocument()

    // Fixing the text clears the error as the person types.
    await user.clear(input)
    await user.type(input, 'https://zoom.us/j/123')
    expect(input).not.toHaveAttribute('aria-invalid')
  })

  it.each([
    ['javascript:', 'javascript:alert(1)', 'O link tem de começar por https://.'],
    ['spaces', 'https://zoom.us/j/1 2', 'O link não pode conter espaços.'],
    ['empty', '   ', 'Indique o link da reunião.'],
  ])('refuses %s before any request', async (_label, text, message) => {
    const { input, user } = await renderEditor()
    await user.type(input, text)
    await user.click(screen.getByRole('button', { name: 'Guardar link' }))
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription(expect.stringContaining(message))
    expect(server.rpc).not.toHaveBeenCalled()
  })

  it('success: "Link guardado." only after the RPC resolved, then the list cache has the link', async () => {
    const { input, user, queryClient } = await renderEditor()
    const gate = deferred<void>()
    server.nextRpc(async (args) => {
      await gate.promise
      return server.answer(args)
    })

    await user.type(input, 'https://Zoom.us/j/123456789')
    await user.click(screen.getByRole('button', { name: 'Guardar link' }))

    await waitFor(() => expect(status()).toHaveTextContent('A guardar o link…'))
    expect(screen.queryByText('Link guardado.')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Guardar link' })).toHaveAttribute('aria-disabled', 'true')
    expect(input).toHaveAttribute('readonly')
    expect(cachedLink(queryClient)).toBeNull()
    const fetchesBefore = listFetch.mock.calls.length

    await act(async () => gate.resolve())

    await waitFor(() => expect(status()).toHaveTextContent('Link guardado.'))
    const saved = server.links.get(BOOKING.id)!
    expect(saved.meeting_link).toBe(ZOOM)
    expect(cachedLink(queryClient)).toEqual({ meeting_link: ZOOM, updated_at: saved.updated_at, updated_by: saved.updated_by })
    expect(cachedLink(queryClient, OTHER.id)).toBeNull()
    // The field now shows the saved (normalised) value, and the list is refetched.
    expect(input).toHaveValue(ZOOM)
    expect(input).not.toHaveAttribute('readonly')
    await waitFor(() => expect(listFetch.mock.calls.length).toBeGreaterThan(fetchesBefore))
    expect(await screen.findByRole('button', { name: 'Remover link' })).toBeInTheDocument()
    expect(await screen.findByText(/Último a alterar: Dr. Pedro Santos em/)).toBeInTheDocument()
  })

  it('keeps focus on "Guardar link" through the save: aria-disabled while saving, never disabled (a disabled button drops focus to <body>)', async () => {
    const { input, user } = await renderEditor()
    const gate = deferred<void>()
    server.nextRpc(async (args) => {
      await gate.promise
      return server.answer(args)
    })
    await user.type(input, ZOOM)
    const save = screen.getByRole('button', { name: 'Guardar link' })
    save.focus()
    await user.keyboard('{Enter}')

    await waitFor(() => expect(status()).toHaveTextContent('A guardar o link…'))
    expect(save).toHaveFocus()
    expect(save).toBeEnabled()
    expect(save).toHaveAttribute('aria-disabled', 'true')
    for (const name of ['Gerar link Jitsi']) {
      expect(screen.getByRole('button', { name })).toBeEnabled()
      expect(screen.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true')
    }
    // Pressed again while saving: nothing is sent twice, the field is not touched.
    await user.keyboard('{Enter}')
    act(() => screen.getByRole('button', { name: 'Gerar link Jitsi' }).click())
    expect(server.rpc).toHaveBeenCalledTimes(1)
    expect(input).toHaveValue(ZOOM)

    await act(async () => gate.resolve())
    await waitFor(() => expect(status()).toHaveTextContent('Link guardado.'))
    expect(save).toHaveFocus()
    expect(save).not.toHaveAttribute('aria-disabled')
  })

  it('"Remover link" goes away with the link: focus moves to the message "Link removido." instead of <body>', async () => {
    server.saveAs(BOOKING.id, ZOOM)
    await renderEditor()
    const user = userEvent.setup()
    const remove = screen.getByRole('button', { name: 'Remover link' })
    remove.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(status()).toHaveTextContent('Link removido.'))
    expect(remove).not.toBeInTheDocument()
    await waitFor(() => expect(status()).toHaveFocus())
  })

  it('stale, "Substituir pelo meu": the notice goes away with the save and focus moves to "Link guardado."', async () => {
    const { input, user } = await renderEditor()
    server.saveAs(BOOKING.id, 'https://whereby.com/sala-ana', OTHER_STAFF_ID)
    await user.type(input, ZOOM)
    await user.click(screen.getByRole('button', { name: 'Guardar link' }))
    const overwrite = await screen.findByRole('button', { name: 'Substituir pelo meu' })
    overwrite.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(status()).toHaveTextContent('Link guardado.'))
    expect(overwrite).not.toBeInTheDocument()
    await waitFor(() => expect(status()).toHaveFocus())
  })

  it('network failure: the typed text stays, the error says what to do, no success message', async () => {
    const { input, user, queryClient } = await renderEditor()
    server.nextRpc(() =>
      Promise.resolve({ data: null, error: { message: 'TypeError: Failed to fetch', code: '', details: '', hint: '' }, status: 0 }),
    )
    await user.type(input, 'https://meet.google.com/abc-defg-hij')
    await user.click(screen.getByRole('button', { name: 'Guardar link' }))

    await waitFor(() => expect(status()).toHaveTextContent(SAVE_MEETING_LINK_MESSAGES.network))
    expect(status()).toHaveTextContent('Não foi possível guardar o link. Verifique a ligação e tente novamente.')
    expect(input).toHaveValue('https://meet.google.com/abc-defg-hij')
    expect(screen.queryByText('Link guardado.')).not.toBeInTheDocument()
    expect(cachedLink(queryClient)).toBeNull()
    expect(screen.getByRole('button', { name: 'Guardar link' })).toBeEnabled()

    // Trying again works.
    await user.click(screen.getByRole('button', { name: 'Guardar link' }))
    await waitFor(() => expect(status()).toHaveTextContent('Link guardado.'))
  })

  it('forbidden: explains who may change the link', async () => {
    const { input, user } = await renderEditor()
    server.nextRpc(() => Promise.resolve({ data: null, error: { code: '42501', message: 'meeting_link_not_allowed' }, status: 403 }))
    await user.type(input, ZOOM)
    await user.click(screen.getByRole('button', { name: 'Guardar link' }))
    await waitFor(() => expect(status()).toHaveTextContent(/Não tem permissão para alterar o link desta sessão/))
    expect(input).toHaveValue(ZOOM)
  })

  it('stale: shows that someone else changed it and the current value; "Substituir pelo meu" retries with the fresh version', async () => {
    const { input, user, queryClient } = await renderEditor()
    // Meanwhile the especialista saves another link.
    const theirs = server.saveAs(BOOKING.id, 'https://whereby.com/sala-ana', OTHER_STAFF_ID)

    await user.type(input, ZOOM)
    await user.click(screen.getByRole('button', { name: 'Guardar link' }))

    const notice = await screen.findByRole('group', { name: 'O link foi alterado por outra pessoa.' })
    expect(within(notice).getByText('https://whereby.com/sala-ana')).toBeInTheDocument()
    expect(input).toHaveValue(ZOOM)
    expect(screen.queryByText('Link guardado.')).not.toBeInTheDocument()
    expect(cachedLink(queryClient)).toEqual({ meeting_link: theirs.meeting_link, updated_at: theirs.updated_at, updated_by: OTHER_STAFF_ID })
    expect(server.links.get(BOOKING.id)?.meeting_link).toBe('https://whereby.com/sala-ana')

    await user.click(within(notice).getByRole('button', { name: 'Substituir pelo meu' }))
    await waitFor(() => expect(status()).toHaveTextContent('Link guardado.'))
    expect(server.rpc.mock.calls[1]?.[1]).toEqual({
      p_booking_id: BOOKING.id,
      p_meeting_link: ZOOM,
      p_expected_updated_at: theirs.updated_at,
    })
    expect(server.links.get(BOOKING.id)?.meeting_link).toBe(ZOOM)
    expect(screen.queryByRole('group', { name: 'O link foi alterado por outra pessoa.' })).not.toBeInTheDocument()
  })

  it('stale: "Usar o link atual" puts the current value in the field', async () => {
    const { input, user } = await renderEditor()
    server.saveAs(BOOKING.id, 'https://whereby.com/sala-ana', OTHER_STAFF_ID)
    await user.type(input, ZOOM)
    await user.click(screen.getByRole('button', { name: 'Guardar link' }))
    await user.click(await screen.findByRole('button', { name: 'Usar o link atual' }))
    expect(input).toHaveValue('https://whereby.com/sala-ana')
    expect(input).toHaveFocus()
    expect(screen.queryByRole('group')).not.toBeInTheDocument()
    expect(status()).toBeEmptyDOMElement()
    expect(server.rpc).toHaveBeenCalledTimes(1)
  })

  it('"Gerar link Jitsi" fills the field and saves nothing by itself', async () => {
    const { input, user } = await renderEditor()
    await user.click(screen.getByRole('button', { name: 'Gerar link Jitsi' }))
    expect(input.value).toMatch(/^https:\/\/meet\.jit\.si\/Encontro-[a-z2-7]{32}$/)
    expect(input).toHaveAccessibleDescription('Plataforma detetada: Jitsi Meet')
    expect(server.rpc).not.toHaveBeenCalled()
  })

  it('"Remover link" clears it after the server confirmed', async () => {
    server.saveAs(BOOKING.id, ZOOM)
    const { input, user, queryClient } = await renderEditor()
    await user.click(screen.getByRole('button', { name: 'Remover link' }))
    await waitFor(() => expect(status()).toHaveTextContent('Link removido.'))
    expect(server.rpc.mock.calls[0]?.[1].p_meeting_link).toBeNull()
    expect(input).toHaveValue('')
    expect(cachedLink(queryClient)?.meeting_link ?? null).toBeNull()
    expect(screen.queryByRole('button', { name: 'Remover link' })).not.toBeInTheDocument()
  })

  it('follows the server value while the person has not edited; keeps the draft once they have', async () => {
    const { input, user, queryClient } = await renderEditor()
    const setServerLink = (meeting_link: string, by?: string) =>
      act(() => {
        const row = server.saveAs(BOOKING.id, meeting_link, by)
        queryClient.setQueryData<MeetingLinkBooking[]>(listKey, (old) =>
          old?.map((b) => (b.id === BOOKING.id ? { ...b, booking_links: { meeting_link, updated_at: row.updated_at, updated_by: row.updated_by } } : b)),
        )
      })
    setServerLink('https://zoom.us/j/1')
    await waitFor(() => expect(input).toHaveValue('https://zoom.us/j/1'))
    await user.clear(input)
    await user.type(input, 'https://zoom.us/j/mine')
    setServerLink('https://zoom.us/j/2', STAFF_ID)
    // The editor has seen the new value (who changed it is updated) but keeps the draft.
    expect(await screen.findByText(/Último a alterar: Dr. Pedro Santos/)).toBeInTheDocument()
    expect(input).toHaveValue('https://zoom.us/j/mine')
  })

  it.each([
    ['phone', { meeting_type: 'phone' as const }, 'Esta sessão não é virtual (telefone ou presencial): não precisa de link de reunião.'],
    ['presencial', { meeting_type: 'presencial' as const }, 'Esta sessão não é virtual (telefone ou presencial): não precisa de link de reunião.'],
    ['cancelled', { status: 'cancelled' as const }, 'Esta sessão foi cancelada: o link já não pode ser alterado.'],
    ['completed', { status: 'completed' as const }, 'Esta sessão já foi realizada: o link já não pode ser alterado.'],
  ])('disabled with an explanation for a %s session', async (_label, overrides, explanation) => {
    const { input } = await renderEditor({ overrides })
    expect(input).toBeDisabled()
    expect(input).toHaveAccessibleDescription(explanation)
    expect(screen.getByRole('button', { name: 'Guardar link' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Gerar link Jitsi' })).toBeDisabled()
  })
})
