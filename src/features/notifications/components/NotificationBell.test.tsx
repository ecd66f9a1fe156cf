import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PROFILES } from '@/test-utils/auth'
import { sessionKeys } from '@/features/sessions/api/keys'
import { MARK_READ_MESSAGES } from '../api/mutations'
import { notificationKeys } from '../api/keys'
import {
  createNotificationServer,
  createTestQueryClient,
  deferred,
  notification,
  providersFor,
  type NotificationServer,
} from '../test-support'
import { NOTIFICATIONS_REFETCH_INTERVAL_MS } from '../api/unread-count'
import { NotificationBell, type NotificationBellProps } from './NotificationBell'

const holder = vi.hoisted(() => ({ server: null as null | { rpc: (...a: never[]) => unknown; from: (...a: never[]) => unknown } }))
vi.mock('@/lib/supabase', () => ({
  supabase: {
    rpc: (...args: never[]) => holder.server!.rpc(...args),
    from: (...args: never[]) => holder.server!.from(...args),
  },
}))

let server: NotificationServer

const linkSaved = notification({ id: 'n-link', booking_id: 'b-2h', kind: 'link_saved', created_at: '2026-11-20T10:05:00+00:00' })
const cancelled = notification({
  id: 'n-cancel',
  booking_id: 'b-cancel',
  kind: 'booking_cancelled',
  payload: { reason: 'Prestador indisponível', starts_at: '2026-11-25T14:00:00+00:00' },
  created_at: '2026-11-20T10:00:00+00:00',
})
const oldRead = notification({
  id: 'n-old',
  booking_id: 'b-old',
  kind: 'link_changed',
  created_at: '2026-11-19T09:00:00+00:00',
  read_at: '2026-11-19T09:30:00+00:00',
})

beforeEach(() => {
  server = createNotificationServer([cancelled, oldRead, linkSaved])
  holder.server = server as never
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  localStorage.clear()
})

function renderBell(profile: NotificationBellProps['profile'] = PROFILES.user, initialPath = '/start') {
  const queryClient = createTestQueryClient()
  const user = userEvent.setup()
  const view = render(<NotificationBell profile={profile} />, { wrapper: providersFor(queryClient, initialPath) })
  return { queryClient, user, ...view }
}

const bell = (name: string | RegExp = /^Notificações/) => screen.getByRole('button', { name })
const liveRegion = () => screen.getAllByRole('status').find((el) => el.getAttribute('aria-live') === 'polite' && el.className.includes('fixed'))!

async function openList(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Notificações, 2 por ler' }))
  return screen.findByRole('list', { name: 'Notificações' })
}

describe('NotificationBell: count', () => {
  it('names the button with the unread count and shows it as a badge', async () => {
    renderBell()
    const button = await screen.findByRole('button', { name: 'Notificações, 2 por ler' })
    expect(button).toHaveAttribute('aria-expanded', 'false')
    expect(within(button).getByTestId('notification-count')).toHaveTextContent('2')
  })

  it('no badge when nothing is unread', async () => {
    server.rows.forEach((r) => (r.read_at ??= '2026-11-20T11:00:00+00:00'))
    renderBell()
    const button = await screen.findByRole('button', { name: 'Notificações, 0 por ler' })
    expect(within(button).queryByTestId('notification-count')).toBeNull()
  })

  it('goes up without reload when a notification arrives (15 s poll), and refreshes the session lists', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    const { queryClient } = renderBell()
    await screen.findByRole('button', { name: 'Notificações, 2 por ler' })
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries')
    server.insert(notification({ id: 'n-new', kind: 'link_changed', created_at: '2026-11-20T11:00:00+00:00' }))
    await act(() => vi.advanceTimersByTimeAsync(NOTIFICATIONS_REFETCH_INTERVAL_MS))
    await screen.findByRole('button', { name: 'Notificações, 3 por ler' })
    expect(invalidate).toHaveBeenCalledWith({ queryKey: sessionKeys.all })
    // The list too, even though the panel is closed (refetchType 'all'), so it is fresh when opened.
    expect(invalidate).toHaveBeenCalledWith({ queryKey: notificationKeys.list(PROFILES.user.id), refetchType: 'all' })
  })
})

describe('NotificationBell: list', () => {
  it('opens a list, newest first, with pt-PT texts in the viewer zone and links to their session page', async () => {
    const { user } = renderBell()
    const list = await openList(user)
    expect(bell()).toHaveAttribute('aria-expanded', 'true')
    const items = within(list).getAllByRole('listitem')
    expect(items.map((li) => li.getAttribute('data-notification-kind'))).toEqual(['link_saved', 'booking_cancelled', 'link_changed'])
    const cancelLink = within(items[1]!).getByRole('link')
    expect(cancelLink).toHaveAccessibleName('Por ler. Sessão cancelada A sessão de qua., 25 nov., 14:00 foi cancelada. Motivo: Prestador indisponível sex., 20 nov., 10:00')
    expect(cancelLink).toHaveTextContent('A sessão de qua., 25 nov., 14:00 foi cancelada. Motivo: Prestador indisponível')
    expect(cancelLink).toHaveAttribute('href', '/user/sessions#session-b-cancel')
    expect(within(items[2]!).getByRole('link')).toHaveTextContent('O link anterior deixou de ser válido.')
    // Read ones have no "Marcar como lida".
    expect(within(items[2]!).queryByRole('button', { name: 'Marcar como lida' })).toBeNull()
  })

  it('a prestador sees "consigo" and links to /prestador/sessions; an admin to /admin/operations', async () => {
    server.rows.splice(0, server.rows.length)
    server.insert(notification({ id: 'n-b', booking_id: 'b-9', kind: 'booking_created', payload: { starts_at: '2026-11-25T14:00:00Z' } }))
    const { user, unmount } = renderBell(PROFILES.prestador)
    await user.click(await screen.findByRole('button', { name: 'Notificações, 1 por ler' }))
    const link = await screen.findByRole('link', { name: /Nova sessão marcada consigo/ })
    expect(link).toHaveAttribute('href', '/prestador/sessions#session-b-9')
    unmount()

    renderBell(PROFILES.admin)
    await userEvent.click(await screen.findByRole('button', { name: 'Notificações, 1 por ler' }))
    expect(await screen.findByRole('link', { name: /Nova sessão marcada/ })).toHaveAttribute('href', '/admin/operations')
  })

  it('says so when there are none', async () => {
    server.rows.splice(0, server.rows.length)
    const { user } = renderBell()
    await user.click(await screen.findByRole('button', { name: 'Notificações, 0 por ler' }))
    expect(await screen.findByText('Não tem notificações.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Marcar todas como lidas' })).toBeNull()
  })

  it('clicking a notification opens the session, marks it read and closes the list', async () => {
    const { user } = renderBell()
    const list = await openList(user)
    await user.click(within(list).getByRole('link', { name: /Sessão cancelada/ }))
    expect(screen.getByTestId('location')).toHaveTextContent('/user/sessions#session-b-cancel')
    expect(screen.queryByRole('list', { name: 'Notificações' })).toBeNull()
    await waitFor(() => expect(server.rows.find((r) => r.id === 'n-cancel')!.read_at).not.toBeNull())
    await screen.findByRole('button', { name: 'Notificações, 1 por ler' })
  })
})

describe('NotificationBell: marking read', () => {
  it('"Marcar como lida" updates the list and count at once, before the server answers, then keeps them', async () => {
    const { user } = renderBell()
    const list = await openList(user)
    const held = deferred<{ data: null; error: null }>()
    server.nextUpdate(() => held.promise)
    const item = within(list).getAllByRole('listitem')[0]!
    await user.click(within(item).getByRole('button', { name: 'Marcar como lida' }))
    expect(bell()).toHaveAccessibleName('Notificações, 1 por ler')
    expect(within(item).queryByRole('button', { name: 'Marcar como lida' })).toBeNull()
    // Focus stays on that notification (its button went away).
    expect(within(item).getByRole('link')).toHaveFocus()
    expect(server.updates()).toHaveLength(1)
    expect(server.updates()[0]!.filters).toEqual(
      expect.arrayContaining([{ op: 'eq', column: 'id', value: 'n-link' }, { op: 'is', column: 'read_at', value: null }]),
    )
    // The server applies it and answers OK.
    server.rows.find((r) => r.id === 'n-link')!.read_at = '2026-11-20T12:00:00+00:00'
    await act(async () => held.resolve({ data: null, error: null }))
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notificações, 1 por ler'))
    expect(liveRegion()).not.toHaveTextContent(MARK_READ_MESSAGES.oneFailed)
  })

  it('an error puts it back to unread, restores the count and says so in the live region', async () => {
    const { user } = renderBell()
    const list = await openList(user)
    const held = deferred<{ data: null; error: unknown }>()
    server.nextUpdate(() => held.promise)
    const item = within(list).getAllByRole('listitem')[0]!
    await user.click(within(item).getByRole('button', { name: 'Marcar como lida' }))
    expect(bell()).toHaveAccessibleName('Notificações, 1 por ler')
    await act(async () => held.resolve({ data: null, error: { code: '42501', message: 'permission denied' } }))
    expect(await within(item).findByRole('button', { name: 'Marcar como lida' })).toBeInTheDocument()
    expect(bell()).toHaveAccessibleName('Notificações, 2 por ler')
    expect(liveRegion()).toHaveTextContent(MARK_READ_MESSAGES.oneFailed)
    expect(server.rows.every((r) => r.id === 'n-old' || r.read_at === null)).toBe(true)
  })

  it('"Marcar todas como lidas": everything read at once, success only once the server agreed', async () => {
    const { user } = renderBell()
    await openList(user)
    const held = deferred<{ data: null; error: null }>()
    server.nextUpdate(() => held.promise)
    await user.click(screen.getByRole('button', { name: 'Marcar todas como lidas' }))
    expect(bell()).toHaveAccessibleName('Notificações, 0 por ler')
    expect(screen.queryAllByRole('button', { name: 'Marcar como lida' })).toHaveLength(0)
    expect(screen.getByRole('heading', { name: 'Notificações' })).toHaveFocus()
    expect(liveRegion()).not.toHaveTextContent(MARK_READ_MESSAGES.allDone)
    const update = server.updates()[0]!
    expect(update.filters).toEqual(
      expect.arrayContaining([{ op: 'eq', column: 'recipient_id', value: PROFILES.user.id }, { op: 'is', column: 'read_at', value: null }]),
    )
    server.rows.forEach((r) => (r.read_at ??= '2026-11-20T12:00:00+00:00'))
    await act(async () => held.resolve({ data: null, error: null }))
    await waitFor(() => expect(liveRegion()).toHaveTextContent(MARK_READ_MESSAGES.allDone))
    expect(bell()).toHaveAccessibleName('Notificações, 0 por ler')
  })

  it('"Marcar todas como lidas" failing (network) rolls everything back and never claims success', async () => {
    const { user } = renderBell()
    await openList(user)
    server.nextUpdate(() => Promise.reject(new TypeError('Failed to fetch')))
    await user.click(screen.getByRole('button', { name: 'Marcar todas como lidas' }))
    await waitFor(() => expect(liveRegion()).toHaveTextContent(MARK_READ_MESSAGES.allFailed))
    expect(bell()).toHaveAccessibleName('Notificações, 2 por ler')
    expect(screen.getAllByRole('button', { name: 'Marcar como lida' })).toHaveLength(2)
    expect(liveRegion()).not.toHaveTextContent(MARK_READ_MESSAGES.allDone)
  })
})

describe('NotificationBell: keyboard', () => {
  it('Enter opens, Tab reaches the items, Escape closes and returns focus to the bell', async () => {
    const { user } = renderBell()
    await screen.findByRole('button', { name: 'Notificações, 2 por ler' })
    await user.tab() // "Antes"
    await user.tab()
    expect(bell()).toHaveFocus()
    await user.keyboard('{Enter}')
    await screen.findByRole('list', { name: 'Notificações' })
    expect(bell()).toHaveAttribute('aria-controls', screen.getByRole('region', { name: 'Notificações' }).id)
    await user.tab()
    expect(screen.getByRole('button', { name: 'Marcar todas como lidas' })).toHaveFocus()
    await user.tab()
    expect(screen.getAllByRole('link')[0]).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('region', { name: 'Notificações' })).toBeNull()
    expect(bell()).toHaveFocus()
    expect(bell()).toHaveAttribute('aria-expanded', 'false')
  })

  it('closes when focus or a click goes elsewhere on the page', async () => {
    const { user } = renderBell()
    await openList(user)
    await user.click(screen.getByRole('button', { name: 'Depois' }))
    expect(screen.queryByRole('region', { name: 'Notificações' })).toBeNull()
  })
})

describe('NotificationBell: browser alerts (employee)', () => {
  function stubNotification(permission: NotificationPermission, answer: NotificationPermission = 'granted') {
    const requestPermission = vi.fn(async () => {
      Fake.permission = answer
      return answer
    })
    const Fake = Object.assign(vi.fn(), { permission, requestPermission })
    vi.stubGlobal('Notification', Fake)
    return Fake
  }

  it('asks for permission only when "Ativar alertas do navegador" is pressed', async () => {
    const N = stubNotification('default')
    const { user } = renderBell()
    await openList(user)
    expect(N.requestPermission).not.toHaveBeenCalled()
    await user.click(screen.getByRole('button', { name: 'Ativar alertas do navegador' }))
    expect(N.requestPermission).toHaveBeenCalledTimes(1)
    expect(await screen.findByText('Os alertas do navegador estão ativos.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Desativar alertas do navegador' }))
    expect(screen.getByRole('button', { name: 'Ativar alertas do navegador' })).toBeInTheDocument()
  })

  it('says when the browser blocks them, and offers nothing to staff', async () => {
    stubNotification('denied')
    const { user, unmount } = renderBell()
    await openList(user)
    expect(screen.getByText(/Os alertas do navegador estão bloqueados/)).toBeInTheDocument()
    unmount()
    stubNotification('default')
    renderBell(PROFILES.prestador)
    await userEvent.click(await screen.findByRole('button', { name: 'Notificações, 2 por ler' }))
    await screen.findByRole('list', { name: 'Notificações' })
    expect(screen.queryByRole('button', { name: 'Ativar alertas do navegador' })).toBeNull()
  })
})
