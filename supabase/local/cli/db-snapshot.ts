/**
 * `npm run db:snapshot`: write supabase/schema/current.sql, the policies, functions, triggers,
 * constraints and grants in force after every migration, from a throwaway local database.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { PROJECT_ROOT } from '../migrate.ts'
import { SCHEMA_SNAPSHOT_FILE, schemaSnapshotFromMigrations } from '../schema-snapshot.ts'
import { seconds } from './common.ts'

try {
  const text = await schemaSnapshotFromMigrations()
  const before = await fs.readFile(SCHEMA_SNAPSHOT_FILE, 'utf8').catch(() => '')
  await fs.mkdir(path.dirname(SCHEMA_SNAPSHOT_FILE), { recursive: true })
  await fs.writeFile(SCHEMA_SNAPSHOT_FILE, text)
  console.log(
    `${path.relative(PROJECT_ROOT, SCHEMA_SNAPSHOT_FILE)} ${before === text ? 'unchanged' : 'written'} (${seconds(performance.now())})`,
  )
} catch (err) {
  process.stderr.write(`db:snapshot failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
}
