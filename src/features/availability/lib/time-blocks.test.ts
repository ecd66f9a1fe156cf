import {
  END_OF_DAY,
  TIME_BLOCK_MESSAGES,
  WEEKDAYS,
  blockLabel,
  formatTime,
  overlaps,
  parseEndTime,
  parseTime,
  rowLabel,
  sortRows,
  validateNewBlock,
  weekdayName,
} from './time-blocks'

describe('parseTime', () => {
  it.each([
    ['00:00', 0],
    ['09:00', 540],
    ['09:30', 570],
    ['13:05', 785],
    ['23:59', 1439],
    ['09:00:00', 540],
    ['18:30:00', 1110],
    ['24:00', END_OF_DAY],
    ['24:00:00', END_OF_DAY],
    [' 09:00 ', 540],
    ['', null],
    ['9:00', null],
    ['09:0', null],
    ['0900', null],
    ['24:01', null],
    ['25:00', null],
    ['12:60', null],
    ['12:00:30', null],
    ['12:00:60', null],
    ['ab:cd', null],
  ])('%j -> %j', (text, minutes) => {
    expect(parseTime(text)).toBe(minutes)
  })
})

describe('parseEndTime', () => {
  it.each([
    ['00:00', END_OF_DAY],
    ['00:00:00', END_OF_DAY],
    ['24:00:00', END_OF_DAY],
    ['12:00', 720],
    ['00:30', 30],
    ['x', null],
  ])('%j -> %j', (text, minutes) => {
    expect(parseEndTime(text)).toBe(minutes)
  })
})

describe('formatTime', () => {
  it.each([
    [0, '00:00'],
    [540, '09:00'],
    [785, '13:05'],
    [1439, '23:59'],
    [END_OF_DAY, '24:00'],
  ])('%i -> %s', (minutes, text) => {
    expect(formatTime(minutes)).toBe(text)
  })

  it.each([-1, 1441, 9.5, Number.NaN])('refuses %d', (minutes) => {
    expect(() => formatTime(minutes)).toThrow(RangeError)
  })
})

describe('labels', () => {
  it.each([
    [{ start_time: '09:00:00', end_time: '13:00:00' }, '09:00–13:00'],
    [{ start_time: '20:00:00', end_time: '24:00:00' }, '20:00–24:00'],
    [{ start_time: '10:00', end_time: '12:00' }, '10:00–12:00'],
    [{ start_time: 'bad', end_time: '12:00' }, 'bad–12:00'],
  ])('%j -> %s', (row, label) => {
    expect(rowLabel(row)).toBe(label)
  })

  it('blockLabel uses an en dash', () => {
    expect(blockLabel({ start: 540, end: 780 })).toBe('09:00\u201313:00')
  })

  it('names the seven ISO weekdays in pt-PT, Monday first', () => {
    expect(WEEKDAYS.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(weekdayName(1)).toBe('Segunda-feira')
    expect(weekdayName(6)).toBe('Sábado')
    expect(weekdayName(7)).toBe('Domingo')
  })
})

describe('overlaps (half-open, like the database tsrange "[)")', () => {
  const nineToOne = { start: 540, end: 780 }
  it.each([
    ['the same block', { start: 540, end: 780 }, true],
    ['inside', { start: 600, end: 660 }, true],
    ['around', { start: 480, end: 840 }, true],
    ['crossing the start', { start: 480, end: 541 }, true],
    ['crossing the end', { start: 779, end: 900 }, true],
    ['ending at its start', { start: 480, end: 540 }, false],
    ['starting at its end', { start: 780, end: 840 }, false],
    ['well before', { start: 0, end: 60 }, false],
    ['until midnight after it', { start: 1200, end: END_OF_DAY }, false],
  ])('%s: %j -> %s', (_label, other, expected) => {
    expect(overlaps(nineToOne, other)).toBe(expected)
    expect(overlaps(other, nineToOne)).toBe(expected)
  })
})

describe('sortRows', () => {
  it('sorts by start, then end', () => {
    const rows = [
      { id: 'c', start_time: '14:00:00', end_time: '18:00:00' },
      { id: 'a', start_time: '09:00:00', end_time: '13:00:00' },
      { id: 'b', start_time: '09:00:00', end_time: '10:00:00' },
    ]
    expect(sortRows(rows).map((r) => r.id)).toEqual(['b', 'a', 'c'])
    // A copy: the input is left as it was.
    expect(rows[0]!.id).toBe('c')
  })
})

describe('validateNewBlock', () => {
  const pedroMonday = [
    { start_time: '09:00:00', end_time: '13:00:00' },
    { start_time: '14:00:00', end_time: '18:00:00' },
  ]

  it.each([
    ['a free morning hour before the first block', '08:00', '09:00', '08:00', '09:00'],
    ['the lunch gap exactly', '13:00', '14:00', '13:00', '14:00'],
    ['the evening', '18:00', '20:30', '18:00', '20:30'],
    ['until midnight typed as 00:00', '20:00', '00:00', '20:00', '24:00'],
    ['seconds from the time input are accepted', '18:00:00', '19:00:00', '18:00', '19:00'],
  ])('accepts %s', (_label, start, end, startTime, endTime) => {
    expect(validateNewBlock({ start, end }, pedroMonday)).toMatchObject({ ok: true, startTime, endTime })
  })

  it.each([
    ['both empty', '', '', { start: 'start_required', end: 'end_required' }],
    ['no start', '', '10:00', { start: 'start_required' }],
    ['no end', '10:00', '', { end: 'end_required' }],
    ['a start that is not a time', '9h', '10:00', { start: 'start_invalid' }],
    ['a start of 24:00', '24:00', '00:00', { start: 'start_invalid' }],
    ['an end that is not a time', '10:00', '25:00', { end: 'end_invalid' }],
    ['an end before the start', '20:00', '19:00', { end: 'end_not_after_start' }],
    ['an end equal to the start', '20:00', '20:00', { end: 'end_not_after_start' }],
    ['inside a block', '10:00', '11:00', { block: 'overlap' }],
    ['across the lunch gap', '12:00', '15:00', { block: 'overlap' }],
    ['around everything', '00:00', '00:00', { block: 'overlap' }],
    ['one minute into the afternoon', '13:00', '14:01', { block: 'overlap' }],
  ])('refuses %s', (_label, start, end, problems) => {
    const result = validateNewBlock({ start, end }, pedroMonday)
    expect(result).toEqual({ ok: false, ...problems })
  })

  it('a day without blocks takes any valid block', () => {
    expect(validateNewBlock({ start: '00:00', end: '00:00' }, [])).toEqual({
      ok: true,
      block: { start: 0, end: END_OF_DAY },
      startTime: '00:00',
      endTime: '24:00',
    })
  })

  it('says overlap with the database message', () => {
    expect(TIME_BLOCK_MESSAGES.overlap).toBe('Este horário sobrepõe-se a outro bloco nesse dia.')
  })
})
