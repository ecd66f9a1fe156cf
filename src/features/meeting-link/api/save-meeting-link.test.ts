import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  mapSaveError,
  parseBookingLinkRow,
  saveMeetingLink,
  SAVE_MEETING_LINK_MESSAGES as M,
  type PostgrestErrorLike,
  type SaveMeetingLinkFailure,
} from './save-meeting-link'

vi.mock('@/lib/supabase', () => ({ supabase: { rpc: vi.fn() } }))
const { supabase } = await import('@/lib/supabase')
const rpc = vi.mocked(supabase.rpc)

const BOOKING = '11111111-1111-4111-8111-111111111111'
const row = {
  booking_id: BOOKING,
  meeting_link: 'https://zoom.us/j/123456789',
  updated_by: '00000000-0000-4000-8000-0000000000bb',
  updated_at: '2026-11-20T10:00:00.123456+00:00',
}

describe('mapSaveError', () => {
  it.each<[string, PostgrestErrorLike | null, number | undefined, SaveMeetingLinkFailure]>([
    [
      'stale with the current row',
      { code: 'PT409', message: 'stale_meeting_link', details: JSON.stringify(row), hint: 'O link foi alterado por outra pessoa.' },
      409,
      { ok: false, kind: 'stale', current: row, message: 'O link foi alterado por outra pessoa.' },
    ],
    [
      'stale, no row any more',
      { code: 'PT409', message: 'stale_meeting_link', details: 'null', hint: '' },
      409,
      { ok: false, kind: 'stale', current: null, message: M.stale },
    ],
    [
      'stale with unreadable details',
      { code: 'PT409', message: 'stale_meeting_link', details: '{not json', hint: '' },
      409,
      { ok: false, kind: 'stale', current: null, message: M.stale },
    ],
    [
      'stale with a row of the wrong shape',
      { code: 'PT409', message: 'stale_meeting_link', details: '{"booking_id":1}', hint: '' },
      409,
      { ok: false, kind: 'stale', current: null, message: M.stale },
    ],
    [
      'stale recognised by message alone',
      { code: '', message: 'stale_meeting_link', details: JSON.stringify(row) },
      undefined,
      { ok: false, kind: 'stale', current: row, message: M.stale },
    ],
    ['not allowed (42501)', { code: '42501', message: 'meeting_link_not_allowed', details: null, hint: 'Só o prestador…' }, 403, { ok: false, kind: 'forbidden', message: M.forbidden }],
    ['HTTP 403 without code', { message: 'permission denied' }, 403, { ok: false, kind: 'forbidden', message: M.forbidden }],
    ['expired JWT (PGRST303)', { code: 'PGRST303', message: 'JWT expired' }, 401, { ok: false, kind: 'forbidden', message: M.sessionExpired }],
    ['HTTP 401', { code: '', message: 'Unauthorized' }, 401, { ok: false, kind: 'forbidden', message: M.sessionExpired }],
    ['CHECK violation (23514)', { code: '23514', message: 'new row violates check constraint' }, 400, { ok: false, kind: 'invalid', message: M.invalid }],
    ['value too long (22001)', { code: '22001', message: 'value too long' }, 400, { ok: false, kind: 'invalid', message: M.invalid }],
    ['fetch failed (status 0)', { code: '', message: 'TypeError: Failed to fetch', details: '', hint: '' }, 0, { ok: false, kind: 'network', message: M.network }],
    ['timeout (status 0)', { code: '', message: 'TimeoutError: signal timed out', hint: '' }, 0, { ok: false, kind: 'network', message: M.network }],
    ['aborted, no status', { code: '', message: 'AbortError: The user aborted a request.' }, undefined, { ok: false, kind: 'network', message: M.network }],
    ['fetch failed, no status', { message: 'FetchError: fetch failed' }, undefined, { ok: false, kind: 'network', message: M.network }],
    ['502 from the gateway', { message: '<html>Bad Gateway</html>' }, 502, { ok: false, kind: 'network', message: M.network }],
    ['503', { code: '', message: 'Service Unavailable' }, 503, { ok: false, kind: 'network', message: M.network }],
    ['500 with a Postgres code', { code: 'XX000', message: 'internal' }, 500, { ok: false, kind: 'network', message: M.network }],
    ['statement timeout (57014)', { code: '57014', message: 'canceling statement due to statement timeout' }, 500, { ok: false, kind: 'network', message: M.network }],
    ['database unreachable (PGRST001)', { code: 'PGRST001', message: 'Database client error' }, 503, { ok: false, kind: 'network', message: M.network }],
    ['connection failure (08006)', { code: '08006', message: 'connection failure' }, undefined, { ok: false, kind: 'network', message: M.network }],
    ['function missing (PGRST202)', { code: 'PGRST202', message: 'Could not find the function' }, 404, { ok: false, kind: 'unexpected', message: M.unexpected }],
    ['invalid uuid (22P02)', { code: '22P02', message: 'invalid input syntax for type uuid' }, 400, { ok: false, kind: 'unexpected', message: M.unexpected }],
    ['null error', null, undefined, { ok: false, kind: 'unexpected', message: M.unexpected }],
    ['empty object', {}, undefined, { ok: false, kind: 'unexpected', message: M.unexpected }],
  ])('%s', (_label, error, status, expected) => {
    expect(mapSaveError(error, status)).toEqual(expected)
  })

  it('every message is pt-PT and tells the person what to do', () => {
    expect(M.stale).toBe('O link foi alterado por outra pessoa.')
    expect(M.network).toBe('Não foi possível guardar o link. Verifique a ligação e tente novamente.')
    for (const message of Object.values(M)) {
      expect(message).toMatch(/^[A-ZÀ-Ú]/)
      expect(message).toMatch(/\.$/)
      expect(message).not.toMatch(/error|failed|fetch|PT409|42501|null/i)
    }
  })
})

describe('parseBookingLinkRow', () => {
  it.each<[string, unknown, boolean]>([
    ['a row', row, true],
    ['a cleared link', { ...row, meeting_link: null }, true],
    ['no updated_by (profile deleted)', { ...row, updated_by: null }, true],
    ['null', null, false],
    ['an array', [row], false],
    ['missing updated_at', { ...row, updated_at: undefined }, false],
    ['meeting_link a number', { ...row, meeting_link: 1 }, false],
  ])('%s', (_label, value, ok) => {
    expect(parseBookingLinkRow(value) !== null).toBe(ok)
  })

  it('keeps only the known columns', () => {
    expect(parseBookingLinkRow({ ...row, extra: 'x' })).toEqual(row)
  })
})

describe('saveMeetingLink', () => {
  const respond = (value: unknown) => {
    const abortSignal = vi.fn((_signal: AbortSignal) => (value instanceof Error || value instanceof DOMException ? Promise.reject(value) : Promise.resolve(value)))
    rpc.mockReturnValueOnce({ abortSignal } as never)
    return abortSignal
  }

  beforeEach(() => rpc.mockReset())

  it('sends the arguments as given (updated_at untouched, microseconds included) with a timeout signal', async () => {
    const abortSignal = respond({ data: row, error: null, status: 200 })
    const result = await saveMeetingLink({
      bookingId: BOOKING,
      meetingLink: 'https://zoom.us/j/123456789',
      expectedUpdatedAt: '2026-11-20T09:00:00.000001+00:00',
    })
    expect(rpc).toHaveBeenCalledWith('save_meeting_link', {
      p_booking_id: BOOKING,
      p_meeting_link: 'https://zoom.us/j/123456789',
      p_expected_updated_at: '2026-11-20T09:00:00.000001+00:00',
    })
    expect(abortSignal.mock.calls[0]?.[0]).toBeInstanceOf(AbortSignal)
    expect(result).toEqual({ ok: true, link: row })
  })

  it('a stale answer whose current link is the one being saved (an earlier try whose answer was lost) is a success', async () => {
    const current = { ...row, meeting_link: 'https://zoom.us/j/123456789' }
    respond({ data: null, error: { code: 'PT409', message: 'stale_meeting_link', details: JSON.stringify(current) }, status: 409 })
    await expect(
      saveMeetingLink({ bookingId: BOOKING, meetingLink: 'https://zoom.us/j/123456789', expectedUpdatedAt: null }),
    ).resolves.toEqual({ ok: true, link: current })
    // Someone else's different link stays a conflict.
    respond({ data: null, error: { code: 'PT409', message: 'stale_meeting_link', details: JSON.stringify(current) }, status: 409 })
    const other = await saveMeetingLink({ bookingId: BOOKING, meetingLink: 'https://meet.google.com/abc-defg-hij', expectedUpdatedAt: null })
    expect(other).toMatchObject({ ok: false, kind: 'stale', current })
  })

  it.each<[string, unknown, string]>([
    ['no row returned', { data: null, error: null, status: 200 }, 'unexpected'],
    ['a row of another booking', { data: { ...row, booking_id: 'other' }, error: null, status: 200 }, 'unexpected'],
    ['an array', { data: [row], error: null, status: 200 }, 'unexpected'],
    ['supabase-js fetch failure', { data: null, error: { message: 'TypeError: Failed to fetch', code: '' }, status: 0 }, 'network'],
    ['a rejected request (abort)', new DOMException('signal timed out', 'TimeoutError'), 'network'],
    ['stale', { data: null, error: { code: 'PT409', message: 'stale_meeting_link', details: 'null' }, status: 409 }, 'stale'],
  ])('never reports success without the saved row: %s', async (_label, response, kind) => {
    respond(response)
    const result = await saveMeetingLink({ bookingId: BOOKING, meetingLink: null, expectedUpdatedAt: null })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.kind).toBe(kind)
  })
})
