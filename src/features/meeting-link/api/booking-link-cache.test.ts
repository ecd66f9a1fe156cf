import { describe, expect, it } from 'vitest'
import { collectBookings, replaceBookingLink } from './booking-link-cache'

const ID = 'b-1'
const OTHER = 'b-2'
const oldEmbed = { meeting_link: 'https://zoom.us/j/1', updated_at: '2026-11-20T10:00:00.000001+00:00', updated_by: 'p' }
const row = { booking_id: ID, meeting_link: 'https://meet.google.com/abc-defg-hij', updated_at: '2026-11-20T11:00:00.000002+00:00', updated_by: 'e' }
const newEmbed = { meeting_link: row.meeting_link, updated_at: row.updated_at, updated_by: row.updated_by }

const booking = (id: string, booking_links: unknown = oldEmbed) => ({
  id,
  starts_at: '2026-11-25T14:00:00+00:00',
  ends_at: '2026-11-25T15:00:00+00:00',
  meeting_type: 'virtual',
  status: 'scheduled',
  booking_links,
})

describe('replaceBookingLink', () => {
  it.each<[string, unknown, unknown]>([
    ['an array of bookings', [booking(ID), booking(OTHER)], [booking(ID, newEmbed), booking(OTHER)]],
    ['a booking without a link yet', [booking(ID, null)], [booking(ID, newEmbed)]],
    ['an admin page { rows, total }', { rows: [booking(OTHER), booking(ID)], total: 2, page: 0 }, { rows: [booking(OTHER), booking(ID, newEmbed)], total: 2, page: 0 }],
    [
      'call requests with an embedded booking',
      [{ id: 'cr-1', booking: booking(ID) }, { id: 'cr-2', booking: null }],
      [{ id: 'cr-1', booking: booking(ID, newEmbed) }, { id: 'cr-2', booking: null }],
    ],
    ['a single booking (detail)', booking(ID), booking(ID, newEmbed)],
    ['an embed delivered as an array', [booking(ID, [oldEmbed])], [booking(ID, [newEmbed])]],
    ['infinite-query pages', { pages: [[booking(ID)]], pageParams: [0] }, { pages: [[booking(ID, newEmbed)]], pageParams: [0] }],
  ])('%s', (_label, data, expected) => {
    expect(replaceBookingLink(data, ID, row)).toEqual(expected)
  })

  it('clears the link with a null row', () => {
    expect(replaceBookingLink([booking(ID)], ID, null)).toEqual([booking(ID, null)])
  })

  it('does not touch objects with the same id but no booking_links (e.g. a call request id clash)', () => {
    const data = [{ id: ID, notes: 'x' }]
    expect(replaceBookingLink(data, ID, row)).toBe(data)
  })

  it('keeps references when nothing changes (no re-render of other lists)', () => {
    const data = [booking(OTHER), { id: 'cr', booking: booking(OTHER) }]
    expect(replaceBookingLink(data, ID, row)).toBe(data)
    const already = [booking(ID, newEmbed)]
    expect(replaceBookingLink(already, ID, row)).toBe(already)
  })

  it('only copies the branch that changed', () => {
    const untouched = booking(OTHER)
    const data = { rows: [untouched, booking(ID)], total: 2 }
    const next = replaceBookingLink(data, ID, row)
    expect(next).not.toBe(data)
    expect(next.rows[0]).toBe(untouched)
  })

  it.each([undefined, null, 'text', 42])('leaves %s alone', (value) => {
    expect(replaceBookingLink(value, ID, row)).toBe(value)
  })
})

describe('collectBookings', () => {
  it('finds bookings in arrays, pages and embedded bookings', () => {
    const data = { rows: [booking('a'), { id: 'cr', booking: booking('b') }], total: 2 }
    expect(collectBookings(data).map((b) => b.id)).toEqual(['a', 'b'])
  })

  it('ignores objects that are not bookings', () => {
    expect(collectBookings([{ id: 'x' }, null, 3, 'y'])).toEqual([])
  })
})
