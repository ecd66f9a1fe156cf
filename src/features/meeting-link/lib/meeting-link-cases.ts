// One table of meeting links for the two places that judge them: the app's parser
// (parse-meeting-link.test.ts) and the database's CHECK (tests/integration/meeting-link-rule.test.ts).
// A link one accepts and the other refuses fails both tests.

export interface MeetingLinkCase {
  label: string
  input: string
  ok: boolean
}

const at = (length: number, prefix = 'https://zoom.us/j/') => prefix + '1'.repeat(length - prefix.length)

export const MEETING_LINK_CASES: readonly MeetingLinkCase[] = [
  // accepted
  { label: 'zoom', input: 'https://zoom.us/j/123456789', ok: true },
  { label: 'zoom with password', input: 'https://us02web.zoom.us/j/85512345678?pwd=AbC123xYz', ok: true },
  { label: 'google meet', input: 'https://meet.google.com/abc-defg-hij', ok: true },
  { label: 'teams with encoded context', input: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d', ok: true },
  { label: 'jitsi room', input: 'https://meet.jit.si/Encontro-abcdefghijklmnopqrstuvwxyz234567', ok: true },
  { label: 'whereby subdomain', input: 'https://clinica.whereby.com/sala-1', ok: true },
  { label: 'webex', input: 'https://empresa.webex.com/meet/joana', ok: true },
  { label: 'own jitsi with port and fragment', input: 'https://jitsi.clinica-exemplo.pt:8443/sala#config.startWithAudioMuted=true', ok: true },
  { label: 'upper-case scheme and host', input: 'HTTPS://ZOOM.US/j/123', ok: true },
  { label: 'mixed-case scheme', input: 'HtTpS://Meet.Google.com/abc-defg-hij?authuser=0', ok: true },
  { label: 'no path', input: 'https://zoom.us', ok: true },
  { label: 'default port', input: 'https://zoom.us:443/j/1', ok: true },
  { label: 'port with leading zeros', input: 'https://zoom.us:0443/j/1', ok: true },
  { label: 'surrounding spaces and NBSP (trimmed)', input: '\u00a0 https://zoom.us/j/1 \n', ok: true },
  { label: 'fragment with @', input: 'https://evil.com/#@zoom.us', ok: true },
  { label: 'url in the query', input: 'https://evil.com/?u=https://zoom.us/j/1', ok: true },
  { label: 'digit-led domain', input: 'https://8x8.vc/empresa/sala', ok: true },
  { label: 'query without path', input: 'https://zoom.us?x=1', ok: true },
  { label: 'empty fragment', input: 'https://zoom.us/j/1#', ok: true },
  { label: 'pipes, carets and brackets in the path', input: 'https://zoom.us/j/a|b^c[d]', ok: true },
  { label: '@ in the path', input: 'https://zoom.us/j/@sala', ok: true },
  { label: '2,048 characters', input: at(2048), ok: true },
  { label: '2,047 characters without a path', input: at(2047, 'https://zoom.us?'), ok: true },
  { label: '63-character label', input: `https://${'a'.repeat(63)}.com/`, ok: true },
  // length
  { label: '2,049 characters', input: at(2049), ok: false },
  { label: '2,048 characters without a path (the stored href gains a /)', input: at(2048, 'https://zoom.us?'), ok: false },
  { label: 'empty', input: '', ok: false },
  { label: 'only spaces', input: ' \t\n ', ok: false },
  // schemes
  { label: 'javascript', input: 'javascript:alert(1)', ok: false },
  { label: 'data', input: 'data:text/html,<script>alert(1)</script>', ok: false },
  { label: 'http', input: 'http://zoom.us/j/123456789', ok: false },
  { label: 'scheme-relative', input: '//zoom.us/j/1', ok: false },
  { label: 'missing slashes', input: 'https:zoom.us/j/1', ok: false },
  { label: 'three slashes', input: 'https:///zoom.us/j/1', ok: false },
  { label: 'no host', input: 'https://', ok: false },
  // IP hosts
  { label: 'IPv4', input: 'https://127.0.0.1/', ok: false },
  { label: 'private IPv4 with port', input: 'https://10.0.0.5:8443/sala', ok: false },
  { label: 'hex IPv4', input: 'https://0x7f000001/', ok: false },
  { label: 'short IPv4', input: 'https://127.1/', ok: false },
  { label: 'decimal IPv4', input: 'https://2130706433/', ok: false },
  { label: 'IPv6', input: 'https://[::1]/', ok: false },
  { label: 'IPv6 with port', input: 'https://[2001:db8::1]:8443/sala', ok: false },
  // local names
  { label: 'localhost', input: 'https://localhost:5173/j/1', ok: false },
  { label: 'localhost.localdomain', input: 'https://localhost.localdomain/j/1', ok: false },
  { label: 'anything.localdomain', input: 'https://meet.localdomain/j/1', ok: false },
  { label: 'localhost as a first label', input: 'https://localhost.zoom.us/j/1', ok: false },
  { label: '.local', input: 'https://meet.empresa.local/sala', ok: false },
  { label: '.internal', input: 'https://jitsi.corp.internal/sala', ok: false },
  { label: 'home.arpa', input: 'https://router.home.arpa/', ok: false },
  { label: 'intranet single label', input: 'https://intranet/sala', ok: false },
  // bidi, zero-width and other hidden characters
  { label: 'right-to-left override', input: 'https://evil.com/\u202esu.mooz//:sptth', ok: false },
  { label: 'isolates', input: 'https://zoom.us/j/\u2066123\u2069', ok: false },
  { label: 'left-to-right mark', input: 'https://zoom.us/j/1\u200e', ok: false },
  { label: 'zero-width space before', input: '\u200bhttps://zoom.us/j/1', ok: false },
  { label: 'zero-width non-joiner in host', input: 'https://zo\u200com.us/j/1', ok: false },
  { label: 'soft hyphen in host', input: 'https://exa\u00admple.com/', ok: false },
  { label: 'NBSP inside', input: 'https://zoom.us/j/1\u00a0x', ok: false },
  { label: 'CRLF', input: 'https://zoom.us/j/1\r\nhttps://evil.com', ok: false },
  { label: 'tab', input: 'https://zoom.us/j/1\t2', ok: false },
  { label: 'escape', input: 'https://zoom.us/j/\u001b[31m', ok: false },
  { label: 'C1 control', input: 'https://zoom.us/j/1\u0085', ok: false },
  // homoglyphs, accents, punycode
  { label: 'Cyrillic o homoglyphs', input: 'https://zооm.us/j/1', ok: false },
  { label: 'Greek omicron', input: 'https://zοom.us/j/1', ok: false },
  { label: 'punycode of a homoglyph', input: 'https://xn--zm-fmca.us/j/1', ok: false },
  { label: 'punycode subdomain', input: 'https://xn--80ak6aa92e.zoom.us/j/1', ok: false },
  { label: 'punycode TLD', input: 'https://zoom.xn--p1ai/j/1', ok: false },
  { label: 'accented path', input: 'https://reunioes.empresa.pt/s/ção', ok: false },
  { label: 'fullwidth letters', input: 'https://ｚｏｏｍ.us/j/1', ok: false },
  { label: 'emoji', input: 'https://zoom.us/j/🙂', ok: false },
  // credentials
  { label: 'user and password', input: 'https://user:pass@zoom.us/j/1', ok: false },
  { label: 'platform as user', input: 'https://teams.microsoft.com@evil.com/', ok: false },
  { label: 'empty credentials', input: 'https://:@zoom.us/j/1', ok: false },
  { label: 'encoded slash before @', input: 'https://evil.com%2F@zoom.us/', ok: false },
  // backslash and characters the URL parser rewrites
  { label: 'backslash before @', input: 'https://zoom.us\\@evil.com/', ok: false },
  { label: 'backslashes as slashes', input: 'https:\\\\zoom.us\\j\\1', ok: false },
  { label: 'double quote', input: 'https://zoom.us/j/"1"', ok: false },
  { label: 'angle brackets', input: 'https://zoom.us/j/<1>', ok: false },
  { label: 'braces', input: 'https://zoom.us/j/{1}', ok: false },
  { label: 'backtick', input: 'https://zoom.us/j/`1`', ok: false },
  { label: 'apostrophe in the query', input: "https://zoom.us/j/1?q='x'", ok: false },
  // malformed hosts and ports
  { label: 'trailing dot', input: 'https://zoom.us./j/1', ok: false },
  { label: 'empty label', input: 'https://a..b.com/', ok: false },
  { label: 'leading hyphen', input: 'https://-zoom.us/', ok: false },
  { label: 'underscore', input: 'https://zo_om.us/', ok: false },
  { label: 'digit TLD', input: 'https://zoom.u5/', ok: false },
  { label: 'one-letter TLD', input: 'https://zoom.u/', ok: false },
  { label: '64-character label', input: `https://${'a'.repeat(64)}.com/`, ok: false },
  { label: 'percent-encoded host', input: 'https://zoom%2eus/j/1', ok: false },
  { label: 'percent-encoded NUL in host', input: 'https://%00zoom.us/', ok: false },
  { label: 'port over 65535', input: 'https://zoom.us:99999/', ok: false },
  { label: 'six-digit port', input: 'https://zoom.us:000443/', ok: false },
  { label: 'empty port', input: 'https://zoom.us:/j/1', ok: false },
  { label: 'letters as port', input: 'https://zoom.us:abc/', ok: false },
]
