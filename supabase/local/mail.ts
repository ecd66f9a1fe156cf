/**
 * LOCAL STACK ONLY: an e-mail inbox like Supabase's local one (inbucket/mailpit): maildev's SMTP
 * server takes what the auth service sends and its web page shows it. maildev runs as a child
 * process because its module keeps one server per process and exits the process on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { PROJECT_ROOT } from './migrate.ts'

/** Supabase CLI's inbox ports ([inbucket] in config.toml): web 54324, SMTP 54325. */
export const DEFAULT_MAIL_WEB_PORT = 54324
export const DEFAULT_MAIL_SMTP_PORT = 54325

export interface RunningMail {
  /** the inbox web page (and maildev's REST API: GET /email) */
  webUrl: string
  smtpPort: number
  child: ChildProcess
  stop(): Promise<void>
}

export async function startMail(opts: { smtpPort: number; webPort: number; quiet?: boolean }): Promise<RunningMail> {
  const bin = path.join(PROJECT_ROOT, 'node_modules', 'maildev', 'bin', 'maildev')
  const child = spawn(
    process.execPath,
    [bin, '--ip', '127.0.0.1', '--smtp', String(opts.smtpPort), '--web', String(opts.webPort), '--silent'],
    { stdio: ['ignore', 'ignore', opts.quiet ? 'ignore' : 'inherit'] },
  )
  const webUrl = `http://127.0.0.1:${opts.webPort}`
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  }
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`maildev exited with code ${child.exitCode}`)
    const ok = await fetch(`${webUrl}/healthz`).then((r) => r.ok, () => false)
    if (ok) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error('maildev did not answer on its web port within 30 s')
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return { webUrl, smtpPort: opts.smtpPort, child, stop }
}

export interface OutgoingMail {
  from: string
  to: string
  subject: string
  html: string
}

/** RFC 2047 encoded-word, so pt-PT subjects ("Convite", "palavra-passe", accents) survive. */
const encodeHeader = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`)

/** A minimal SMTP client (no auth, no TLS: the local inbox only). */
export async function sendMail(smtpPort: number, mail: OutgoingMail): Promise<void> {
  const socket = net.connect(smtpPort, '127.0.0.1')
  socket.setEncoding('utf8')
  let buffer = ''
  const waiters: ((line: string) => void)[] = []
  const lines: string[] = []
  socket.on('data', (chunk: string) => {
    buffer += chunk
    let i
    while ((i = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, i)
      buffer = buffer.slice(i + 2)
      // Multi-line replies ("250-...") end with the line whose code is followed by a space.
      if (/^\d{3} /.test(line)) {
        const w = waiters.shift()
        if (w) w(line)
        else lines.push(line)
      }
    }
  })
  const failed = new Promise<never>((_, reject) => {
    socket.once('error', reject)
    socket.setTimeout(10_000, () => reject(new Error('SMTP timeout')))
  })
  const reply = () => Promise.race([failed, new Promise<string>((resolve) => (lines.length ? resolve(lines.shift()!) : waiters.push(resolve)))])
  const expect = async (code: string, command?: string) => {
    if (command !== undefined) socket.write(`${command}\r\n`)
    const line = await reply()
    if (!line.startsWith(code)) throw new Error(`SMTP ${command ?? 'greeting'}: ${line}`)
  }
  try {
    await expect('220')
    await expect('250', 'EHLO localhost')
    await expect('250', `MAIL FROM:<${mail.from}>`)
    await expect('250', `RCPT TO:<${mail.to}>`)
    await expect('354', 'DATA')
    const body = Buffer.from(mail.html, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n')
    const message = [
      `From: Encontro <${mail.from}>`,
      `To: <${mail.to}>`,
      `Subject: ${encodeHeader(mail.subject)}`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      body,
      '.',
    ].join('\r\n')
    await expect('250', message)
    socket.write('QUIT\r\n')
  } finally {
    socket.end()
  }
}

export interface InboxMail {
  id: string
  subject: string
  html: string
  to: { address: string }[]
  date: string
}

/** The newest e-mail sent to `address` (maildev's REST API), or undefined. */
export async function latestMailTo(webUrl: string, address: string): Promise<InboxMail | undefined> {
  const res = await fetch(`${webUrl}/email`)
  if (!res.ok) throw new Error(`maildev GET /email: ${res.status}`)
  const all = (await res.json()) as InboxMail[]
  const mine = all.filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()))
  // maildev lists in arrival order; Date headers only have whole seconds.
  return mine[mine.length - 1]
}

/** The first link in an e-mail's HTML whose URL contains `part` (e.g. "/auth/v1/verify"). */
export function linkIn(html: string, part: string): string | undefined {
  for (const m of html.matchAll(/href="([^"]+)"/g)) {
    const href = m[1]!.replace(/&amp;/g, '&')
    if (href.includes(part)) return href
  }
  return undefined
}

/** Polls the inbox until an e-mail to `address` arrives that `previous` (an id) is not. */
export async function waitForMailTo(webUrl: string, address: string, previous?: string, timeoutMs = 15_000): Promise<InboxMail> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const mail = await latestMailTo(webUrl, address)
    if (mail && mail.id !== previous) return mail
    if (Date.now() > deadline) throw new Error(`no e-mail to ${address} within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
