/**
 * `npm run db:types`: regenerate src/lib/database.types.ts from supabase/migrations in a
 * throwaway local database (no running stack needed), with Supabase's type generator.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { PROJECT_ROOT } from '../migrate.ts'
import { DATABASE_TYPES_FILE, databaseTypesFromMigrations } from '../typegen.ts'
import { seconds } from './common.ts'

try {
  const text = await databaseTypesFromMigrations()
  const before = await fs.readFile(DATABASE_TYPES_FILE, 'utf8').catch(() => '')
  await fs.writeFile(DATABASE_TYPES_FILE, text)
  console.log(
    `${path.relative(PROJECT_ROOT, DATABASE_TYPES_FILE)} ${before === text ? 'unchanged' : 'written'} (${seconds(performance.now())})`,
  )
} catch (err) {
  process.stderr.write(`db:types failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
}
