// A throwaway stack of a test file's own (temp dir, free ports, fsync off), for settings the
// shared integration stack must not change: a short token lifetime, a mailer to read...
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startStack, type RunningStack, type StackOptions } from '../../../supabase/local/stack'

export async function startOwnStack(
  name: string,
  options: Omit<StackOptions, 'dataDir' | 'pgPort' | 'apiPort'> = {},
): Promise<{ stack: RunningStack; stop(): Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `encontro-${name}-`))
  // As root, Postgres runs as the `postgres` user, which must be able to enter the dir.
  await fs.chmod(dir, 0o755)
  const stack = await startStack({
    dataDir: path.join(dir, 'db'),
    pgPort: 'free',
    apiPort: 'free',
    durable: false,
    quiet: true,
    ...options,
  })
  return {
    stack,
    async stop() {
      await stack.stop()
      await fs.rm(dir, { recursive: true, force: true })
    },
  }
}
