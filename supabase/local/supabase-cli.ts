/**
 * LOCAL STACK ONLY: the pinned Supabase CLI (devDependency `supabase`) against a database by URL,
 * logged in as `postgres` like `supabase db push` on a hosted project. Used by the integration
 * stack so that the CLI, not the hand-written runner, applies the migrations and seed there.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { bootstrap, PROJECT_ROOT, type MigrateResult } from './migrate.ts'
import { connect, ownerUrl } from './postgres.ts'

const run = promisify(execFile)

export const SUPABASE_BIN = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'supabase')

/** `--db-url` value: the database as postgres; the local cluster has no TLS. */
export function cliDbUrl(superuserUrl: string): string {
  const u = new URL(ownerUrl(superuserUrl))
  u.searchParams.set('sslmode', 'disable')
  return u.toString()
}

/** Runs `supabase <args> --db-url <db as postgres>`; resolves with stdout + stderr, rejects with both. */
export async function supabaseCli(args: string[], superuserUrl: string): Promise<string> {
  try {
    const { stdout, stderr } = await run(
      SUPABASE_BIN,
      [...args, '--db-url', cliDbUrl(superuserUrl), '--workdir', PROJECT_ROOT, '--yes'],
      { cwd: PROJECT_ROOT, timeout: 120_000, env: { ...process.env, DO_NOT_TRACK: '1' } },
    )
    return `${stdout}${stderr}`
  } catch (err) {
    const e = err as Error & { stdout?: string; stderr?: string }
    throw new Error(`supabase ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: err })
  }
}

/** What the CLI's history tables hold (empty before the first push). */
async function history(superuserUrl: string): Promise<{ migrations: string[]; seeds: string[] }> {
  const client = await connect(superuserUrl)
  try {
    const exists = await client.query(`select to_regclass('supabase_migrations.seed_files') is not null as ok`)
    if (!exists.rows[0].ok) return { migrations: [], seeds: [] }
    const m = await client.query<{ v: string }>(
      `select version || '_' || coalesce(name, '') || '.sql' as v from supabase_migrations.schema_migrations order by version`,
    )
    const s = await client.query<{ v: string }>(`select path || ':' || hash as v from supabase_migrations.seed_files`)
    return { migrations: m.rows.map((r) => r.v), seeds: s.rows.map((r) => r.v) }
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** bootstrap.sql, then `supabase db push [--include-seed]`, then PostgREST's schema reload. */
export async function migrateWithCli(opts: { dbUrl: string; seed?: boolean }): Promise<MigrateResult> {
  await bootstrap(opts.dbUrl)
  const before = await history(opts.dbUrl)
  await supabaseCli(['db', 'push', ...((opts.seed ?? true) ? ['--include-seed'] : [])], opts.dbUrl)
  const client = await connect(opts.dbUrl)
  try {
    await client.query(`notify pgrst, 'reload schema'`)
  } finally {
    await client.end().catch(() => undefined)
  }
  const after = await history(opts.dbUrl)
  return {
    applied: after.migrations.filter((v) => !before.migrations.includes(v)),
    seeded: after.seeds.some((v) => !before.seeds.includes(v)),
  }
}
