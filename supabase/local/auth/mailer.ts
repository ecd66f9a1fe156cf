/**
 * LOCAL STACK ONLY: what the local auth service needs to send Supabase Auth's e-mails: the
 * templates and limits named in supabase/config.toml (as a hosted project sets them), the
 * Go-template placeholders GoTrue fills in, and GoTrue's check of redirect_to.
 */
import { createHash, randomInt } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { sendMail } from '../mail.ts'
import { PROJECT_ROOT } from '../migrate.ts'

export type EmailKind = 'recovery' | 'invite'

export interface MailerSettings {
  siteUrl: string
  additionalRedirectUrls: string[]
  /** how long a link in an e-mail works ([auth.email] otp_expiry; GoTrue default 3600 s) */
  otpExpirySeconds: number
  /** per user, the minimum time between two e-mails of a kind ([auth.email] max_frequency) */
  maxFrequencySeconds: number
  /** e-mails the whole project may send per hour ([auth.rate_limit] email_sent) */
  emailsPerHour: number
  /** /recover requests per IP per hour (GoTrue's RATE_LIMIT_OTP, default 30) */
  recoverPerIpPerHour: number
  templates: Record<EmailKind, { subject: string; html: string }>
  sender: string
  /** the inbox's SMTP port; undefined = no inbox, sending fails as with a broken SMTP server */
  smtpPort?: number
}

type Toml = Record<string, Record<string, unknown>>

/** The subset of TOML config.toml uses: [sections], strings, numbers, booleans, string arrays. */
export function parseTomlSubset(text: string): Toml {
  const out: Toml = {}
  let section = ''
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim()
    if (!line || line.startsWith('#')) continue
    const head = /^\[([^\]]+)\]$/.exec(line)
    if (head) {
      section = head[1]!.trim()
      continue
    }
    const kv = /^([A-Za-z0-9_]+)\s*=\s*(.+)$/.exec(line)
    if (!kv) continue
    const v = kv[2]!
    ;(out[section] ??= {})[kv[1]!] = v.startsWith('[') || v.startsWith('"') ? JSON.parse(v) : v === 'true' || v === 'false' ? v === 'true' : /^\d+$/.test(v) ? Number(v) : v
  }
  return out
}

/** Go durations as config.toml writes them ("1s", "60s", "1m"). */
function seconds(v: unknown, fallback: number): number {
  const m = /^(\d+)(s|m|h)$/.exec(String(v ?? ''))
  return m ? Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as 's' | 'm' | 'h'] : typeof v === 'number' ? v : fallback
}

export function readMailerSettings(
  configPath = path.join(PROJECT_ROOT, 'supabase', 'config.toml'),
  overrides: Partial<MailerSettings> = {},
): MailerSettings {
  const toml = parseTomlSubset(fs.readFileSync(configPath, 'utf8'))
  const auth = toml.auth ?? {}
  const email = toml['auth.email'] ?? {}
  const template = (kind: EmailKind) => {
    const t = toml[`auth.email.template.${kind}`] ?? {}
    if (typeof t.content_path !== 'string' || typeof t.subject !== 'string') {
      throw new Error(`supabase/config.toml: [auth.email.template.${kind}] needs subject and content_path`)
    }
    // The Supabase CLI resolves content_path from the project root (the folder holding supabase/).
    return { subject: t.subject, html: fs.readFileSync(path.resolve(path.dirname(configPath), '..', t.content_path), 'utf8') }
  }
  return {
    siteUrl: String(auth.site_url ?? 'http://127.0.0.1:3000'),
    additionalRedirectUrls: (auth.additional_redirect_urls as string[] | undefined) ?? [],
    otpExpirySeconds: seconds(email.otp_expiry, 3600),
    maxFrequencySeconds: seconds(email.max_frequency, 60),
    emailsPerHour: Number(toml['auth.rate_limit']?.email_sent ?? 2),
    recoverPerIpPerHour: 30,
    templates: { recovery: template('recovery'), invite: template('invite') },
    sender: 'nao-responder@encontro.test',
    ...overrides,
  }
}

/** GoTrue: token hash = hex sha224(email + otp); the 6-digit otp is the {{ .Token }} of the e-mail. */
export function newEmailToken(email: string): { otp: string; tokenHash: string } {
  const otp = String(randomInt(0, 1_000_000)).padStart(6, '0')
  return { otp, tokenHash: createHash('sha224').update(email + otp).digest('hex') }
}

/** Fills GoTrue's template placeholders ({{ .ConfirmationURL }}, {{ .Token }}, {{ .Data.name }}...). */
export function renderTemplate(template: string, vars: Record<string, string>, data: Record<string, unknown>): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  return template.replace(/\{\{\s*\.([A-Za-z]+)(?:\.([A-Za-z0-9_]+))?\s*\}\}/g, (_, name: string, key?: string) => {
    const v = name === 'Data' && key ? data[key] : vars[name]
    return v === undefined || v === null ? '' : esc(String(v))
  })
}

const isLoopback = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1'

/** Glob of additional_redirect_urls: `*` within a path segment or host label, `**` across. */
function globMatches(glob: string, url: string): boolean {
  const re = glob
    .split('**')
    .map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/.]*'))
    .join('.*')
  return new RegExp(`^${re}$`).test(url)
}

/** GoTrue's IsRedirectURLValid: the site itself (any port on loopback) or an allow-listed URL. */
export function isRedirectAllowed(s: MailerSettings, redirectTo: string): boolean {
  let base: URL, ref: URL
  try {
    base = new URL(s.siteUrl)
    ref = new URL(redirectTo)
  } catch {
    return false
  }
  if (base.hostname === ref.hostname && base.protocol === ref.protocol && (base.port === ref.port || isLoopback(ref.hostname))) {
    return true
  }
  return s.additionalRedirectUrls.some((g) => globMatches(g, redirectTo) || globMatches(g, redirectTo.replace(/[?#].*$/, '')))
}

export const redirectOrSite = (s: MailerSettings, redirectTo: string | null | undefined) =>
  redirectTo && isRedirectAllowed(s, redirectTo) ? redirectTo : s.siteUrl

export async function sendAuthEmail(
  s: MailerSettings,
  kind: EmailKind,
  to: string,
  vars: Record<string, string>,
  data: Record<string, unknown>,
): Promise<void> {
  if (s.smtpPort === undefined) throw new Error('no SMTP server configured (start the stack with its inbox)')
  const t = s.templates[kind]
  await sendMail(s.smtpPort, { from: s.sender, to, subject: t.subject, html: renderTemplate(t.html, vars, data) })
}
