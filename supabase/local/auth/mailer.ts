/**
 * LOCAL STACK ONLY: how the auth service sends its e-mails. One small interface: the default
 * prints them, `smtpMailer` fills the templates named in config.toml and sends them to the
 * local inbox (maildev, ../mail.ts), tests pass `memoryMailer()` and read what was sent.
 */
import fs from 'node:fs'
import path from 'node:path'
import { localConfig, type EmailTemplate, type EmailTemplateKind } from '../config.ts'
import { sendMail } from '../mail.ts'
import { PROJECT_ROOT } from '../migrate.ts'

export type AuthEmailKind = 'recovery' | 'invite'

export interface AuthEmail {
  kind: AuthEmailKind
  to: string
  subject: string
  text: string
  /** the link in the message: GET /auth/v1/verify?token=<token hash>&type=<kind>&redirect_to=... */
  link: string
  /** what templates call {{ .TokenHash }} (supabase-js verifyOtp({ token_hash, type })) */
  tokenHash: string
  /** the 6-digit code, {{ .Token }} */
  otp: string
  /** where the link sends the person after verifying, {{ .RedirectTo }} */
  redirectTo: string
  /** the user's metadata, {{ .Data.<key> }} (e.g. what /invite was given) */
  data?: Record<string, unknown>
}

export interface Mailer {
  send(email: AuthEmail): Promise<void>
}

/** Plain pt-PT wording for the printed and in-memory e-mails (smtpMailer uses the templates). */
export function composeEmail(
  kind: AuthEmailKind,
  fields: Omit<AuthEmail, 'kind' | 'subject' | 'text'>,
): AuthEmail {
  const subject = kind === 'recovery' ? 'Recuperar a palavra-passe' : 'Convite para o Encontro'
  const intro =
    kind === 'recovery'
      ? 'Recebemos um pedido para definir uma nova palavra-passe. Se não foi feito por si, ignore esta mensagem.'
      : 'Foi convidado para o Encontro. Siga o link para definir a sua palavra-passe.'
  return { kind, subject, text: `${intro}\n\n${fields.link}\n\nCódigo: ${fields.otp}\n`, ...fields }
}

/** Default: the message on stderr (a stack started without its inbox). */
export const logMailer: Mailer = {
  async send(email) {
    process.stderr.write(`[auth] e-mail (${email.kind}) to ${email.to}: ${email.subject} ${email.link}\n`)
  },
}

export interface MemoryMailer extends Mailer {
  readonly sent: AuthEmail[]
  /** the newest message to `to`, if any */
  last(to: string): AuthEmail | undefined
}

export function memoryMailer(): MemoryMailer {
  const sent: AuthEmail[] = []
  return {
    sent,
    async send(email) {
      sent.push(email)
    },
    last: (to) => sent.filter((e) => e.to === to.toLowerCase()).at(-1),
  }
}

/**
 * Fills GoTrue's Go-template placeholders ({{ .ConfirmationURL }}, {{ .Token }}, {{ .TokenHash }},
 * {{ .RedirectTo }}, {{ .SiteURL }}, {{ .Email }}, {{ .Data.name }}), HTML-escaped; unknown ones
 * become empty as in Go templates on a missing map key.
 */
export function renderTemplate(template: string, vars: Record<string, string>, data: Record<string, unknown> = {}): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  return template.replace(/\{\{\s*\.([A-Za-z]+)(?:\.([A-Za-z0-9_]+))?\s*\}\}/g, (_, name: string, key?: string) => {
    const v = name === 'Data' && key ? data[key] : vars[name]
    return v === undefined || v === null ? '' : esc(String(v))
  })
}

export interface LoadedTemplate {
  subject: string
  html: string
}

/** config.toml's [auth.email.template.*]: content_path is relative to the project root, as for the CLI. */
export function loadTemplates(
  templates: Record<EmailTemplateKind, EmailTemplate> = localConfig().auth.email.template,
  root = PROJECT_ROOT,
): Record<EmailTemplateKind, LoadedTemplate> {
  const load = (t: EmailTemplate) => ({ subject: t.subject, html: fs.readFileSync(path.resolve(root, t.content_path), 'utf8') })
  return { recovery: load(templates.recovery), invite: load(templates.invite) }
}

export interface SmtpMailerOptions {
  /** the inbox's SMTP port (maildev) */
  smtpPort: number
  /** default: supabase/config.toml's templates */
  templates?: Record<EmailTemplateKind, LoadedTemplate>
  siteUrl?: string
  sender?: string
}

/** Sends each e-mail through SMTP with its config.toml template and subject filled in. */
export function smtpMailer(opts: SmtpMailerOptions): Mailer {
  const templates = opts.templates ?? loadTemplates()
  const siteUrl = opts.siteUrl ?? localConfig().auth.site_url
  const sender = opts.sender ?? 'nao-responder@encontro.test'
  return {
    async send(email) {
      const t = templates[email.kind]
      const vars = {
        ConfirmationURL: email.link,
        Token: email.otp,
        TokenHash: email.tokenHash,
        RedirectTo: email.redirectTo,
        SiteURL: siteUrl,
        Email: email.to,
      }
      await sendMail(opts.smtpPort, { from: sender, to: email.to, subject: t.subject, html: renderTemplate(t.html, vars, email.data) })
    },
  }
}
