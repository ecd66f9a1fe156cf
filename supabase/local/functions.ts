/**
 * LOCAL STACK ONLY: Supabase Edge Functions (supabase/functions/<name>/index.ts) served by real
 * Deno (the pinned `deno` npm package) behind the gateway's /functions/v1/<name>, with the
 * environment a hosted function gets. npm: imports resolve offline from the project's
 * node_modules (--node-modules-dir=manual --cached-only: no network, the app's pinned versions).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jwtVerify } from 'jose'
import type { Interceptor } from './gateway.ts'
import { secretKey } from './keys.ts'
import { PROJECT_ROOT } from './migrate.ts'

export const FUNCTIONS_DIR = path.join(PROJECT_ROOT, 'supabase', 'functions')

export interface RunningFunctions {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

export interface FunctionsOptions {
  port: number
  /** what a hosted function finds in Deno.env */
  env: { SUPABASE_URL: string; SUPABASE_ANON_KEY: string; SUPABASE_SERVICE_ROLE_KEY: string; SUPABASE_DB_URL?: string }
  quiet?: boolean
}

export async function startFunctions(opts: FunctionsOptions): Promise<RunningFunctions> {
  const deno = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'deno')
  const args = [
    'run',
    '--node-modules-dir=manual',
    '--cached-only',
    '--no-prompt',
    '--allow-net',
    '--allow-env',
    `--allow-read=${PROJECT_ROOT}`,
    path.join(PROJECT_ROOT, 'supabase', 'local', 'functions-main.js'),
    FUNCTIONS_DIR,
    String(opts.port),
  ]
  const child = spawn(deno, args, {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      DENO_NO_UPDATE_CHECK: '1',
      DENO_DIR: process.env.DENO_DIR ?? path.join(PROJECT_ROOT, '.local', 'deno'),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-4000)
    if (!opts.quiet) process.stderr.write(d)
  })
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`Deno (edge functions) did not start within 60 s\n${stderr}`))
    }, 60_000)
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      if (d.includes('functions ready')) {
        clearTimeout(timer)
        resolve()
      }
      if (!opts.quiet) process.stderr.write(d)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Deno (edge functions) exited with code ${code}\n${stderr}`))
    })
  })
  return { url: `http://127.0.0.1:${opts.port}`, child, stop }
}

/** Whether the project has any function to serve. */
export const hasFunctions = () =>
  fs.existsSync(FUNCTIONS_DIR) && fs.readdirSync(FUNCTIONS_DIR).some((n) => !n.startsWith('_') && !n.startsWith('.'))

/**
 * The platform's check before a function runs (verify_jwt, on by default): a valid JWT of this
 * project (the anon key, or a user's access token) in Authorization, else 401 as hosted answers.
 */
export function verifyFunctionJwt(jwtSecret: string): Interceptor {
  const key = secretKey(jwtSecret)
  return async ({ req, res, route }) => {
    if (route.prefix !== '/functions/v1' || req.method === 'OPTIONS') return false
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
    const refuse = (message: string) => {
      const body = JSON.stringify({ code: 401, message })
      res.writeHead(401, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      res.end(body)
      return true
    }
    if (!m) return refuse('Missing authorization header')
    try {
      await jwtVerify(m[1]!, key, { algorithms: ['HS256'] })
      return false
    } catch {
      return refuse('Invalid JWT')
    }
  }
}
