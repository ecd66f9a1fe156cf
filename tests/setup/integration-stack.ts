/**
 * Vitest globalSetup for the `integration` project: a fresh local stack (temp data dir,
 * free ports, migrations + seed applied by the Supabase CLI) shared by all integration test files, stopped and
 * deleted in teardown. Tests read it with inject('stack') (see tests/integration/support/clients.ts).
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { LOOPBACK_CLIENTS, startStack } from '../../supabase/local/stack'

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'encontro-it-'))
  // Postgres runs as the `postgres` user when we are root: it must be able to enter the dir.
  await fs.chmod(tmp, 0o755)
  const t0 = performance.now()
  const stack = await startStack({
    dataDir: path.join(tmp, 'db'),
    pgPort: 'free',
    apiPort: 'free',
    seed: true,
    durable: false,
    quiet: process.env.STACK_VERBOSE !== '1',
    // The Supabase CLI (db push --include-seed) applies migrations and seed to the bootstrapped
    // database, so every integration test (the RLS matrices included) checks what the CLI built.
    migrator: 'supabase-cli',
    // The suite signs in hundreds of times from 127.0.0.1; auth-rate-limits.test.ts uses other addresses.
    rateLimitExempt: LOOPBACK_CLIENTS,
  })
  if (process.env.STACK_VERBOSE === '1') {
    console.log(`[integration] stack at ${stack.apiUrl} in ${Math.round(performance.now() - t0)} ms`)
  }
  project.provide('stack', {
    apiUrl: stack.apiUrl,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
    dbUrl: stack.dbUrl,
  })
  return async () => {
    await stack.stop()
    await fs.rm(tmp, { recursive: true, force: true })
  }
}
