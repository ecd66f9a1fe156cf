/**
 * `npm start` (LOCAL ONLY for the stack part):
 * - VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY set (env, .env.local, .env...): just Vite's dev server.
 * - otherwise: the local stack (reusing one already started by `npm run stack`), then Vite's dev
 *   server with VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY pointing at it. Ctrl-C stops everything
 *   this process started; data stays in .local/db, so the next start is a warm start.
 */
import { createServer, loadEnv, type ViteDevServer } from 'vite'
import { DEFAULT_MAIL_WEB_PORT } from '../mail.ts'
import { PROJECT_ROOT } from '../migrate.ts'
import { ownerUrl } from '../postgres.ts'
import { startStack, type RunningStack } from '../stack.ts'
import { onShutdown, removeStackJson, runningStack, seconds, writeStackJson } from './common.ts'

const DEMO_PASSWORD = 'encontro-demo' // local-only demo password (supabase/seed.sql)
const DEMO_LOGINS: [string, string][] = [
  ['joao@encontro.test', 'employee'],
  ['maria@encontro.test', 'employee'],
  ['pedro@encontro.test', 'prestador'],
  ['ana@encontro.test', 'prestador'],
  ['rita@encontro.test', 'especialista'],
  ['admin@encontro.test', 'admin'],
]

const fileEnv = loadEnv('development', PROJECT_ROOT, 'VITE_')
const hostedUrl = process.env.VITE_SUPABASE_URL || fileEnv.VITE_SUPABASE_URL
const hostedKey = process.env.VITE_SUPABASE_ANON_KEY || fileEnv.VITE_SUPABASE_ANON_KEY
const useHosted = Boolean(hostedUrl && hostedKey)

let stack: RunningStack | undefined
let vite: ViteDevServer | undefined
async function stopAll(): Promise<void> {
  await vite?.close().catch(() => undefined)
  if (stack) {
    await removeStackJson()
    await stack.stop()
    process.stderr.write('Local stack stopped (data kept in .local/db).\n')
  }
}
onShutdown(async () => {
  process.stderr.write('\nStopping...\n')
  await stopAll()
})

let supabaseUrl = hostedUrl
let stackNote = `Supabase: ${hostedUrl} (from VITE_SUPABASE_URL; local stack not started)`
if (!useHosted) {
  const existing = await runningStack()
  if (existing) {
    supabaseUrl = existing.apiUrl
    process.env.VITE_SUPABASE_ANON_KEY = existing.anonKey
    stackNote = `Local stack: ${existing.apiUrl} (already running via npm run stack; left running)`
  } else {
    try {
      // The inbox (54324/54325, like the CLI's) and the Edge Functions come with `npm start`.
      stack = await startStack({ quiet: process.env.STACK_VERBOSE !== '1', mail: {}, functions: true })
    } catch (err) {
      process.stderr.write(`Local stack failed to start: ${err instanceof Error ? err.message : String(err)}\n`)
      process.exit(1)
    }
    await writeStackJson(stack)
    supabaseUrl = stack.apiUrl
    process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey
    stackNote = `Local stack: ${stack.apiUrl} (${stack.initialised ? 'cold' : 'warm'} start, Postgres ${ownerUrl(stack.dbUrl)})`
  }
  // Vite exposes VITE_* variables of process.env to the app (they win over .env files).
  process.env.VITE_SUPABASE_URL = supabaseUrl
}

// Vite installs its own SIGTERM / stdin-end handlers that exit without stopping the stack:
// keep ours only.
const sigtermBefore = new Set(process.listeners('SIGTERM'))
const stdinEndBefore = new Set(process.stdin.listeners('end'))
try {
  vite = await createServer({ root: PROJECT_ROOT })
  await vite.listen()
} catch (err) {
  process.stderr.write(`Vite failed to start: ${err instanceof Error ? err.message : String(err)}\n`)
  await stopAll()
  process.exit(1)
}
for (const l of process.listeners('SIGTERM')) if (!sigtermBefore.has(l)) process.off('SIGTERM', l)
for (const l of process.stdin.listeners('end')) if (!stdinEndBefore.has(l)) process.stdin.off('end', l as () => void)

if (vite) {
  const appUrl = vite.resolvedUrls?.local[0] ?? `http://localhost:${vite.config.server.port}/`
  const lines = [
    '',
    `  Encontro is ready at ${appUrl}  (in ${seconds(performance.now())})`,
    `  ${stackNote}`,
  ]
  if (!useHosted) {
    lines.push(`  Inbox (e-mails of recovery and invitations): ${stack?.mailUrl ?? `http://127.0.0.1:${DEFAULT_MAIL_WEB_PORT}`}`)
    lines.push(`  Demo logins (LOCAL ONLY, password "${DEMO_PASSWORD}"):`)
    for (const [email, role] of DEMO_LOGINS) lines.push(`    ${email.padEnd(22)} ${role}`)
  }
  lines.push('  Ctrl-C stops everything started here.', '')
  console.log(lines.join('\n'))
}
