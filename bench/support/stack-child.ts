/**
 * Child process that runs one local stack for the API load benchmark, so the gateway and auth
 * service (Node) do not share an event loop with the load generator. Started by
 * stack-process.ts; answers with the stack's URLs over IPC, stops on 'stop', SIGINT/SIGTERM or
 * when the parent goes away.
 */
import { LOOPBACK_CLIENTS, startStack } from '../../supabase/local/stack.ts'

const { dataDir, seed } = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string; seed?: boolean }

// The API load bench signs in 200 employees from 127.0.0.1 before measuring.
const stack = await startStack({
  dataDir,
  pgPort: 'free',
  apiPort: 'free',
  seed: seed ?? true,
  durable: false,
  quiet: true,
  rateLimitExempt: LOOPBACK_CLIENTS,
})

let stopping = false
const shutdown = async () => {
  if (stopping) return
  stopping = true
  await stack.stop().catch(() => {})
  process.exit(0)
}
process.on('message', (m) => {
  if (m === 'stop') void shutdown()
})
process.on('disconnect', () => void shutdown())
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())

// The gateway does not expose PostgREST's address; learn it from one routed request (for the
// "without the gateway" comparison), then remove the interceptor so the measured path is untouched.
let restUrl: string | undefined
const remove = stack.gateway.use(({ route }) => {
  if (route.prefix === '/rest/v1') restUrl ??= route.target
})
await fetch(`${stack.apiUrl}/rest/v1/`, { headers: { apikey: stack.anonKey } }).then((r) => r.arrayBuffer())
remove()

process.send!({
  type: 'ready',
  stack: {
    apiUrl: stack.apiUrl,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
    dbUrl: stack.dbUrl,
    restUrl,
    pid: process.pid,
  },
})
