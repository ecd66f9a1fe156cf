/**
 * LOCAL STACK ONLY: Postgres + migrations/seed + PostgREST + auth + gateway, standing in for a
 * hosted Supabase project (no Docker). Used by `npm run stack`, `npm start` and the test setups.
 */
import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { smtpMailer, type Mailer } from './auth/mailer.ts'
import { startAuthServer, type RunningAuthServer } from './auth/server.ts'
import { localConfig, type AuthRateLimits, type AuthSettings, type EmailSettings } from './config.ts'
import { AUTH_MAX_BODY_BYTES, FUNCTIONS_MAX_BODY_BYTES, REST_MAX_BODY_BYTES, startGateway, type RunningGateway } from './gateway.ts'
import { LOCAL_AUTH_ADMIN, LOCAL_AUTH_ADMIN_PASSWORD, LOCAL_AUTHENTICATOR_PASSWORD, LOCAL_JWT_SECRET, localApiKeys } from './keys.ts'
import { migrate, PROJECT_ROOT, type MigrateResult } from './migrate.ts'
import { clusterDir, startPostgres, urlAs, type RunningPostgres } from './postgres.ts'
import { startPostgrest, type RunningPostgrest } from './postgrest.ts'
import { migrateWithCli } from './supabase-cli.ts'
import { startFunctions, verifyFunctionJwt, type RunningFunctions } from './functions.ts'
import { DEFAULT_MAIL_SMTP_PORT, DEFAULT_MAIL_WEB_PORT, startMail, type RunningMail } from './mail.ts'

export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, '.local', 'db')
/** supabase/config.toml [api] port and [db] port. */
export const DEFAULT_API_PORT = localConfig().api.port
export const DEFAULT_PG_PORT = localConfig().db.port

/** Values a test puts in place of supabase/config.toml's [auth] ones. */
export type AuthOverrides = Partial<Omit<AuthSettings, 'rate_limit' | 'email'>> & {
  rate_limit?: Partial<AuthRateLimits>
  email?: Partial<EmailSettings>
}

/** What test and bench stacks pass as `rateLimitExempt`: the address their suites sign in from. */
export const LOOPBACK_CLIENTS = ['127.0.0.1', '::1']

/** 0 or 'free' = pick a free port. */
export type PortOption = number | 'free'

export interface StackOptions {
  dataDir?: string
  pgPort?: PortOption
  apiPort?: PortOption
  /** shorthand for auth.jwt_expiry */
  accessTokenTtlSeconds?: number
  /** overrides of config.toml [auth] for this stack */
  auth?: AuthOverrides
  /** client addresses the auth rate limits skip (see AuthServerOptions.rateLimitExempt) */
  rateLimitExempt?: string[]
  /** how the auth service sends recovery and invitation e-mails (default: printed on stderr) */
  mailer?: Mailer
  /** apply supabase/seed.sql on first run (default true) */
  seed?: boolean
  quiet?: boolean
  /** false: fsync off (throwaway clusters, e.g. tests). Default true. */
  durable?: boolean
  /**
   * Who applies migrations and seed: the hand-written runner (default: ~10x faster per start) or
   * the pinned Supabase CLI (`supabase db push --db-url`), which the integration stack uses.
   */
  migrator?: 'runner' | 'supabase-cli'
  /**
   * Start the e-mail inbox (maildev, ~3 s): { webPort, smtpPort } ('free' or a number; default
   * 54324 / 54325). Off by default: only the tests of the e-mail flows pay for it.
   */
  mail?: { webPort?: PortOption; smtpPort?: PortOption }
  /** serve supabase/functions/* with Deno under /functions/v1 (default off: only who needs it) */
  functions?: boolean
}

export interface StackInfo {
  apiUrl: string
  anonKey: string
  serviceRoleKey: string
  /** superuser (supabase_admin) connection string; ownerUrl(dbUrl) is the database as postgres */
  dbUrl: string
}

export interface RunningStack extends StackInfo {
  jwtSecret: string
  /** where the cluster's files are: dataDir, or its stand-in as root in a private folder */
  dataDir: string
  /** true when this start created the cluster (cold start) */
  initialised: boolean
  migrationsApplied: string[]
  seeded: boolean
  gateway: RunningGateway
  /** the inbox web page (maildev) when started with `mail` */
  mailUrl?: string
  /** stops everything; data is kept */
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/**
 * PostgREST's internal ports are picked free, then bound seconds later (after migrations);
 * meanwhile an outgoing connection of this or another stack may take one as its local port.
 * Seen in CI as "Address in use": pick new ports and try again.
 */
async function startPostgrestOnFreePorts(
  port: number,
  adminPort: number,
  start: (port: number, adminPort: number) => Promise<RunningPostgrest>,
): Promise<RunningPostgrest> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(port, adminPort)
    } catch (err) {
      if (attempt >= 5 || !(err instanceof Error) || !/Address in use/i.test(err.message)) throw err
      ;[port, adminPort] = await Promise.all([freePort(), freePort()])
    }
  }
}

// GoTrue's admin DELETE /admin/users/{id} carries a JSON body (should_soft_delete).
const AUTH_BODIES = { maxBodyBytes: AUTH_MAX_BODY_BYTES, bodylessMethods: ['GET', 'HEAD'] }

const resolvePort = async (p: PortOption | undefined, fallback: number) =>
  p === undefined ? fallback : p === 0 || p === 'free' ? freePort() : p

export function authSettings(opts: Pick<StackOptions, 'auth' | 'accessTokenTtlSeconds'>): AuthSettings {
  const base = localConfig().auth
  return {
    ...base,
    ...opts.auth,
    ...(opts.accessTokenTtlSeconds === undefined ? {} : { jwt_expiry: opts.accessTokenTtlSeconds }),
    rate_limit: { ...base.rate_limit, ...opts.auth?.rate_limit },
    email: { ...base.email, ...opts.auth?.email },
  }
}

/**
 * The gateway is the edge here, as Supabase's is on a hosted project: it tells the auth service
 * who the client is (its rate limits are per address), replacing whatever the client claimed.
 */
export async function startStack(opts: StackOptions = {}): Promise<RunningStack> {
  const log = opts.quiet ? () => {} : (line: string) => process.stderr.write(`[stack] ${line}\n`)
  const dataDir = path.resolve(opts.dataDir ?? DEFAULT_DATA_DIR)
  const [pgPort, apiPort, restPort, restAdminPort] = await Promise.all([
    resolvePort(opts.pgPort, DEFAULT_PG_PORT),
    resolvePort(opts.apiPort, DEFAULT_API_PORT),
    freePort(),
    freePort(),
  ])
  const keys = await localApiKeys(LOCAL_JWT_SECRET)
  const apiUrl = `http://127.0.0.1:${apiPort}`

  let postgres: RunningPostgres | undefined
  let postgrest: RunningPostgrest | undefined
  let auth: RunningAuthServer | undefined
  let gateway: RunningGateway | undefined
  let mail: RunningMail | undefined
  let functions: RunningFunctions | undefined
  // Started in the background: stop() must wait for them to stop them after a failed start.
  let mailStarting: Promise<RunningMail> | undefined
  let functionsStarting: Promise<RunningFunctions> | undefined

  // Last resort if the process exits without stop(): do not leave PostgREST behind
  // (startPostgres has its own exit hook for Postgres).
  const onExit = () => {
    if (postgrest && postgrest.child.exitCode === null) postgrest.child.kill('SIGTERM')
    if (mail && mail.child.exitCode === null) mail.child.kill('SIGTERM')
    if (functions && functions.child.exitCode === null) functions.child.kill('SIGTERM')
  }
  process.on('exit', onExit)

  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= (async () => {
      await gateway?.stop().catch(() => undefined)
      await Promise.all([
        auth?.stop().catch(() => undefined),
        postgrest?.stop().catch(() => undefined),
        mailStarting?.then((m) => m.stop()).catch(() => undefined),
        functionsStarting?.then((f) => f.stop()).catch(() => undefined),
      ])
      await postgres?.stop()
      process.removeListener('exit', onExit)
    })()
    return stopping
  }

  try {
    mailStarting = opts.mail
      ? Promise.all([resolvePort(opts.mail.smtpPort, DEFAULT_MAIL_SMTP_PORT), resolvePort(opts.mail.webPort, DEFAULT_MAIL_WEB_PORT)]).then(
          ([smtpPort, webPort]) => startMail({ smtpPort, webPort, quiet: opts.quiet }),
        )
      : undefined
    // Started alongside Postgres; awaited before the auth service needs it (no unhandled rejection).
    mailStarting?.catch(() => undefined)
    postgres = await startPostgres({ dataDir, port: pgPort, durable: opts.durable, quiet: opts.quiet })
    const cluster = postgres.dataDir
    log(`postgres ${postgres.initialised ? 'initialised and ' : ''}listening on 127.0.0.1:${pgPort}`)
    const migrated =
      opts.migrator === 'supabase-cli'
        ? await migrateWithCli({ dbUrl: postgres.url, seed: opts.seed ?? true })
        : await migrate({ dbUrl: postgres.url, seed: opts.seed ?? true, log })
    mail = await mailStarting
    if (mail) log(`inbox (maildev) at ${mail.webUrl}, SMTP 127.0.0.1:${mail.smtpPort}`)

    functionsStarting = opts.functions
      ? freePort().then((port) =>
          startFunctions({
            port,
            quiet: opts.quiet,
            env: { SUPABASE_URL: apiUrl, SUPABASE_ANON_KEY: keys.anonKey, SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey },
          }),
        )
      : undefined
    functionsStarting?.catch(() => undefined)
    ;[postgrest, auth] = await Promise.all([
      startPostgrestOnFreePorts(restPort, restAdminPort, (port, adminPort) =>
        startPostgrest({
          dbUri: `postgresql://authenticator:${LOCAL_AUTHENTICATOR_PASSWORD}@127.0.0.1:${pgPort}/postgres`,
          jwtSecret: keys.jwtSecret,
          port,
          adminPort,
          quiet: opts.quiet,
          pidFile: path.join(path.dirname(cluster), `${path.basename(cluster)}.postgrest.pid`),
        }),
      ),
      startAuthServer({
        // As Supabase Auth on hosted: the owner of the auth tables, no rights on public/private.
        dbUrl: urlAs(postgres.url, LOCAL_AUTH_ADMIN, LOCAL_AUTH_ADMIN_PASSWORD),
        jwtSecret: keys.jwtSecret,
        issuer: `${apiUrl}/auth/v1`,
        settings: authSettings(opts),
        rateLimitExempt: opts.rateLimitExempt,
        // With the inbox, e-mails go there through SMTP with config.toml's templates.
        mailer: opts.mailer ?? (mail ? smtpMailer({ smtpPort: mail.smtpPort, siteUrl: authSettings(opts).site_url }) : undefined),
      }),
    ])
    functions = await functionsStarting
    gateway = await startGateway({
      port: apiPort,
      apiKeys: [keys.anonKey, keys.serviceRoleKey],
      // One line per upstream prefix; body limits per service (docs/security.md). The gateway sets
      // X-Forwarded-For to the connecting address itself (the auth service's per-IP limits read it).
      routes: [
        { prefix: '/rest/v1', target: postgrest.url, maxBodyBytes: REST_MAX_BODY_BYTES, exactCountsOnly: true },
        // GoTrue's browser-redirect endpoints are open on Supabase's Kong.
        { prefix: '/auth/v1/verify', target: `${auth.url}/verify`, requireApiKey: false, ...AUTH_BODIES },
        { prefix: '/auth/v1/callback', target: `${auth.url}/callback`, requireApiKey: false, ...AUTH_BODIES },
        { prefix: '/auth/v1/authorize', target: `${auth.url}/authorize`, requireApiKey: false, ...AUTH_BODIES },
        { prefix: '/auth/v1', target: auth.url, ...AUTH_BODIES },
        ...(functions ? [{ prefix: '/functions/v1', target: functions.url, maxBodyBytes: FUNCTIONS_MAX_BODY_BYTES }] : []),
      ],
      interceptors: functions ? [verifyFunctionJwt(keys.jwtSecret)] : [],
    })

    return {
      apiUrl,
      anonKey: keys.anonKey,
      serviceRoleKey: keys.serviceRoleKey,
      dbUrl: postgres.url,
      jwtSecret: keys.jwtSecret,
      dataDir: cluster,
      initialised: postgres.initialised,
      migrationsApplied: migrated.applied,
      seeded: migrated.seeded,
      gateway,
      mailUrl: mail?.webUrl,
      stop,
    }
  } catch (err) {
    await stop().catch(() => undefined)
    throw err
  }
}

/** Drop the data dir, re-init the cluster, migrate and seed, then stop again. */
export async function resetDatabase(
  opts: Pick<StackOptions, 'dataDir' | 'pgPort' | 'seed' | 'quiet'> = {},
): Promise<MigrateResult> {
  const log = opts.quiet ? () => {} : (line: string) => process.stderr.write(`[db:reset] ${line}\n`)
  // As root in a private folder the cluster lives elsewhere (postgres-placement.ts): drop that one.
  const dataDir = await clusterDir(path.resolve(opts.dataDir ?? DEFAULT_DATA_DIR))
  await fs.rm(dataDir, { recursive: true, force: true })
  const postgres = await startPostgres({
    dataDir,
    port: await resolvePort(opts.pgPort, DEFAULT_PG_PORT),
    quiet: opts.quiet,
  })
  try {
    return await migrate({ dbUrl: postgres.url, seed: opts.seed ?? true, log })
  } finally {
    await postgres.stop()
  }
}
