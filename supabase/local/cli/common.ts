/** Shared bits of the LOCAL-ONLY stack CLIs. */
import fs from 'node:fs/promises'
import path from 'node:path'
import { PROJECT_ROOT } from '../migrate.ts'
import type { StackInfo } from '../stack.ts'

export const STACK_JSON = path.join(PROJECT_ROOT, '.local', 'stack.json')

export async function writeStackJson(info: StackInfo): Promise<void> {
  await fs.mkdir(path.dirname(STACK_JSON), { recursive: true })
  const { apiUrl, anonKey, serviceRoleKey, dbUrl } = info
  await fs.writeFile(STACK_JSON, `${JSON.stringify({ apiUrl, anonKey, serviceRoleKey, dbUrl }, null, 2)}\n`)
}

export const removeStackJson = () => fs.rm(STACK_JSON, { force: true })

/** The stack described by .local/stack.json, if one is up and answering. */
export async function runningStack(): Promise<StackInfo | undefined> {
  try {
    const info = JSON.parse(await fs.readFile(STACK_JSON, 'utf8')) as StackInfo
    const res = await fetch(`${info.apiUrl}/health`, { signal: AbortSignal.timeout(1000) })
    return res.ok ? info : undefined
  } catch {
    return undefined
  }
}

/** Run `cleanup` once on SIGINT/SIGTERM/SIGHUP (terminal closed), then exit 0 (1 if cleanup fails). */
export function onShutdown(cleanup: (signal: string) => Promise<void>): void {
  let started = false
  const handler = (signal: string) => {
    if (started) return
    started = true
    cleanup(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`shutdown failed: ${err instanceof Error ? err.message : String(err)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  process.on('SIGHUP', handler)
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`  // performance.now() counts from process start

/** For the generators (db:types, db:snapshot): write `file`, say whether it changed, exit 1 on failure. */
export async function writeGenerated(what: string, file: string, make: () => Promise<string>): Promise<void> {
  try {
    const text = await make()
    const before = await fs.readFile(file, 'utf8').catch(() => '')
    await fs.mkdir(path.dirname(file), { recursive: true })
    await fs.writeFile(file, text)
    console.log(`${path.relative(PROJECT_ROOT, file)} ${before === text ? 'unchanged' : 'written'} (${seconds(performance.now())})`)
  } catch (err) {
    process.stderr.write(`${what} failed: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  }
}
