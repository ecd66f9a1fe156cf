/**
 * `npm run stack` (LOCAL ONLY): start the local Supabase stand-in on the default ports
 * (API 54321, Postgres 54322, data in .local/db), write .local/stack.json, stay up until
 * SIGINT/SIGTERM, then stop every child (data kept) and remove .local/stack.json.
 */
import { ownerUrl } from '../postgres.ts'
import { startStack } from '../stack.ts'
import { onShutdown, removeStackJson, seconds, writeStackJson } from './common.ts'

const stack = await startStack({ quiet: process.env.STACK_VERBOSE !== '1', mail: {}, functions: true }).catch((err: unknown) => {
  process.stderr.write(`Local stack failed to start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
await writeStackJson(stack)
onShutdown(async (signal) => {
  process.stderr.write(`\n${signal}: stopping the local stack (data kept in .local/db)\n`)
  await removeStackJson()
  await stack.stop()
})
console.log(
  `Local stack ready at ${stack.apiUrl} (${stack.initialised ? 'cold' : 'warm'} start in ${seconds(performance.now())}; ` +
    `Postgres ${ownerUrl(stack.dbUrl)}; keys and the superuser URL in .local/stack.json; inbox ${stack.mailUrl})`,
)
