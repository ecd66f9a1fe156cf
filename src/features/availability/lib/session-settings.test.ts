import { parseMinutes, validateSessionSettings } from './session-settings'

describe('parseMinutes', () => {
  it.each([
    ['50', 50],
    [' 50 ', 50],
    ['0', 0],
    ['240', 240],
    ['', null],
    ['50.5', null],
    ['5e1', null],
    ['-10', null],
    ['cinquenta', null],
    ['12345', null],
  ])('%j -> %j', (text, minutes) => {
    expect(parseMinutes(text)).toBe(minutes)
  })
})

describe('validateSessionSettings', () => {
  it.each([
    ['the defaults', '50', '10', 50, 10],
    ['the minimums', '15', '0', 15, 0],
    ['the maximums', '240', '120', 240, 120],
  ])('accepts %s', (_label, sessionMinutes, bufferMinutes, session, buffer) => {
    expect(validateSessionSettings({ sessionMinutes, bufferMinutes })).toEqual({ ok: true, sessionMinutes: session, bufferMinutes: buffer })
  })

  it.each([
    ['empty fields', '', '', { sessionMinutes: 'session_required', bufferMinutes: 'buffer_required' }],
    ['a session under 15 minutes', '14', '10', { sessionMinutes: 'session_out_of_range' }],
    ['a session over 240 minutes', '241', '10', { sessionMinutes: 'session_out_of_range' }],
    ['a fractional session', '45.5', '10', { sessionMinutes: 'session_out_of_range' }],
    ['a negative buffer', '50', '-5', { bufferMinutes: 'buffer_out_of_range' }],
    ['a buffer over 120 minutes', '50', '121', { bufferMinutes: 'buffer_out_of_range' }],
  ])('refuses %s', (_label, sessionMinutes, bufferMinutes, problems) => {
    expect(validateSessionSettings({ sessionMinutes, bufferMinutes })).toEqual({ ok: false, ...problems })
  })
})
