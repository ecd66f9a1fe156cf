// Global setup of the e2e project: a fresh local stack (fresh seed, so "the session in 3
// minutes" really is 3 minutes away) and the Vite dev server pointed at it.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { createServer, type ViteDevServer } from 'vite'
import { startStack, type RunningStack } from '../../supabase/local/stack.ts'

let stack: RunningStack | undefined
let vite: ViteDevServer | undefined
let dataDir: string | undefined

export async function setup(project: TestProject) {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'encontro-e2e-'))
  // As root, Postgres runs as the `postgres` user, which must be able to enter the dir.
  await fs.chmod(dataDir, 0o755)
  stack = await startStack({ dataDir: path.join(dataDir, 'db'), pgPort: 'free', apiPort: 'free', durable: false, quiet: true })
  process.env.VITE_SUPABASE_URL = stack.apiUrl
  process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey
  vite = await createServer({
    configFile: path.resolve(import.meta.dirname, '../../vite.config.ts'),
    server: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
    clearScreen: false,
  })
  await vite.listen()
  const appUrl = vite.resolvedUrls!.local[0]!.replace(/\/$/, '')
  project.provide('stack', { apiUrl: stack.apiUrl, anonKey: stack.anonKey, serviceRoleKey: stack.serviceRoleKey, dbUrl: stack.dbUrl })
  project.provide('appUrl', appUrl)
}

export async function teardown() {
  await vite?.close()
  await stack?.stop()
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true }).catch(() => {})
}
