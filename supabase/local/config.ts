/**
 * LOCAL STACK ONLY: the settings the local stack mirrors from supabase/config.toml (the file
 * the Supabase CLI reads for a hosted project), so they are written in one place.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'smol-toml'

export const CONFIG_PATH = path.resolve(import.meta.dirname, '..', 'config.toml')

/** [auth.rate_limit], named as in config.toml. See the comments there for units. */
export interface AuthRateLimits {
  email_sent: number
  sms_sent: number
  anonymous_users: number
  token_refresh: number
  sign_in_sign_ups: number
  token_verifications: number
  web3: number
}

/** [auth.email] */
export interface EmailSettings {
  /** seconds a link sent by e-mail stays valid */
  otp_expiry: number
  /** least seconds between two e-mails of one kind to one person (config.toml: a duration, e.g. "60s") */
  max_frequency_seconds: number
  /** [auth.email.template.<kind>]: the subject and the HTML file (path from the project root) */
  template: Record<EmailTemplateKind, EmailTemplate>
}

export type EmailTemplateKind = 'recovery' | 'invite'

export interface EmailTemplate {
  subject: string
  content_path: string
}

export interface AuthSettings {
  site_url: string
  additional_redirect_urls: string[]
  jwt_expiry: number
  enable_refresh_token_rotation: boolean
  refresh_token_reuse_interval: number
  enable_signup: boolean
  minimum_password_length: number
  rate_limit: AuthRateLimits
  email: EmailSettings
}

export interface LocalConfig {
  api: { port: number }
  db: { port: number }
  auth: AuthSettings
}

const TEMPLATE_KINDS: EmailTemplateKind[] = ['recovery', 'invite']

const RATE_LIMIT_KEYS = [
  'email_sent',
  'sms_sent',
  'anonymous_users',
  'token_refresh',
  'sign_in_sign_ups',
  'token_verifications',
  'web3',
] as const

type Table = Record<string, unknown>

function table(parent: Table, key: string, where: string): Table {
  const v = parent[key]
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`config.toml: [${where}] is missing`)
  return v as Table
}

function count(t: Table, key: string, where: string): number {
  const v = t[key]
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new Error(`config.toml: ${where}.${key} must be a whole number >= 0 (found ${JSON.stringify(v)})`)
  }
  return v
}

function flag(t: Table, key: string, where: string): boolean {
  const v = t[key]
  if (typeof v !== 'boolean') throw new Error(`config.toml: ${where}.${key} must be true or false`)
  return v
}

function text(t: Table, key: string, where: string): string {
  const v = t[key]
  if (typeof v !== 'string') throw new Error(`config.toml: ${where}.${key} must be a string`)
  return v
}

/** Parses and checks the settings the local stack uses; throws naming the first bad key. */
export function parseConfig(source: string): LocalConfig {
  const root = parse(source) as Table
  const api = table(root, 'api', 'api')
  const db = table(root, 'db', 'db')
  const auth = table(root, 'auth', 'auth')
  const limits = table(auth, 'rate_limit', 'auth.rate_limit')
  const email = table(auth, 'email', 'auth.email')
  const frequency = /^(\d+)s$/.exec(text(email, 'max_frequency', 'auth.email'))
  if (!frequency) throw new Error('config.toml: auth.email.max_frequency must be whole seconds, e.g. "60s"')
  const redirects = auth.additional_redirect_urls ?? []
  if (!Array.isArray(redirects) || !redirects.every((u) => typeof u === 'string')) {
    throw new Error('config.toml: auth.additional_redirect_urls must be a list of strings')
  }
  const templates = table(email, 'template', 'auth.email.template')
  const template = Object.fromEntries(
    TEMPLATE_KINDS.map((kind) => {
      const where = `auth.email.template.${kind}`
      const t = table(templates, kind, where)
      return [kind, { subject: text(t, 'subject', where), content_path: text(t, 'content_path', where) }]
    }),
  ) as Record<EmailTemplateKind, EmailTemplate>
  const rate_limit = Object.fromEntries(
    RATE_LIMIT_KEYS.map((k) => [k, count(limits, k, 'auth.rate_limit')]),
  ) as unknown as AuthRateLimits
  return {
    api: { port: count(api, 'port', 'api') },
    db: { port: count(db, 'port', 'db') },
    auth: {
      site_url: text(auth, 'site_url', 'auth'),
      additional_redirect_urls: redirects as string[],
      jwt_expiry: count(auth, 'jwt_expiry', 'auth'),
      enable_refresh_token_rotation: flag(auth, 'enable_refresh_token_rotation', 'auth'),
      refresh_token_reuse_interval: count(auth, 'refresh_token_reuse_interval', 'auth'),
      enable_signup: flag(auth, 'enable_signup', 'auth'),
      minimum_password_length: count(auth, 'minimum_password_length', 'auth'),
      rate_limit,
      email: { otp_expiry: count(email, 'otp_expiry', 'auth.email'), max_frequency_seconds: Number(frequency[1]), template },
    },
  }
}

let cached: LocalConfig | undefined

/** supabase/config.toml, read once per process. */
export function localConfig(): LocalConfig {
  cached ??= parseConfig(fs.readFileSync(CONFIG_PATH, 'utf8'))
  return cached
}
