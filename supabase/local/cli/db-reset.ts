/**
 * `npm run db:reset` (LOCAL ONLY): rebuild the local database from supabase/migrations + seed.sql.
 * - stack running (.local/stack.json answers): reset in place (drop schemas, migrate, seed);
 *   PostgREST reloads its schema cache, the running app keeps working.
 * - otherwise: delete .local/db, initdb, migrate, seed.
 */
import { resetInPlace } from '../migrate.ts'
import { resetDatabase } from '../stack.ts'
import { runningStack, seconds } from './common.ts'

try {
  const running = await runningStack()
  const log = (line: string) => process.stderr.write(`[db:reset] ${line}\n`)
  const result = running
    ? await resetInPlace({ dbUrl: running.dbUrl, log })
    : await resetDatabase({ quiet: false })
  console.log(
    `Database reset ${running ? 'in place (stack running)' : '(.local/db recreated)'}: ` +
      `${result.applied.length} migrations, ` +
      `seed ${result.seeded ? 'applied' : 'not applied'}, ${seconds(performance.now())}`,
  )
} catch (err) {
  process.stderr.write(`db:reset failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
}
