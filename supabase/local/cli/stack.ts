/**
 * `npm run stack` (LOCAL ONLY): start the local Supabase stand-in on the ports of
 * supabase/config.toml (API [api] port, Postgres [db] port; data in .local/db), write .local/stack.json, stay up until
 * SIGINT/SIGTERM, then stop every child (data kept) and remove .local/stack.json.
 */
import path from 'node:path'
import { ownerUrl } from '../postgres.ts'
import { startStack } from '../stack.ts'
import { onShutdown, removeStackJson, seconds, writeStackJson } from './common.ts'

/** A path inside the project as relative, elsewhere (root in a private folder: /var/tmp/...) as is. */
const shown = (p: string) => (path.relative(process.cwd(), p).startsWith('..') ? p : path.relative(process.cwd(), p))

const stack = await startStack({ quiet: process.env.STACK_VERBOSE !== '1', mail: {}, functions: true }).catch((err: unknown) => {
  process.stderr.write(`Local stack failed to start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
await writeStackJson(stack)
onShutdown(async (signal) => {
  process.stderr.write(`\n${signal}: stopping the local stack (data kept in ${shown(stack.dataDir)})\n`)
  await removeStackJson()
  await stack.stop()
})
console.log(
  `Local stack ready at ${stack.apiUrl} (${stack.initialised ? 'cold' : 'warm'} start in ${seconds(performance.now())}; ` +
    `Postgres ${ownerUrl(stack.dbUrl)}; data in ${shown(stack.dataDir)}; keys and the superuser URL in .local/stack.json; inbox ${stack.mailUrl})`,
)
