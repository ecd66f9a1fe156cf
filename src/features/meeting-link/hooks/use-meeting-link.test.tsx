import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sessionKeys } from '@/features/sessions'
import { MEETING_LINK_ERRORS } from '../lib/parse-meeting-link'
import { SAVE_MEETING_LINK_MESSAGES } from '../api/save-meeting-link'
import {
  createFakeServer,
  createTestQueryClient,
  deferred,
  OTHER_STAFF_ID,
  virtualBooking,
  wrapperFor,
  type FakeServer,
  type RpcResponse,
} from './test-support'
import { useMeetingLink, type MeetingLinkBooking } from './use-meeting-link'

const holder = vi.hoisted(() => ({ server: null as null | { rpc: (...a: never[]) => unknown; from: (...a: never[]) => unknown } }))
vi.mock('@/lib/supabase', () => ({
  supabase: {
    rpc: (...args: never[]) => holder.server!.rpc(...args),
    from: (...args: never[]) => holder.server!.from(...args),
  },
}))

const A = virtualBooking({ id: 'aaaaaaaa-0000-4000-8000-000000000001' })
const B = virtualBooking({ id: 'bbbbbbbb-0000-4000-8000-000000000002' })
const userList = sessionKeys.list({ role: 'prestador', userId: 'p1' })
const adminPage = sessionKeys.listPage({ role: 'admin', userId: 'adm' }, { page: 0, pageSize: 20 })
const cases = sessionKeys.list({ role: 'especialista', userId: 'e1' })
const unrelated = ['profile', 'me'] as const

let server: FakeServer

beforeEach(() => {
  server = createFakeServer()
  holder.server = server as never
})

function setup(booking: MeetingLinkBooking = A) {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(userList, [A, B])
  queryClient.setQueryData(adminPage, { rows: [B, A], total: 2, page: 0, pageSize: 20 })
  queryClient.setQueryData(cases, [{ id: 'cr-1', booking: A }, { id: 'cr-2', booking: null }])
  queryClient.setQueryData(unrelated, { id: A.id, booking_links: 'untouched' })
  const hook = renderHook((props: { booking: MeetingLinkBooking }) => useMeetingLink(props.booking), {
    wrapper: wrapperFor(queryClient),
    initialProps: { booking },
  })
  return { queryClient, ...hook }
}

const linkIn = (data: unknown, id: string): unknown => {
  const found = JSON.stringify(data).includes(id)
  if (!found) return 'absent'
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk).find((x) => x !== undefined)
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>
      if (o.id === id && 'booking_links' in o) return o.booking_links
      return Object.values(o).map(walk).find((x) => x !== undefined)
    }
    return undefined
  }
  return walk(data)
}

describe('useMeetingLink: save', () => {
  it('refuses invalid text with the pt-PT error and makes no request', async () => {
    const { result } = setup()
    let outcome: unknown
    await act(async () => {
      outcome = await result.current.save('javascript:alert(1)')
    })
    expect(outcome).toEqual({ ok: false, kind: 'invalid', reason: 'not_https', message: MEETING_LINK_ERRORS.not_https })
    expect(server.rpc).not.toHaveBeenCalled()
    expect(result.current.status).toBe('error')
    expect(result.current.error).toBe('O link tem de começar por https://.')
    expect(result.current.errorKind).toBe('invalid')
  })

  it('saves the normalised link, reports saved only once the RPC returned the row, and updates every list', async () => {
    const { result, queryClient } = setup()
    const gate = deferred<void>()
    server.nextRpc(async (args) => {
      await gate.promise
      return server.answer(args)
    })

    let pending!: Promise<unknown>
    act(() => {
      pending = result.current.save('  https://ZOOM.us/j/123456789  ')
    })
    await waitFor(() => expect(result.current.status).toBe('saving'))
    expect(server.rpc).toHaveBeenCalledWith('save_meeting_link', {
      p_booking_id: A.id,
      p_meeting_link: 'https://zoom.us/j/123456789',
      p_expected_updated_at: null,
    })
    // Nothing in the cache changes before the server answered.
    expect(linkIn(queryClient.getQueryData(userList), A.id)).toBeNull()

    await act(async () => {
      gate.resolve()
      await pending
    })
    await waitFor(() => expect(result.current.status).toBe('saved'))
    const saved = server.links.get(A.id)!
    const embed = { meeting_link: 'https://zoom.us/j/123456789', updated_at: saved.updated_at, updated_by: saved.updated_by }
    expect(result.current.status).toBe('saved')
    expect(result.current.lastAction).toBe('saved')
    expect(result.current.link).toBe('https://zoom.us/j/123456789')
    expect(result.current.platform?.label).toBe('Zoom')
    expect(result.current.updatedAt).toBe(saved.updated_at)

    expect(linkIn(queryClient.getQueryData(userList), A.id)).toEqual(embed)
    expect(linkIn(queryClient.getQueryData(adminPage), A.id)).toEqual(embed)
    expect(linkIn(queryClient.getQueryData(cases), A.id)).toEqual(embed)
    expect(linkIn(queryClient.getQueryData(userList), B.id)).toBeNull()
    expect(queryClient.getQueryData(unrelated)).toEqual({ id: A.id, booking_links: 'untouched' })
    // ...and then the server's view wins.
    for (const key of [userList, adminPage, cases]) expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(unrelated)?.isInvalidated).toBe(false)
  })

  it('sends back the updated_at it saw, exactly (microseconds), on the next save', async () => {
    const row = server.saveAs(A.id, 'https://zoom.us/j/1')
    const { result } = setup({ ...A, booking_links: server.embed(A.id) })
    await act(() => result.current.save('https://zoom.us/j/2'))
    await waitFor(() => expect(result.current.link).toBe('https://zoom.us/j/2'))
    expect(server.rpc.mock.calls[0]?.[1].p_expected_updated_at).toBe(row.updated_at)
    expect(row.updated_at).toMatch(/\.\d{6}\+00:00$/)
    const afterFirst = server.links.get(A.id)?.updated_at
    // The prop is a snapshot that never changes: the hook still knows the saved row.
    await act(() => result.current.save('https://zoom.us/j/3'))
    expect(server.rpc.mock.calls[1]?.[1].p_expected_updated_at).toBe(afterFirst)
    await waitFor(() => expect(result.current.status).toBe('saved'))
    expect(result.current.link).toBe('https://zoom.us/j/3')
  })

  it('clear() saves null and the link disappears from the lists', async () => {
    server.saveAs(A.id, 'https://zoom.us/j/1')
    const { result, queryClient } = setup({ ...A, booking_links: server.embed(A.id) })
    await act(() => result.current.clear())
    expect(server.rpc.mock.calls[0]?.[1].p_meeting_link).toBeNull()
    await waitFor(() => expect(result.current.status).toBe('saved'))
    expect(result.current.lastAction).toBe('cleared')
    expect(result.current.link).toBeNull()
    expect(result.current.platform).toBeNull()
    expect((linkIn(queryClient.getQueryData(userList), A.id) as { meeting_link: unknown }).meeting_link).toBeNull()
  })

  it('stale: puts the current row in the cache, reports it, and a retry uses its updated_at', async () => {
    const { result, queryClient } = setup()
    const theirs = server.saveAs(A.id, 'https://teams.microsoft.com/l/meetup-join/abc', OTHER_STAFF_ID)

    let outcome: unknown
    await act(async () => {
      outcome = await result.current.save('https://zoom.us/j/123')
    })
    expect(outcome).toEqual({ ok: false, kind: 'stale', current: theirs, message: 'O link foi alterado por outra pessoa.' })
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toBe('O link foi alterado por outra pessoa.')
    expect(result.current.stale).toEqual({ current: theirs })
    expect(result.current.link).toBe(theirs.meeting_link)
    expect(result.current.updatedBy).toBe(OTHER_STAFF_ID)
    expect(linkIn(queryClient.getQueryData(userList), A.id)).toEqual({
      meeting_link: theirs.meeting_link,
      updated_at: theirs.updated_at,
      updated_by: OTHER_STAFF_ID,
    })
    expect(server.links.get(A.id)).toEqual(theirs)

    await act(() => result.current.save('https://zoom.us/j/123'))
    expect(server.rpc.mock.calls[1]?.[1].p_expected_updated_at).toBe(theirs.updated_at)
    await waitFor(() => expect(result.current.status).toBe('saved'))
    expect(result.current.stale).toBeNull()
  })

  it.each<[string, RpcResponse, string]>([
    ['network', { data: null, error: { message: 'TypeError: Failed to fetch', code: '' }, status: 0 }, SAVE_MEETING_LINK_MESSAGES.network],
    ['forbidden', { data: null, error: { code: '42501', message: 'meeting_link_not_allowed' }, status: 403 }, SAVE_MEETING_LINK_MESSAGES.forbidden],
    ['CHECK violation', { data: null, error: { code: '23514', message: 'check' }, status: 400 }, SAVE_MEETING_LINK_MESSAGES.invalid],
    ['no row in a 200', { data: null, error: null, status: 200 }, SAVE_MEETING_LINK_MESSAGES.unexpected],
  ])('%s: error status, message, cache untouched', async (_label, response, message) => {
    const { result, queryClient } = setup()
    const before = queryClient.getQueryData(userList)
    server.nextRpc(() => Promise.resolve(response))
    let outcome: { ok: boolean } | undefined
    await act(async () => {
      outcome = await result.current.save('https://zoom.us/j/123')
    })
    expect(outcome?.ok).toBe(false)
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toBe(message)
    expect(result.current.link).toBeNull()
    expect(queryClient.getQueryData(userList)).toBe(before)
    expect(queryClient.getQueryState(userList)?.isInvalidated).toBe(false)
  })

  it('follows the prop when the list is refreshed after another person saved', async () => {
    const { result, rerender } = setup()
    expect(result.current.link).toBeNull()
    server.saveAs(A.id, 'https://meet.google.com/abc-defg-hij')
    rerender({ booking: { ...A, booking_links: server.embed(A.id) } })
    expect(result.current.link).toBe('https://meet.google.com/abc-defg-hij')
    expect(result.current.platform?.label).toBe('Google Meet')
  })

  it('reset() goes back to idle', async () => {
    const { result } = setup()
    await act(() => result.current.save('nope'))
    expect(result.current.status).toBe('error')
    act(() => result.current.reset())
    expect(result.current.status).toBe('idle')
    expect(result.current.error).toBeUndefined()
  })
})

describe('useMeetingLink: window', () => {
  const START = Date.parse('2026-11-25T14:00:00Z')
  const OPENS = START - 5 * 60_000
  const END = Date.parse('2026-11-25T15:00:00Z')

  afterEach(() => {
    vi.useRealTimers()
  })

  it('re-evaluates itself exactly at T-5, at the start and at the end, with setTimeout only', () => {
    vi.useFakeTimers({ now: OPENS - 60_000, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'Date'] })
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval')
    const { result } = setup()
    expect(result.current.window.state).toBe('waiting')

    act(() => vi.advanceTimersByTime(60_000 - 1))
    expect(result.current.window.state).toBe('waiting')
    act(() => vi.advanceTimersByTime(1))
    expect(result.current.window).toMatchObject({ state: 'open', started: false })
    expect(Date.now()).toBe(OPENS)

    act(() => vi.advanceTimersByTime(START - OPENS))
    expect(result.current.window).toMatchObject({ state: 'open', started: true })

    act(() => vi.advanceTimersByTime(END - START - 1))
    expect(result.current.window.state).toBe('open')
    expect(result.current.ended).toBe(false)
    act(() => vi.advanceTimersByTime(1))
    expect(result.current.window.state).toBe('ended')
    expect(result.current.ended).toBe(true)
    expect(setIntervalSpy).not.toHaveBeenCalled()
  })

  it('re-evaluates when the tab becomes visible (timers are throttled in the background)', () => {
    vi.useFakeTimers({ now: OPENS - 60 * 60_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { result } = setup()
    expect(result.current.window.state).toBe('waiting')
    // The clock moves on without the timer firing (a sleeping laptop, a throttled tab).
    vi.setSystemTime(START + 60_000)
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'))
    })
    expect(result.current.window).toMatchObject({ state: 'open', started: true })
  })

  it('a non-virtual session also ends on time', () => {
    vi.useFakeTimers({ now: END - 1, toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const { result } = setup({ ...A, meeting_type: 'phone' })
    expect(result.current.window.state).toBe('not_virtual')
    expect(result.current.ended).toBe(false)
    act(() => vi.advanceTimersByTime(1))
    expect(result.current.window.state).toBe('not_virtual')
    expect(result.current.ended).toBe(true)
  })

  it('cancelled and completed sessions schedule no timer', () => {
    vi.useFakeTimers({ now: OPENS - 1, toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const cancelled = setup({ ...A, status: 'cancelled' })
    expect(cancelled.result.current.window.state).toBe('cancelled')
    expect(vi.getTimerCount()).toBe(0)
    cancelled.unmount()
    const completed = setup({ ...A, status: 'completed' })
    expect(completed.result.current.window.state).toBe('ended')
    expect(vi.getTimerCount()).toBe(0)
  })
})
