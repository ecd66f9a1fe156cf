/** LOCAL ONLY: a temporary cluster with bootstrap + migrations (no seed, no stack), for generators. */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { migrate } from './migrate.ts'
import { startPostgres } from './postgres.ts'
import { freePort } from './stack.ts'

export async function withFreshMigratedCluster<T>(fn: (dbUrl: string) => Promise<T>): Promise<T> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'encontro-scratch-'))
  await fs.chmod(tmp, 0o755) // Postgres runs as `postgres` when we are root
  const pg = await startPostgres({ dataDir: path.join(tmp, 'db'), port: await freePort(), durable: false, quiet: true })
  try {
    await migrate({ dbUrl: pg.url, seed: false })
    return await fn(pg.url)
  } finally {
    await pg.stop()
    await fs.rm(tmp, { recursive: true, force: true })
  }
}
