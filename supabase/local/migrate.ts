/**
 * LOCAL STACK ONLY: bootstrap.sql (as the superuser supabase_admin), then, as the non-superuser
 * `postgres` (like `supabase db push` on hosted), supabase/migrations/<version>_<name>.sql not yet
 * recorded in supabase_migrations.schema_migrations (each in its own transaction), then
 * supabase/seed.sql once per database, then tell PostgREST to reload its schema cache.
 * The Supabase CLI keeps the same bookkeeping, so `supabase migration list --db-url` agrees.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
import { LOCAL_DB_OWNER } from './keys.ts'
import { connect, ownerUrl } from './postgres.ts'

export const SUPABASE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const PROJECT_ROOT = path.resolve(SUPABASE_DIR, '..')

export interface MigrateOptions {
  /** superuser connection string (bootstrap); migrations and seed run as `postgres` */
  dbUrl: string
  /** Apply supabase/seed.sql if it was never applied to this database. Default true. */
  seed?: boolean
  migrationsDir?: string
  seedFile?: string
  log?: (line: string) => void
}

export interface MigrateResult {
  applied: string[]
  seeded: boolean
}

const MIGRATION_FILE = /^(\d+)_(.+)\.sql$/

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/** Runs fn in a transaction, or directly when the caller already holds one (nested=true). */
async function inTransaction(client: pg.Client, nested: boolean, fn: () => Promise<void>): Promise<void> {
  if (nested) return fn()
  await client.query('begin')
  try {
    await fn()
    await client.query('commit')
  } catch (err) {
    await client.query('rollback').catch(() => undefined)
    throw err
  }
}

/** Connects as the superuser; a cluster made before supabase_admin existed gets a clear message. */
async function connectSuperuser(dbUrl: string): Promise<pg.Client> {
  try {
    return await connect(dbUrl)
  } catch (err) {
    // 28P01/28000: no such role (scram answers "password authentication failed" for unknown roles).
    if (['28P01', '28000'].includes((err as { code?: string }).code ?? '')) {
      throw new Error(
        `${(err as Error).message}: this local database was created before the stack used hosted's roles ` +
          '(superuser supabase_admin, non-superuser postgres). Recreate it: `npm run db:reset`.',
        { cause: err },
      )
    }
    throw err
  }
}

/** bootstrap.sql only (as the superuser): what a hosted project has before any migration. */
export async function bootstrap(dbUrl: string): Promise<void> {
  const client = await connectSuperuser(dbUrl)
  try {
    await client.query(`set client_min_messages = warning`)
    await runBootstrap(client, false)
  } finally {
    await client.end().catch(() => undefined)
  }
}

async function runBootstrap(client: pg.Client, nested: boolean): Promise<void> {
  const sql = await fs.readFile(path.join(SUPABASE_DIR, 'local', 'bootstrap.sql'), 'utf8')
  await inTransaction(client, nested, async () => {
    await client.query(sql)
  })
}

export async function migrate(opts: MigrateOptions): Promise<MigrateResult> {
  await bootstrap(opts.dbUrl)
  const client = await connect(ownerUrl(opts.dbUrl))
  try {
    await client.query(`set client_min_messages = warning`)
    const result = await applyMigrations(client, opts, false)
    await client.query(`notify pgrst, 'reload schema'`)
    return result
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Migrations and seed, on a connection that is (or has SET ROLE to) `postgres`. */
async function applyMigrations(client: pg.Client, opts: MigrateOptions, nested: boolean): Promise<MigrateResult> {
  const log = opts.log ?? (() => {})
  const migrationsDir = opts.migrationsDir ?? path.join(SUPABASE_DIR, 'migrations')
  const seedFile = opts.seedFile ?? path.join(SUPABASE_DIR, 'seed.sql')
  const result: MigrateResult = { applied: [], seeded: false }
  // Role-level search_path (set by bootstrap) applies to new sessions only, not to SET ROLE.
  await client.query(`set search_path = "$user", public, extensions`)
  // The Supabase CLI's history tables (its pkg/migration/history.go), created as postgres like the CLI.
  await client.query(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
    alter table supabase_migrations.schema_migrations add column if not exists statements text[];
    alter table supabase_migrations.schema_migrations add column if not exists name text;
    create table if not exists supabase_migrations.seed_files (path text not null primary key, hash text not null);`)

  const files = existsSync(migrationsDir)
    ? (await fs.readdir(migrationsDir)).filter((f) => MIGRATION_FILE.test(f)).sort()
    : []
  const { rows } = await client.query<{ version: string; statements: string[] | null }>(
    'select version, statements from supabase_migrations.schema_migrations',
  )
  const applied = new Map(rows.map((r) => [r.version, r.statements?.join('\n') ?? '']))

  for (const file of files) {
    const [, version, name] = MIGRATION_FILE.exec(file)!
    const sql = await fs.readFile(path.join(migrationsDir, file), 'utf8')
    if (applied.has(version!)) {
      if (applied.get(version!) !== sql) {
        log(`warning: ${file} changed after it was applied to this database; run \`npm run db:reset\` to re-apply`)
      }
      continue
    }
    try {
      await inTransaction(client, nested, async () => {
        await client.query(sql)
        await client.query(
          'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
          [version, name, [sql]],
        )
      })
    } catch (err) {
      throw new Error(`migration ${file} failed: ${(err as Error).message}`, { cause: err })
    }
    result.applied.push(file)
    log(`applied ${file}`)
  }

  if ((opts.seed ?? true) && existsSync(seedFile)) {
    const sql = await fs.readFile(seedFile, 'utf8')
    const rel = path.relative(SUPABASE_DIR, seedFile)
    const seen = await client.query<{ hash: string }>(
      'select hash from supabase_migrations.seed_files where path = $1',
      [rel],
    )
    if (seen.rowCount === 0) {
      try {
        await inTransaction(client, nested, async () => {
          await client.query(sql)
          await client.query('insert into supabase_migrations.seed_files (path, hash) values ($1, $2)', [
            rel,
            sha256(sql),
          ])
        })
      } catch (err) {
        throw new Error(`seed ${rel} failed: ${(err as Error).message}`, { cause: err })
      }
      result.seeded = true
      log(`seeded ${rel}`)
    } else if (seen.rows[0]!.hash !== sha256(sql)) {
      log(`warning: ${rel} changed since it was applied; run \`npm run db:reset\` to re-seed`)
    }
  }

  return result
}

/**
 * Reset a RUNNING database in place, atomically: in ONE transaction drop every non-system
 * schema and extension, then bootstrap + migrations + seed again (those two as postgres, by
 * SET LOCAL ROLE). If anything fails the database is left as it was. Used by `npm run db:reset` when a stack is up (PostgREST
 * reloads its schema cache on the notify).
 */
export async function resetInPlace(opts: MigrateOptions): Promise<MigrateResult> {
  const client = await connectSuperuser(opts.dbUrl)
  try {
    await client.query(`set client_min_messages = warning`)
    // Other sessions (PostgREST pool, auth service) may hold locks; cut them off (they reconnect).
    await client.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    )
    await client.query('begin')
    try {
      const { rows: exts } = await client.query<{ extname: string }>(
        `select extname from pg_extension where extname <> 'plpgsql'`,
      )
      for (const { extname } of exts) await client.query(`drop extension if exists "${extname}" cascade`)
      const { rows: schemas } = await client.query<{ nspname: string }>(
        `select nspname from pg_namespace
          where nspname not like 'pg\\_%' and nspname <> 'information_schema'`,
      )
      for (const { nspname } of schemas) await client.query(`drop schema "${nspname}" cascade`)
      await client.query(`create schema public; alter schema public owner to pg_database_owner`)
      await runBootstrap(client, true)
      await client.query(`set local role ${LOCAL_DB_OWNER}`)
      const result = await applyMigrations(client, opts, true)
      await client.query('commit')
      await client.query(`notify pgrst, 'reload schema'`)
      return result
    } catch (err) {
      await client.query('rollback').catch(() => undefined)
      throw err
    }
  } finally {
    await client.end().catch(() => undefined)
  }
}

/**
 * A throwaway database beside a running cluster: `create database`, bootstrap + migrations (no
 * seed), fn(url), drop. Cheaper than a second cluster (tests reuse the stack's).
 */
export async function withScratchDatabase<T>(clusterUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `scratch_${process.pid}_${Date.now()}`
  const admin = await connect(clusterUrl)
  try {
    await admin.query(`create database ${name} template template0`)
    const url = new URL(clusterUrl)
    url.pathname = `/${name}`
    try {
      await migrate({ dbUrl: url.toString(), seed: false })
      return await fn(url.toString())
    } finally {
      await admin.query(`drop database ${name} with (force)`)
    }
  } finally {
    await admin.end().catch(() => undefined)
  }
}
