/**
 * `npm run stack` (LOCAL ONLY): start the local Supabase stand-in on the default ports,
 * write .local/stack.json, stay up until SIGINT/SIGTERM.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { PROJECT_ROOT } from '../migrate.ts'
import { startStack } from '../stack.ts'

export const STACK_JSON = path.join(PROJECT_ROOT, '.local', 'stack.json')

const t0 = performance.now()
const stack = await startStack({ quiet: process.env.STACK_VERBOSE !== '1' }).catch((err: unknown) => {
  process.stderr.write(`stack failed to start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
const info = { apiUrl: stack.apiUrl, anonKey: stack.anonKey, serviceRoleKey: stack.serviceRoleKey, dbUrl: stack.dbUrl }
await fs.mkdir(path.dirname(STACK_JSON), { recursive: true })
await fs.writeFile(STACK_JSON, `${JSON.stringify(info, null, 2)}\n`)

let shuttingDown = false
async function shutdown(signal: string) {
  if (shuttingDown) return
  shuttingDown = true
  process.stderr.write(`\n${signal}: stopping local stack (data kept in .local/db)\n`)
  await fs.rm(STACK_JSON, { force: true })
  try {
    await stack.stop()
    process.exit(0)
  } catch (err) {
    process.stderr.write(`stop failed: ${String(err)}\n`)
    process.exit(1)
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

const secs = ((performance.now() - t0) / 1000).toFixed(1)
console.log(
  `Local stack ready at ${stack.apiUrl} (${stack.initialised ? 'cold' : 'warm'} start ${secs}s; db ${stack.dbUrl}; keys in .local/stack.json)`,
)
