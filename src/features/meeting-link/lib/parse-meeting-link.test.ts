import { describe, expect, it } from 'vitest'
import { MEETING_LINK_CASES } from './meeting-link-cases'
import {
  MEETING_LINK_ERRORS,
  MEETING_LINK_MAX_LENGTH,
  parseMeetingLink,
  type MeetingLinkErrorReason,
} from './parse-meeting-link'

describe('parseMeetingLink: refused inputs', () => {
  it.each<[string, MeetingLinkErrorReason]>([
    // empty
    ['', 'empty'],
    ['   ', 'empty'],
    ['\n\t ', 'empty'],
    // other schemes and scheme tricks
    ['javascript:alert(1)', 'not_https'],
    ['JaVaScRiPt:alert(document.cookie)', 'not_https'],
    ['  javascript:alert(1)  ', 'not_https'],
    ['javascript://zoom.us/%0Aalert(1)', 'not_https'],
    ['data:text/html,<script>alert(1)</script>', 'not_https'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'not_https'],
    ['vbscript:msgbox(1)', 'not_https'],
    ['file:///etc/passwd', 'not_https'],
    ['http://zoom.us/j/123456789', 'not_https'],
    ['ftp://zoom.us/j/123', 'not_https'],
    ['mailto:joana@empresa.pt', 'not_https'],
    ['//zoom.us/j/123456789', 'not_https'],
    ['zoom.us/j/123456789', 'not_https'],
    ['reuniao', 'not_https'],
    ['https:zoom.us/j/1', 'not_https'],
    ['https:/zoom.us/j/1', 'not_https'],
    ['https//zoom.us/j/1', 'not_https'],
    ['ws://meet.jit.si/sala', 'not_https'],
    ['<a href="https://zoom.us/j/1">', 'whitespace'],
    // whitespace inside
    ['https://zoom.us/j/123 456', 'whitespace'],
    ['https://zoom.us/j/1\t2', 'whitespace'],
    ['https://zoom.us/j/1\nhttps://evil.com', 'whitespace'],
    ['java\tscript:alert(1)', 'whitespace'],
    ['https://zoom.us/j/1\u00a0x', 'whitespace'],
    ['https://zoom.us/j/1\u2028x', 'whitespace'],
    ['https://zoom.us/j/1\u3000x', 'whitespace'],
    ['https://zoom.us/j/1\ufeffx', 'whitespace'],
    // control, bidi and invisible characters
    ['https://zoom.us/j/1\u0000', 'control_characters'],
    ['https://zoom.us/j/\u001b[31m', 'control_characters'],
    ['https://zoom.us/j/1\u007f', 'control_characters'],
    ['https://zoom.us/j/1\u0085', 'control_characters'],
    ['https://evil.com/\u202esu.mooz//:sptth', 'control_characters'],
    ['https://zoom.us/j/\u202a1', 'control_characters'],
    ['https://zoom.us/j/\u2066123\u2069', 'control_characters'],
    ['\u200bhttps://zoom.us/j/1', 'control_characters'],
    ['https://zo\u200com.us/j/1', 'control_characters'],
    ['https://zoom.us/j/1\u200d', 'control_characters'],
    ['https://exa\u00admple.com/', 'control_characters'],
    // backslashes
    ['https://zoom.us\\@evil.com/', 'backslash'],
    ['https:\\\\zoom.us\\j\\1', 'backslash'],
    ['https://evil.com\\zoom.us', 'backslash'],
    // credentials
    ['https://user:pass@zoom.us/j/1', 'credentials'],
    ['https://teams.microsoft.com@evil.com/', 'credentials'],
    ['https://zoom.us:443@evil.com/', 'credentials'],
    ['https://@zoom.us/j/1', 'credentials'],
    ['https://:@zoom.us/j/1', 'credentials'],
    ['https://evil.com%2F@zoom.us/', 'credentials'],
    // IP literals
    ['https://127.0.0.1/', 'ip_address'],
    ['https://10.0.0.5:8443/sala', 'ip_address'],
    ['https://0x7f000001/', 'ip_address'],
    ['https://127.1/', 'ip_address'],
    ['https://2130706433/', 'ip_address'],
    ['https://[::1]/', 'ip_address'],
    ['https://[2001:db8::1]:8443/sala', 'ip_address'],
    // local / private names
    ['https://localhost/', 'local_host'],
    ['https://localhost:5173/j/1', 'local_host'],
    ['https://LOCALHOST/', 'local_host'],
    ['https://zoom.us.localhost/', 'local_host'],
    ['https://meet.empresa.local/sala', 'local_host'],
    ['https://jitsi.corp.internal/sala', 'local_host'],
    ['https://router.home.arpa/', 'local_host'],
    ['https://localhost.localdomain/', 'local_host'],
    ['https://localhost.zoom.us/', 'local_host'],
    // lookalike hosts and other alphabets
    ['https://zооm.us/j/1', 'non_ascii'],
    ['https://xn--zm-fmca.us/j/1', 'non_ascii'],
    ['https://reunioes.empresa.pt/s/ção', 'non_ascii'],
    // malformed
    ['https://', 'invalid_url'],
    ['https:///zoom.us/j/1', 'invalid_url'],
    ['https://intranet/sala', 'invalid_url'],
    ['https://zoom/j/1', 'invalid_url'],
    ['https://zoom.us./j/1', 'invalid_url'],
    ['https://a..b.com/', 'invalid_url'],
    ['https://.zoom.us/', 'invalid_url'],
    ['https://-zoom.us/', 'invalid_url'],
    ['https://zoom-.us/', 'invalid_url'],
    ['https://zo_om.us/', 'invalid_url'],
    ['https://zoom.u5/', 'invalid_url'],
    ['https://zoom.1a/', 'invalid_url'],
    ['https://zoom.u/', 'invalid_url'],
    ['https://1.2.3.4.5/', 'invalid_url'],
    ['https://%00zoom.us/', 'invalid_url'],
    ['https://zoom.us:99999/', 'invalid_url'],
    ['https://zoom.us:abc/', 'invalid_url'],
    ['https://zoom.us:/j/1', 'invalid_url'],
    ['https://zoom%2eus/j/1', 'invalid_url'],
    ['https://zoom.us/j/{1}', 'invalid_url'],
    ['https://zo<om.us/', 'invalid_url'],
    [`https://${'a'.repeat(64)}.com/`, 'invalid_url'],
  ])('%j -> %s', (input, reason) => {
    const result = parseMeetingLink(input)
    expect(result).toEqual({ ok: false, reason, error: MEETING_LINK_ERRORS[reason] })
  })
})

describe('parseMeetingLink: accepted links', () => {
  it.each<[string, string, string]>([
    ['https://zoom.us/j/123456789', 'https://zoom.us/j/123456789', 'zoom'],
    ['https://us02web.zoom.us/j/85512345678?pwd=AbC123xYz', 'https://us02web.zoom.us/j/85512345678?pwd=AbC123xYz', 'zoom'],
    ['  https://zoom.us/j/123456789  ', 'https://zoom.us/j/123456789', 'zoom'],
    ['HTTPS://ZOOM.US/j/123', 'https://zoom.us/j/123', 'zoom'],
    ['https://zoom.us', 'https://zoom.us/', 'zoom'],
    ['https://zoom.us:443/j/1', 'https://zoom.us/j/1', 'zoom'],
    ['\u00a0https://zoom.us/j/1\u00a0\n', 'https://zoom.us/j/1', 'zoom'],
    ['https://meet.google.com/abc-defg-hij', 'https://meet.google.com/abc-defg-hij', 'google_meet'],
    ['https://Meet.Google.com/abc-defg-hij?authuser=0', 'https://meet.google.com/abc-defg-hij?authuser=0', 'google_meet'],
    [
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d',
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d',
      'teams',
    ],
    ['https://teams.live.com/meet/9876543210', 'https://teams.live.com/meet/9876543210', 'teams'],
    ['https://meet.jit.si/Encontro-abc123', 'https://meet.jit.si/Encontro-abc123', 'jitsi'],
    ['https://whereby.com/dra-silva', 'https://whereby.com/dra-silva', 'whereby'],
    ['https://clinica.whereby.com/sala-1', 'https://clinica.whereby.com/sala-1', 'whereby'],
    ['https://empresa.webex.com/meet/joana', 'https://empresa.webex.com/meet/joana', 'webex'],
    ['https://webex.com/meet/joana', 'https://webex.com/meet/joana', 'webex'],
    ['https://jitsi.clinica-exemplo.pt:8443/sala#config.startWithAudioMuted=true', 'https://jitsi.clinica-exemplo.pt:8443/sala#config.startWithAudioMuted=true', 'other'],
    ['https://evil.com/#@zoom.us', 'https://evil.com/#@zoom.us', 'other'],
    ['https://evil.com/?u=https://zoom.us/j/1', 'https://evil.com/?u=https://zoom.us/j/1', 'other'],
    ['https://8x8.vc/empresa/sala', 'https://8x8.vc/empresa/sala', 'other'],
  ])('%j', (input, url, platformId) => {
    const result = parseMeetingLink(input)
    expect(result).toMatchObject({ ok: true, url, platform: { id: platformId } })
  })
})

describe('parseMeetingLink: lookalike hosts are not the platform', () => {
  it.each([
    'https://zoom.us.evil.com/j/1',
    'https://zoom-us.com/j/1',
    'https://evilzoom.us/j/1',
    'https://zoom.usa.com/j/1',
    'https://meet.google.com.evil.io/abc-defg-hij',
    'https://meet-google.com/abc-defg-hij',
    'https://google.com/meet/abc',
    'https://evil.meet.google.com.co/x',
    'https://teams.microsoft.com.evil.net/l/1',
    'https://fake-teams.microsoft.co/l/1',
    'https://evilteams.live.com/x',
    'https://meet.jit.si.evil.com/sala',
    'https://notmeet.jit.si/sala',
    'https://wherebyy.com/x',
    'https://evilwhereby.com/x',
    'https://webex.com.evil.org/x',
    'https://mywebex.com/x',
  ])('%s -> other', (input) => {
    const result = parseMeetingLink(input)
    expect(result).toMatchObject({ ok: true, platform: { id: 'other', label: 'Outra plataforma' } })
  })
})

describe('parseMeetingLink: length limit', () => {
  const prefix = 'https://zoom.us/j/'
  const withLength = (n: number) => prefix + '1'.repeat(n - prefix.length)

  it.each([
    [MEETING_LINK_MAX_LENGTH - 1, true],
    [MEETING_LINK_MAX_LENGTH, true],
    [MEETING_LINK_MAX_LENGTH + 1, false],
    [10_000, false],
  ])('%i characters -> ok=%s', (length, ok) => {
    const input = withLength(length)
    expect(input).toHaveLength(length)
    const result = parseMeetingLink(input)
    expect(result.ok).toBe(ok)
    if (result.ok) expect(result.url).toBe(input)
    else expect(result.reason).toBe('too_long')
  })

  it('limits the trimmed text, not the surrounding whitespace', () => {
    expect(parseMeetingLink(`   ${withLength(MEETING_LINK_MAX_LENGTH)}\n`).ok).toBe(true)
  })

  it('refuses input that only exceeds the limit once normalised (the root path added)', () => {
    // 2048 characters typed, but "https://zoom.us?..." is stored as "https://zoom.us/?...".
    const input = 'https://zoom.us?' + '1'.repeat(MEETING_LINK_MAX_LENGTH - 'https://zoom.us?'.length)
    expect(input).toHaveLength(MEETING_LINK_MAX_LENGTH)
    expect(parseMeetingLink(input)).toMatchObject({ ok: false, reason: 'too_long' })
  })
})

describe('parseMeetingLink: messages', () => {
  it.each<[string, string]>([
    ['', 'Indique o link da reunião.'],
    ['http://zoom.us/j/1', 'O link tem de começar por https://.'],
    ['https://zoom.us/j/1 2', 'O link não pode conter espaços.'],
    ['https://a:b@zoom.us/', 'O link não pode incluir nome de utilizador ou palavra-passe.'],
    ['https://zoom.us/j/' + '1'.repeat(3000), 'O link é demasiado longo (máximo 2048 caracteres).'],
    [
      'https://zoom/j/1',
      'Este não parece ser um endereço válido. Copie o link completo da sua plataforma (ex.: https://zoom.us/j/123456789).',
    ],
  ])('%j', (input, message) => {
    expect(parseMeetingLink(input)).toMatchObject({ ok: false, error: message })
  })

  it('every accepted url satisfies the DB check (^https:// and <= 2048 chars)', () => {
    for (const input of ['HTTPS://ZOOM.US/j/1', 'https://Meet.Google.com/x', '  https://whereby.com/a  ']) {
      const result = parseMeetingLink(input)
      if (!result.ok) throw new Error(`expected ${input} to be accepted`)
      expect(result.url).toMatch(/^https:\/\//)
      expect(result.url.length).toBeLessThanOrEqual(MEETING_LINK_MAX_LENGTH)
    }
  })
})

// The same table runs against the database's CHECK (tests/integration/meeting-link-rule.test.ts).
describe('parseMeetingLink: the table shared with the database', () => {
  it('has at least 60 cases with unique labels', () => {
    expect(MEETING_LINK_CASES.length).toBeGreaterThanOrEqual(60)
    expect(new Set(MEETING_LINK_CASES.map((c) => c.label)).size).toBe(MEETING_LINK_CASES.length)
  })

  it.each(MEETING_LINK_CASES.map((c) => [c.label, c] as const))('%s', (_label, { input, ok }) => {
    const result = parseMeetingLink(input)
    expect(result.ok).toBe(ok)
    if (result.ok) {
      // What the app stores is accepted again unchanged (the database sees this text).
      expect(parseMeetingLink(result.url)).toMatchObject({ ok: true, url: result.url })
      expect(result.url.length).toBeLessThanOrEqual(MEETING_LINK_MAX_LENGTH)
    }
  })
})
