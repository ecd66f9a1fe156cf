/**
 * LOCAL STACK ONLY: how the auth service sends its e-mails. One small interface so an SMTP
 * sender (e.g. to a local inbox like Supabase's) can replace the default without touching the
 * flows; tests pass `memoryMailer()` and read what was sent.
 */

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
}

export interface Mailer {
  send(email: AuthEmail): Promise<void>
}

/** pt-PT wording until the templates of supabase/templates/ are wired in. */
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

/** Default: the message on stderr (the local stack has no SMTP server yet). */
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
