// Issue 10, finding 4: the database refuses exactly what the app's parser refuses. The table of
// cases is the one parse-meeting-link.test.ts runs against the parser.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MEETING_LINK_CASES } from '../../src/features/meeting-link/lib/meeting-link-cases'
import { parseMeetingLink } from '../../src/features/meeting-link/lib/parse-meeting-link'
import { serviceClient, stack } from './support/clients'
import { createBooking, createPrestador } from './support/fixtures'

const cases = MEETING_LINK_CASES.map((c) => [c.label, c] as const)

let db: pg.Client
beforeAll(async () => {
  db = new pg.Client({ connectionString: stack().dbUrl })
  db.on('error', () => {})
  await db.connect()
})
afterAll(async () => {
  await db.end()
})

async function sqlAllows(link: string): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>('select private.meeting_link_allowed($1) as ok', [link])
  return rows[0]!.ok
}

describe('private.meeting_link_allowed and parseMeetingLink agree on every case', () => {
  it.each(cases)('%s', async (_label, { input, ok }) => {
    expect(parseMeetingLink(input).ok).toBe(ok)
    expect(await sqlAllows(input)).toBe(ok)
    const parsed = parseMeetingLink(input)
    // What the app would store is accepted too.
    if (parsed.ok) expect(await sqlAllows(parsed.url)).toBe(true)
  })
})

describe('the booking_links CHECK through the API', () => {
  let bookingId: string
  beforeAll(async () => {
    const prestador = await createPrestador()
    bookingId = (await createBooking({ prestador_id: prestador.id })).id
  })

  it.each(cases)('%s', async (_label, { input, ok }) => {
    await serviceClient().from('booking_links').delete().eq('booking_id', bookingId)
    const { data, error } = await serviceClient()
      .from('booking_links')
      .insert({ booking_id: bookingId, meeting_link: input })
      .select('meeting_link')
    // Stored means a link is there now (an all-whitespace value becomes "no link").
    const stored = error === null && data?.[0]?.meeting_link != null
    expect(stored, error?.message).toBe(ok)
    if (!ok && error) expect(error.code).toBe('23514')
    if (ok) {
      // The card reads back what was stored and shows it as a link.
      expect(parseMeetingLink(data![0]!.meeting_link as string).ok).toBe(true)
    }
  })
})

describe('existing links', () => {
  it('every stored link (the seed and earlier tests) passes both rules', async () => {
    const { rows } = await db.query<{ meeting_link: string }>('select meeting_link from public.booking_links where meeting_link is not null')
    expect(rows.length).toBeGreaterThan(0)
    for (const { meeting_link } of rows) {
      expect(parseMeetingLink(meeting_link).ok, meeting_link).toBe(true)
      expect(await sqlAllows(meeting_link), meeting_link).toBe(true)
    }
  })
})
