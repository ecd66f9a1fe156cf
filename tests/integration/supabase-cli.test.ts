// The Supabase CLI (devDependency, pinned) agrees with this project: the integration stack's
// database was migrated and seeded by `supabase db push --include-seed` (tests/setup/integration-stack.ts),
// so every other integration test, the RLS matrices included, runs on what the CLI built.
import fs from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SUPABASE_DIR } from '../../supabase/local/migrate'
import { supabaseCli } from '../../supabase/local/supabase-cli'
import { stack } from './support/clients'
import { withDb } from './support/db'

const migrationVersions = async () =>
  (await fs.readdir(path.join(SUPABASE_DIR, 'migrations')))
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .map((f) => f.split('_')[0]!)
    .sort()

describe('Supabase CLI against the local database', () => {
  it('migration list reports every migration file applied', { timeout: 60_000 }, async () => {
    const out = await supabaseCli(['migration', 'list'], stack().dbUrl)
    const versions = await migrationVersions()
    expect(versions.length).toBeGreaterThan(0)
    for (const v of versions) expect(out).toMatch(new RegExp(`${v}\\W+\\|\\W+${v}`)) // Local | Remote
  })

  it('db push --dry-run has nothing left to apply', { timeout: 60_000 }, async () => {
    const out = await supabaseCli(['db', 'push', '--dry-run'], stack().dbUrl)
    expect(out).toMatch(/Remote database is up to date/)
  })

  it('the CLI recorded the migrations and the seed in its history tables', async () => {
    const history = await withDb('superuser', async (c) => {
      const m = await c.query<{ version: string }>('select version from supabase_migrations.schema_migrations order by version')
      const s = await c.query<{ path: string }>('select path from supabase_migrations.seed_files')
      return { versions: m.rows.map((r) => r.version), seeds: s.rows.map((r) => r.path) }
    })
    expect(history).toEqual({ versions: await migrationVersions(), seeds: ['supabase/seed.sql'] })
  })
})
