// Global setup of the e2e project: a fresh local stack (fresh seed, so "the session in 3
// minutes" really is 3 minutes away), a fault-injecting proxy in front of its gateway
// (pass-through unless a test asks for failures) and the Vite dev server pointed at the proxy.
//
//   Chromium -> Vite app -> fault proxy (inject('faults')) -> gateway (inject('stack').apiUrl)
//
// Tests that set up data talk to the gateway directly (inject('stack')), so an injected fault
// only ever hits the app.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { createServer, type ViteDevServer } from 'vite'
import { startFaultProxy, type FaultLogEntry, type RunningFaultProxy } from '../../supabase/local/fault-proxy.ts'
import { LOOPBACK_CLIENTS, startStack, type RunningStack } from '../../supabase/local/stack.ts'

/** The app's deadline per API request in the e2e runs (production default: 15 s), so "timeout" tests stay short. */
export const E2E_API_TIMEOUT_MS = 5_000

let stack: RunningStack | undefined
let proxy: RunningFaultProxy | undefined
let vite: ViteDevServer | undefined
let dataDir: string | undefined
/** API answers that took more than half the app's deadline: printed at the end, to explain flaky runs. */
const slow: FaultLogEntry[] = []

export async function setup(project: TestProject) {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'encontro-e2e-'))
  // As root, Postgres runs as the `postgres` user, which must be able to enter the dir.
  await fs.chmod(dataDir, 0o755)
  // Every browser signs in from 127.0.0.1 (through the fault proxy): the auth rate limits would stop the run.
  // With the inbox and the Edge Functions (started alongside Postgres) for the accounts flows.
  stack = await startStack({
    dataDir: path.join(dataDir, 'db'),
    pgPort: 'free',
    apiPort: 'free',
    durable: false,
    quiet: true,
    rateLimitExempt: LOOPBACK_CLIENTS,
    mail: { smtpPort: 'free', webPort: 'free' },
    functions: true,
    // The accounts e2e sends more e-mails than config.toml's hosted email_sent of 2 per hour.
    auth: { rate_limit: { email_sent: 100 } },
  })
  proxy = await startFaultProxy({
    target: stack.apiUrl,
    onAnswered: (entry) => {
      if (entry.ms !== undefined && entry.ms > E2E_API_TIMEOUT_MS / 2) slow.push(entry)
    },
  })
  process.env.VITE_SUPABASE_URL = proxy.url
  process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey
  process.env.VITE_API_TIMEOUT_MS = String(E2E_API_TIMEOUT_MS)
  vite = await createServer({
    configFile: path.resolve(import.meta.dirname, '../../vite.config.ts'),
    server: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
    clearScreen: false,
  })
  await vite.listen()
  const appUrl = vite.resolvedUrls!.local[0]!.replace(/\/$/, '')
  // Transform the app's modules now rather than in the first test that opens each page (on a
  // busy 2-core runner a cold page could take most of a test's 15 s waits).
  const warmupStarted = Date.now()
  const pages = (await fs.readdir(path.resolve(import.meta.dirname, '../../src/pages')))
    .filter((f) => f.endsWith('.tsx') && !f.includes('.test.'))
    .map((f) => `/src/pages/${f}`)
  const warmup = (async () => {
    await Promise.all(['/src/main.tsx', ...pages].map((url) => vite!.warmupRequest(url)))
    await vite!.waitForRequestsIdle()
  })()
  // Best effort: never let a warm-up problem hold the run.
  await Promise.race([warmup.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 60_000).unref())])
  if (process.env.E2E_VERBOSE) process.stderr.write(`[e2e] vite warm-up ${Date.now() - warmupStarted} ms\n`)
  project.provide('stack', { apiUrl: stack.apiUrl, anonKey: stack.anonKey, serviceRoleKey: stack.serviceRoleKey, dbUrl: stack.dbUrl })
  project.provide('appUrl', appUrl)
  project.provide('mailUrl', stack.mailUrl!)
  project.provide('faults', { apiUrl: proxy.url, controlUrl: proxy.controlUrl, apiTimeoutMs: E2E_API_TIMEOUT_MS })
}

export async function teardown() {
  if (slow.length > 0) {
    const lines = slow
      .sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0))
      .slice(0, 10)
      .map((e) => `  ${e.ms} ms  ${e.method} ${e.url.slice(0, 120)} -> ${e.outcome}`)
    process.stderr.write(`[e2e] ${slow.length} API answer(s) took over ${E2E_API_TIMEOUT_MS / 2} ms (app deadline ${E2E_API_TIMEOUT_MS} ms):\n${lines.join('\n')}\n`)
  }
  await vite?.close()
  await proxy?.stop()
  await stack?.stop()
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true }).catch(() => {})
}
