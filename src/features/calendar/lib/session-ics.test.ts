// The .ics output, read back with an independent parser (Mozilla's ical.js), under three
// process time zones (see vitest.config.ts): every instant checked here must be the same
// whatever TZ the generator ran in.
import ICAL from 'ical.js'
import {
  ICS_PRODID,
  icsFilename,
  icsUid,
  sequenceFromUpdatedAt,
  sessionPageUrl,
  sessionToIcs,
  type CalendarBooking,
  type SessionIcsInput,
} from './session-ics'

const ORIGIN = 'https://app.encontro.pt'
const BOOKING_ID = '7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b'
const MEETING_LINK = 'https://meet.jit.si/encontro-segredo-8f3a2b'
const NOW = new Date('2026-11-20T09:15:42.000Z')

// The labels from docs/schema-contract.md. The app passes `pillarLabel()` from the sessions
// index, which this node-only test cannot load (it creates the supabase client); the
// component test checks that wiring.
const PILLAR_LABELS: Record<CalendarBooking['pillar'], string> = {
  saude_mental: 'Saúde mental',
  bem_estar_fisico: 'Bem-estar físico',
  assistencia_financeira: 'Assistência financeira',
  assistencia_juridica: 'Assistência jurídica',
}

function booking(overrides: Partial<CalendarBooking> = {}): CalendarBooking {
  return {
    id: BOOKING_ID,
    starts_at: '2026-11-25T14:00:00+00:00',
    ends_at: '2026-11-25T14:50:00+00:00',
    meeting_type: 'virtual',
    status: 'scheduled',
    location: null,
    cancellation_reason: null,
    pillar: 'saude_mental',
    updated_at: '2026-11-18T10:00:00.123456+00:00',
    ...overrides,
  }
}

function build(overrides: Partial<SessionIcsInput> & { booking?: CalendarBooking } = {}): string {
  const b = overrides.booking ?? booking()
  return sessionToIcs({
    pillarLabel: PILLAR_LABELS[b.pillar],
    prestadorName: 'Dr. Pedro Santos',
    employeeName: 'João Silva',
    viewer: 'user',
    appOrigin: ORIGIN,
    sequence: sequenceFromUpdatedAt(b.updated_at),
    now: NOW,
    ...overrides,
    booking: b,
  })
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const vevents = calendar.getAllSubcomponents('vevent')
  expect(vevents).toHaveLength(1)
  const vevent = vevents[0]!
  const event = new ICAL.Event(vevent)
  const value = (name: string) => vevent.getFirstPropertyValue(name)
  const time = (name: string) => {
    const t = value(name)
    if (!(t instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`)
    return t
  }
  return { calendar, vevent, event, value, time }
}

/** A UTC DATE-TIME as ical.js read it: zone UTC and the exact instant. */
function expectUtcInstant(t: InstanceType<typeof ICAL.Time>, iso: string) {
  expect(t.isDate).toBe(false)
  expect(t.zone).toBe(ICAL.Timezone.utcTimezone)
  expect(t.toJSDate().toISOString()).toBe(iso)
}

describe('sessionToIcs: calendar and identity', () => {
  it('is a VCALENDAR 2.0 with our PRODID and METHOD:PUBLISH', () => {
    const { calendar } = parse(build())
    expect(calendar.name).toBe('vcalendar')
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Encontro//Sessões//PT')
    expect(ICS_PRODID).toBe('-//Encontro//Sessões//PT')
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
  })

  it('UID is stable per booking: <id>@encontro.app', () => {
    const { event } = parse(build())
    expect(event.uid).toBe(`${BOOKING_ID}@encontro.app`)
    expect(icsUid(BOOKING_ID)).toBe(event.uid)
    // Same booking, other viewer, other moment: same UID.
    const other = parse(build({ viewer: 'prestador', now: new Date('2026-11-21T00:00:00Z') }))
    expect(other.event.uid).toBe(event.uid)
  })

  it('DTSTAMP is `now` in UTC', () => {
    const text = build()
    expect(text).toMatch(/^DTSTAMP:20261120T091542Z\r$/m)
    expectUtcInstant(parse(text).time('dtstamp'), '2026-11-20T09:15:42.000Z')
  })

  it('LAST-MODIFIED is the booking updated_at in UTC', () => {
    expectUtcInstant(parse(build()).time('last-modified'), '2026-11-18T10:00:00.000Z')
  })
})

describe('sessionToIcs: DTSTART/DTEND are exact UTC instants, whatever the process zone', () => {
  it.each([
    ['UTC input', '2026-11-25T14:00:00+00:00', '2026-11-25T14:50:00+00:00', '2026-11-25T14:00:00.000Z', '2026-11-25T14:50:00.000Z'],
    ['Lisbon summer offset', '2026-07-01T10:00:00+01:00', '2026-07-01T11:00:00+01:00', '2026-07-01T09:00:00.000Z', '2026-07-01T10:00:00.000Z'],
    ['São Paulo offset', '2026-03-10T09:30:00-03:00', '2026-03-10T10:15:00-03:00', '2026-03-10T12:30:00.000Z', '2026-03-10T13:15:00.000Z'],
    ['Tokyo offset, previous UTC day', '2026-05-02T08:00:00+09:00', '2026-05-02T09:00:00+09:00', '2026-05-01T23:00:00.000Z', '2026-05-02T00:00:00.000Z'],
    ['microseconds from Postgres', '2026-11-25T14:00:00.000000+00:00', '2026-11-25T14:50:00.999999+00:00', '2026-11-25T14:00:00.000Z', '2026-11-25T14:50:00.000Z'],
  ])('%s', (_label, startsAt, endsAt, startIso, endIso) => {
    const text = build({ booking: booking({ starts_at: startsAt, ends_at: endsAt }) })
    const { time } = parse(text)
    expectUtcInstant(time('dtstart'), startIso)
    expectUtcInstant(time('dtend'), endIso)
    // Written as UTC (no TZID, no floating time).
    expect(text).toMatch(/^DTSTART:\d{8}T\d{6}Z\r$/m)
    expect(text).toMatch(/^DTEND:\d{8}T\d{6}Z\r$/m)
    expect(text).not.toMatch(/TZID|VTIMEZONE/)
  })

  it('a session across the Lisbon October DST change (01:30 WEST -> 01:30 WET) lasts one hour', () => {
    // 25 Oct 2026: Lisbon clocks go back from 02:00 WEST to 01:00 WET. Both ends show
    // 01:30 on a Lisbon wall clock, one hour apart.
    const text = build({
      booking: booking({ starts_at: '2026-10-25T01:30:00+01:00', ends_at: '2026-10-25T01:30:00+00:00' }),
    })
    expect(text).toMatch(/^DTSTART:20261025T003000Z\r$/m)
    expect(text).toMatch(/^DTEND:20261025T013000Z\r$/m)
    const { time, event } = parse(text)
    expectUtcInstant(time('dtstart'), '2026-10-25T00:30:00.000Z')
    expectUtcInstant(time('dtend'), '2026-10-25T01:30:00.000Z')
    expect(event.duration.toSeconds()).toBe(3600)
  })
})

describe('sessionToIcs: SUMMARY in pt-PT', () => {
  it('employee: pillar and prestador', () => {
    expect(parse(build()).event.summary).toBe('Sessão de Saúde mental com Dr. Pedro Santos')
  })

  it('prestador: pillar and employee', () => {
    expect(parse(build({ viewer: 'prestador' })).event.summary).toBe('Sessão de Saúde mental com João Silva')
  })

  it('prestador without the employee name: pillar only', () => {
    expect(parse(build({ viewer: 'prestador', employeeName: undefined })).event.summary).toBe('Sessão de Saúde mental')
  })

  it('no pillar label: "Sessão com ..."', () => {
    expect(parse(build({ pillarLabel: ' ' })).event.summary).toBe('Sessão com Dr. Pedro Santos')
  })

  it.each([
    ['bem_estar_fisico', 'Sessão de Bem-estar físico com Dr. Pedro Santos'],
    ['assistencia_financeira', 'Sessão de Assistência financeira com Dr. Pedro Santos'],
    ['assistencia_juridica', 'Sessão de Assistência jurídica com Dr. Pedro Santos'],
  ] as const)('%s', (pillar, summary) => {
    expect(parse(build({ booking: booking({ pillar }) })).event.summary).toBe(summary)
  })

  it('names with iCalendar special characters round-trip (escaped, not broken)', () => {
    const { event } = parse(build({ prestadorName: 'Dra. Ana; Costa, "Psicóloga" \\ Lda' }))
    expect(event.summary).toBe('Sessão de Saúde mental com Dra. Ana; Costa, "Psicóloga" \\ Lda')
  })
})

describe('sessionToIcs: place, URL and description per meeting type', () => {
  const userPage = `${ORIGIN}/user/sessions#session-${BOOKING_ID}`
  const prestadorPage = `${ORIGIN}/prestador/sessions#session-${BOOKING_ID}`

  it('virtual (employee): URL and LOCATION are the session page; description says when the link shows', () => {
    const { event, value } = parse(build())
    expect(value('url')).toBe(userPage)
    expect(event.location).toBe(userPage)
    expect(event.description).toBe(
      `Sessão virtual. O link da reunião fica disponível na página da sessão 5 minutos antes do início: ${userPage}`,
    )
  })

  it('virtual (prestador): the prestador sessions page', () => {
    const { event, value } = parse(build({ viewer: 'prestador' }))
    expect(value('url')).toBe(prestadorPage)
    expect(event.location).toBe(prestadorPage)
    expect(event.description).toBe(`Sessão virtual. O link da reunião está na página da sessão: ${prestadorPage}`)
  })

  it('phone: LOCATION "Telefone" and the phone note', () => {
    const { event, value } = parse(build({ booking: booking({ meeting_type: 'phone' }) }))
    expect(event.location).toBe('Telefone')
    expect(event.description).toBe(
      `Sessão por telefone: o prestador liga para o seu número.\nPágina da sessão: ${userPage}`,
    )
    expect(value('url')).toBe(userPage)
  })

  it('phone (prestador): a note for the one who calls, no phone number in the file', () => {
    const { event } = parse(build({ viewer: 'prestador', booking: booking({ meeting_type: 'phone' }) }))
    expect(event.location).toBe('Telefone')
    expect(event.description).toContain('ligue ao cliente à hora marcada')
    expect(event.description).toContain(prestadorPage)
  })

  it('presencial: LOCATION is the address', () => {
    const address = 'Rua Augusta 100, 2.º Esq., 1100-053 Lisboa'
    const { event, value } = parse(build({ booking: booking({ meeting_type: 'presencial', location: address }) }))
    expect(event.location).toBe(address)
    expect(event.description).toBe(`Sessão presencial.\nMorada: ${address}\nPágina da sessão: ${userPage}`)
    expect(value('url')).toBe(userPage)
  })

  it('presencial without an address: no LOCATION, the description points to the page', () => {
    const { event } = parse(build({ booking: booking({ meeting_type: 'presencial', location: '  ' }) }))
    expect(event.location).toBeNull()
    expect(event.description).toBe(`Sessão presencial.\nA morada está na página da sessão.\nPágina da sessão: ${userPage}`)
  })

  it('an origin with a trailing slash or path still gives the page URL', () => {
    expect(sessionPageUrl('https://app.encontro.pt/', 'user', 'b1')).toBe('https://app.encontro.pt/user/sessions#session-b1')
    expect(sessionPageUrl('http://127.0.0.1:5173/x/y', 'prestador', 'b1')).toBe(
      'http://127.0.0.1:5173/prestador/sessions#session-b1',
    )
  })

  it.each([
    ['user', 'virtual'],
    ['prestador', 'virtual'],
    ['user', 'phone'],
    ['prestador', 'presencial'],
  ] as const)('never contains the meeting link (%s, %s)', (viewer, meetingType) => {
    // A row as the pages hold it, with the booking_links embed next to the booking fields.
    const row = { ...booking({ meeting_type: meetingType }), booking_links: { meeting_link: MEETING_LINK } }
    const text = build({ viewer, booking: row })
    const unfolded = text.replace(/\r\n[ \t]/g, '')
    expect(unfolded).not.toContain(MEETING_LINK)
    expect(unfolded).not.toContain('meet.jit.si')
    expect(unfolded).not.toContain('segredo')
  })
})

describe('sessionToIcs: reschedule and cancel', () => {
  it('a reschedule keeps the UID, raises SEQUENCE and carries the new times', () => {
    const before = booking({ updated_at: '2026-11-18T10:00:00+00:00' })
    const after = booking({
      starts_at: '2026-11-27T16:00:00+00:00',
      ends_at: '2026-11-27T16:50:00+00:00',
      updated_at: '2026-11-19T08:30:12.5+00:00',
    })
    const first = parse(build({ booking: before }))
    const second = parse(build({ booking: after, now: new Date('2026-11-19T08:31:00Z') }))

    expect(second.event.uid).toBe(first.event.uid)
    expect(second.event.sequence).toBeGreaterThan(first.event.sequence)
    expect(first.event.sequence).toBe(sequenceFromUpdatedAt(before.updated_at))
    expectUtcInstant(second.time('dtstart'), '2026-11-27T16:00:00.000Z')
    expectUtcInstant(second.time('dtend'), '2026-11-27T16:50:00.000Z')
  })

  it('SEQUENCE is what the caller passes (e.g. a count of reschedules)', () => {
    expect(parse(build({ sequence: 0 })).event.sequence).toBe(0)
    expect(parse(build({ sequence: 2 })).event.sequence).toBe(2)
  })

  it('cancelled: STATUS:CANCELLED, same UID, reason in the description', () => {
    const cancelled = booking({
      status: 'cancelled',
      cancellation_reason: 'Indisponibilidade do prestador',
      updated_at: '2026-11-20T09:00:00+00:00',
    })
    const text = build({ booking: cancelled })
    expect(text).toMatch(/^STATUS:CANCELLED\r$/m)
    const { event, value, calendar } = parse(text)
    expect(value('status')).toBe('CANCELLED')
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(event.uid).toBe(`${BOOKING_ID}@encontro.app`)
    expect(event.sequence).toBeGreaterThan(parse(build()).event.sequence)
    expect(event.summary).toBe('Cancelada: Sessão de Saúde mental com Dr. Pedro Santos')
    expect(event.description?.split('\n')[0]).toBe('Sessão cancelada. Motivo: Indisponibilidade do prestador')
  })

  it.each([
    ['scheduled', 'CONFIRMED'],
    ['completed', 'CONFIRMED'],
    ['pending', 'TENTATIVE'],
    ['cancelled', 'CANCELLED'],
  ] as const)('status %s -> STATUS:%s', (status, expected) => {
    expect(parse(build({ booking: booking({ status }) })).value('status')).toBe(expected)
  })
})

describe('sessionToIcs: wire format', () => {
  const longAddress =
    'Centro Clínico Conceição & Associados, Avenida da República nº 1234, Edifício Atlântico, ' +
    'Bloco C, 5.º andar, sala 512 (entrada pela Rua Visconde de Valmor, junto à farmácia São João), ' +
    '1050-191 Lisboa, Portugal — tocar à campainha «Consultório Gonçalves»'

  it('CRLF line ends everywhere, the last line included', () => {
    const text = build({ booking: booking({ meeting_type: 'presencial', location: longAddress }) })
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text).not.toMatch(/\r(?!\n)/)
    expect(text).not.toMatch(/(?<!\r)\n/)
  })

  it('folds long lines at 75 octets and the address comes back whole', () => {
    const text = build({ booking: booking({ meeting_type: 'presencial', location: longAddress }) })
    const lines = text.split('\r\n')
    const encoder = new TextEncoder()
    for (const line of lines) expect(encoder.encode(line).length).toBeLessThanOrEqual(75)
    expect(lines.some((l) => l.startsWith(' '))).toBe(true) // it did fold
    const { event } = parse(text)
    expect(event.location).toBe(longAddress)
    expect(event.description).toContain(`Morada: ${longAddress}`)
  })

  it('pt-PT characters survive UTF-8 encoding and parsing (ç, ã, é, º, «»)', () => {
    const text = build({
      viewer: 'prestador',
      employeeName: 'Conceição Gonçalves Sebastião',
      booking: booking({ pillar: 'assistencia_juridica', meeting_type: 'presencial', location: longAddress }),
    })
    // What the download does: bytes in UTF-8, read back as UTF-8.
    const roundTrip = new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(text))
    const { event } = parse(roundTrip)
    expect(event.summary).toBe('Sessão de Assistência jurídica com Conceição Gonçalves Sebastião')
    expect(event.location).toBe(longAddress)
    expect(event.description).toMatch(/^Sessão presencial\./)
  })
})

describe('sessionToIcs: refuses bad input', () => {
  it.each([
    ['start without offset', { starts_at: '2026-11-25T14:00:00' }],
    ['end without offset', { ends_at: '2026-11-25 14:50' }],
    ['end before start', { ends_at: '2026-11-25T13:00:00Z' }],
    ['end equal to start', { ends_at: '2026-11-25T14:00:00Z' }],
  ])('%s', (_label, overrides) => {
    expect(() => build({ booking: booking(overrides) })).toThrow(RangeError)
  })

  it.each([-1, 1.5, Number.NaN, 2 ** 31])('SEQUENCE %s', (sequence) => {
    expect(() => build({ sequence })).toThrow(RangeError)
  })

  it('invalid now or origin', () => {
    expect(() => build({ now: new Date('x') })).toThrow(RangeError)
    expect(() => build({ appOrigin: 'not a url' })).toThrow(TypeError)
  })
})

describe('icsFilename', () => {
  it.each([
    ['2026-11-25T14:00:00+00:00', 'Europe/Lisbon', 'encontro-sessao-2026-11-25.ics'],
    // 23:30Z on 24 Oct is 00:30 on 25 Oct in Lisbon (summer time) but still the 24th in São Paulo.
    ['2026-10-24T23:30:00Z', 'Europe/Lisbon', 'encontro-sessao-2026-10-25.ics'],
    ['2026-10-24T23:30:00Z', 'America/Sao_Paulo', 'encontro-sessao-2026-10-24.ics'],
    ['2026-05-01T23:00:00Z', 'Asia/Tokyo', 'encontro-sessao-2026-05-02.ics'],
  ])('%s in %s -> %s', (startsAt, timeZone, expected) => {
    expect(icsFilename(startsAt, timeZone)).toBe(expected)
  })
})
