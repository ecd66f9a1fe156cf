// Validates a meeting link typed or pasted by a provider before it is saved or opened.
//
// The link ends up in an <a href> / window.open for employees, so anything that is not a
// plain public https URL is refused: other schemes (javascript:, data:, ...), credentials,
// hidden characters that make the shown text differ from the real target, lookalike hosts
// (non-ASCII or punycode), and hosts that cannot be a meeting platform reachable by the
// participant (localhost, IP literals, intranet names).
//
// The database refuses exactly the same inputs (private.meeting_link_allowed, migration
// 20261129110200_meeting_link_rule.sql): one table of cases (meeting-link-cases.ts) runs
// against both. So every rule here is one SQL can state too: printable ASCII only, and
// nothing the URL parser would rewrite except case, a default port and the root path.

import { platformForHostname, type Platform } from './platform'

export { detectPlatform, PLATFORMS, type Platform, type PlatformId } from './platform'

export const MEETING_LINK_MAX_LENGTH = 2048

export type MeetingLinkErrorReason =
  | 'empty'
  | 'too_long'
  | 'whitespace'
  | 'control_characters'
  | 'backslash'
  | 'not_https'
  | 'credentials'
  | 'non_ascii'
  | 'ip_address'
  | 'local_host'
  | 'invalid_url'

export type ParsedMeetingLink =
  | { ok: true; url: string; platform: Platform }
  | { ok: false; error: string; reason: MeetingLinkErrorReason }

const INVALID_MESSAGE =
  'Este não parece ser um endereço válido. Copie o link completo da sua plataforma (ex.: https://zoom.us/j/123456789).'

export const MEETING_LINK_ERRORS: Record<MeetingLinkErrorReason, string> = {
  empty: 'Indique o link da reunião.',
  too_long: `O link é demasiado longo (máximo ${MEETING_LINK_MAX_LENGTH} caracteres).`,
  whitespace: 'O link não pode conter espaços.',
  control_characters:
    'O link contém caracteres invisíveis ou de controlo. Copie-o novamente a partir da sua plataforma.',
  backslash: 'O link não pode conter barras invertidas (\\). Copie o link completo da sua plataforma.',
  not_https: 'O link tem de começar por https://.',
  credentials: 'O link não pode incluir nome de utilizador ou palavra-passe.',
  non_ascii:
    'O link só pode ter letras sem acentos, algarismos e sinais simples (endereços com outros alfabetos podem imitar uma plataforma). Copie o link completo da sua plataforma.',
  ip_address: 'Use o endereço com o nome da plataforma (ex.: zoom.us), não um endereço IP.',
  local_host:
    'Este endereço só funciona na sua rede ou no seu computador. Use o link público da reunião.',
  invalid_url: INVALID_MESSAGE,
}

// JS `\s` covers ASCII whitespace plus NBSP, U+2000-U+200A, U+2028/2029, U+3000, U+FEFF...
const WHITESPACE = /\s/u
// Cc = C0/C1 controls incl. U+0000-U+001F and U+007F; Cf = format characters: bidi
// overrides/isolates (U+202A-U+202E, U+2066-U+2069), zero-width U+200B-U+200D, U+FEFF,
// soft hyphen (which the URL parser would silently drop from a hostname), tags...
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u
// Anything but printable ASCII (what is left once whitespace and controls were refused):
// accents and other alphabets, which also hide homoglyph hosts ("zооm.us" with Cyrillic o).
const NON_ASCII = /[^\x21-\x7e]/
// Characters the URL parser percent-encodes (so the stored text would differ and grow).
const REWRITTEN_BY_PARSER = /["'<>`{}]/
const HTTPS_PREFIX = /^https:\/\//i
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
// A TLD is letters; never digits, never punycode.
const TLD = /^[a-z]{2,63}$/
// A host as typed, with an optional port of 1-5 digits (an empty "host:" port is refused).
const AUTHORITY = /^([^:]*)(?::(\d{1,5}))?$/
// Special-use / private names that never reach a participant's browser over the internet.
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'lan', 'home.arpa', 'test', 'invalid', 'example', 'localdomain']

function fail(reason: MeetingLinkErrorReason): ParsedMeetingLink {
  return { ok: false, error: MEETING_LINK_ERRORS[reason], reason }
}

function isLocalHostname(host: string): boolean {
  return (
    host.split('.').includes('localhost') ||
    LOCAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))
  )
}

// Why refuse IP literals: a legitimate meeting platform always gives a hostname, while a
// bare IP (often normalised by the parser from forms like 0x7f000001 or 127.1) is the
// usual way to point participants at a private network or hide the real destination.
function hostnameProblem(host: string): MeetingLinkErrorReason | null {
  if (host.startsWith('[') || IPV4.test(host)) return 'ip_address'
  if (isLocalHostname(host)) return 'local_host'
  if (host.length > 253) return 'invalid_url'
  const labels = host.split('.')
  // Needs at least "name.tld"; a trailing dot ("zoom.us.") yields an empty label and
  // would also dodge platform detection, so it is refused too.
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return 'invalid_url'
  // Punycode: how a lookalike Unicode host is written in ASCII.
  if (labels.some((label) => label.startsWith('xn--'))) return 'non_ascii'
  if (!TLD.test(labels[labels.length - 1] ?? '')) return 'invalid_url'
  return null
}

/** Validates and normalises a meeting link; never throws. */
export function parseMeetingLink(input: string): ParsedMeetingLink {
  const text = input.trim()
  if (text === '') return fail('empty')
  if (text.length > MEETING_LINK_MAX_LENGTH) return fail('too_long')
  if (WHITESPACE.test(text)) return fail('whitespace')
  if (CONTROL_OR_FORMAT.test(text)) return fail('control_characters')
  if (NON_ASCII.test(text)) return fail('non_ascii')
  // The URL parser treats "\" as "/" for https, so "https://zoom.us\@evil.com" would be
  // read differently by different tools. Nobody needs one in a meeting link.
  if (text.includes('\\')) return fail('backslash')
  // Require the literal "https://": the parser would also accept "https:zoom.us" or
  // "https:///zoom.us" and quietly fix them, hiding a mangled paste.
  if (!HTTPS_PREFIX.test(text)) return fail('not_https')
  if (REWRITTEN_BY_PARSER.test(text)) return fail('invalid_url')
  const afterScheme = text.slice('https://'.length)
  if (afterScheme.startsWith('/')) return fail('invalid_url')
  // Checked on the raw authority because the parser drops an empty "user:@" silently.
  const authority = afterScheme.split(/[/?#]/, 1)[0] ?? ''
  if (authority.includes('@')) return fail('credentials')

  let url: URL
  try {
    url = new URL(text)
  } catch {
    return fail('invalid_url')
  }
  if (url.protocol !== 'https:') return fail('not_https')
  if (url.username !== '' || url.password !== '') return fail('credentials')
  // url.hostname is lowercase and numeric forms (0x7f000001, 127.1) come out as dotted IPv4.
  const problem = hostnameProblem(url.hostname)
  if (problem) return fail(problem)
  // The host as typed must already be the parsed one (no "zoom%2eus"), the port plain digits.
  const typed = AUTHORITY.exec(authority)
  if (!typed || Number(typed[2] ?? 0) > 65_535 || typed[1]!.toLowerCase() !== url.hostname) return fail('invalid_url')
  // Without a path the stored href gains a "/": the DB limit applies to what we store.
  const rest = afterScheme.slice(authority.length)
  if (!rest.startsWith('/') && text.length > MEETING_LINK_MAX_LENGTH - 1) return fail('too_long')
  if (url.href.length > MEETING_LINK_MAX_LENGTH) return fail('too_long')
  return { ok: true, url: url.href, platform: platformForHostname(url.hostname) }
}
