import {
  dayName,
  firstFreeSlot,
  freeCountText,
  freeSlotsByDay,
  LAST_PAGE,
  markDays,
  nextCellIndex,
  pageDays,
  pageOf,
  relativeDay,
  weekStart,
} from './day-picker'
import type { Slot } from './free-slots'

const slot = (startsAt: string, minutes = 50): Slot => ({
  starts_at: startsAt,
  ends_at: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
})

describe('weekStart / pageDays / pageOf', () => {
  it.each([
    ['2026-11-30', '2026-11-30'], // Monday
    ['2026-12-02', '2026-11-30'],
    ['2026-12-06', '2026-11-30'], // Sunday
    ['2027-01-01', '2026-12-28'],
    ['2026-03-29', '2026-03-23'], // the clocks change that Sunday in Lisbon: dates only
  ])('week of %s starts on %s', (day, monday) => {
    expect(weekStart(day)).toBe(monday)
  })

  it('a page is four weeks from the Monday of today', () => {
    const days = pageDays('2026-12-02', 0)
    expect(days).toHaveLength(28)
    expect([days[0], days[27]]).toEqual(['2026-11-30', '2026-12-27'])
    expect(pageDays('2026-12-02', 1)[0]).toBe('2026-12-28')
  })

  it.each([
    ['2026-12-02', '2026-12-02', 0],
    ['2026-12-27', '2026-12-02', 0],
    ['2026-12-28', '2026-12-02', 1],
    ['2026-11-01', '2026-12-02', 0], // before today: clamped
    ['2030-01-01', '2026-12-02', LAST_PAGE],
  ])('%s is on page %i seen from %s', (day, today, page) => {
    expect(pageOf(day, today)).toBe(page)
  })
})

describe('day names', () => {
  it.each([
    ['2026-11-30', '2026-11-30', 'Hoje'],
    ['2026-12-01', '2026-11-30', 'Amanhã'],
    ['2027-01-01', '2026-12-31', 'Amanhã'],
    ['2026-12-02', '2026-11-30', null],
    ['2026-11-29', '2026-11-30', null],
  ])('%s seen on %s', (day, today, expected) => {
    expect(relativeDay(day, today)).toBe(expected)
  })

  it.each([
    [0, 'sem horários livres'],
    [1, '1 horário livre'],
    [4, '4 horários livres'],
  ])('%i free', (count, text) => {
    expect(freeCountText(count)).toBe(text)
  })

  it.each([
    ['2026-11-30', '2026-11-30', 4, 'Hoje, segunda-feira, 30 de novembro, 4 horários livres'],
    ['2026-12-01', '2026-11-30', 1, 'Amanhã, terça-feira, 1 de dezembro, 1 horário livre'],
    ['2026-12-06', '2026-11-30', 0, 'domingo, 6 de dezembro, sem horários livres'],
    ['2026-11-29', '2026-11-30', 0, 'domingo, 29 de novembro, já passou'],
  ])('%s seen on %s with %i', (day, today, count, name) => {
    expect(dayName(day, today, count)).toBe(name)
  })
})

describe('markDays', () => {
  const today = '2026-12-02'
  const slots = new Map<string, Slot[]>([
    ['2026-11-30', [slot('2026-11-30T15:00:00Z')]], // before today: not pickable whatever the data says
    ['2026-12-02', []],
    ['2026-12-03', [slot('2026-12-03T14:00:00Z'), slot('2026-12-03T15:00:00Z')]],
    ['2026-12-07', [slot('2026-12-07T09:00:00Z')]],
  ])
  const cells = markDays(pageDays(today, 0), slots, today)
  const cell = (day: string) => cells.find((c) => c.day === day)!

  it.each([
    // [day, pickable, freeCount, past, relative]
    ['2026-11-30', false, 0, true, null],
    ['2026-12-02', false, 0, false, 'Hoje'],
    ['2026-12-03', true, 2, false, 'Amanhã'],
    ['2026-12-05', false, 0, false, null],
    ['2026-12-07', true, 1, false, null],
  ] as const)('%s', (day, pickable, freeCount, past, relative) => {
    expect(cell(day)).toMatchObject({ pickable, freeCount, past, relative })
  })

  it('names the first of a month and says the count in the accessible name', () => {
    expect(cell('2026-12-01')).toMatchObject({ monthStart: true, dayOfMonth: 1 })
    expect(cell('2026-12-03').name).toBe('Amanhã, quinta-feira, 3 de dezembro, 2 horários livres')
  })

  it('the first free slot is the earliest one of the first pickable day', () => {
    expect(firstFreeSlot(cells, slots)).toEqual({ day: '2026-12-03', slot: slot('2026-12-03T14:00:00Z') })
    expect(firstFreeSlot(markDays(pageDays(today, 0), new Map(), today), new Map())).toBeNull()
  })
})

describe('freeSlotsByDay: viewer and prestador in different zones', () => {
  // Pedro (Lisbon) works on Mondays 14:00-16:00: 50-minute sessions, 10 minutes between.
  const base = {
    prestadorTimeZone: 'Europe/Lisbon',
    weeklyHours: [{ weekday: 1, start_time: '14:00:00', end_time: '16:00:00' }],
    sessionMinutes: 50,
    bufferMinutes: 10,
    now: Date.parse('2026-11-25T10:00:00Z'),
  }
  const days = ['2026-11-30', '2026-12-01']

  it.each([
    // [viewer zone, blocked, busy, free slots of Monday and Tuesday in the viewer's calendar]
    ['Europe/Lisbon', [], [], [['14:00', '15:00'], []]],
    // Tokyo is 9 hours ahead: 23:00 on Monday, then 00:00 on Tuesday.
    ['Asia/Tokyo', [], [], [['14:00'], ['15:00']]],
    ['America/Sao_Paulo', [], [], [['14:00', '15:00'], []]],
    // The block is a date in the prestador's zone: it empties both of Tokyo's days.
    ['Asia/Tokyo', ['2026-11-30'], [], [[], []]],
    // A busy 15:00 (plus buffer) leaves 14:00 only.
    ['Europe/Lisbon', [], [{ starts_at: '2026-11-30T15:00:00Z', ends_at: '2026-11-30T15:50:00Z' }], [['14:00'], []]],
  ] as const)('viewer in %s, blocked %j', (viewerTimeZone, blockedDates, busy, expected) => {
    const byDay = freeSlotsByDay(days, { ...base, viewerTimeZone, blockedDates: [...blockedDates], busy: [...busy] })
    // Compared as UTC wall times so the table reads the same under every TZ.
    const utc = (s: Slot) => s.starts_at.slice(11, 16)
    expect(days.map((d) => byDay.get(d)!.map(utc))).toEqual(expected)
  })

  it('drops slots that started already', () => {
    const byDay = freeSlotsByDay(days, { ...base, viewerTimeZone: 'Europe/Lisbon', blockedDates: [], busy: [], now: Date.parse('2026-11-30T14:30:00Z') })
    expect(byDay.get('2026-11-30')!.map((s) => s.starts_at)).toEqual(['2026-11-30T15:00:00.000Z'])
  })
})

describe('nextCellIndex (7 columns, 28 cells)', () => {
  it.each([
    [3, 'ArrowRight', 4],
    [3, 'ArrowLeft', 2],
    [3, 'ArrowDown', 10],
    [10, 'ArrowUp', 3],
    [10, 'Home', 7],
    [10, 'End', 13],
    [0, 'ArrowLeft', null],
    [2, 'ArrowUp', null],
    [27, 'ArrowRight', null],
    [24, 'ArrowDown', null],
    [5, 'Enter', null],
  ] as const)('%i + %s -> %s', (index, key, expected) => {
    expect(nextCellIndex(index, key, 28)).toBe(expected)
  })
})
