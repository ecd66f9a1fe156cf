/** Starts a local stack in a child process (stack-child.ts) and stops it again. */
import { fork } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface ChildStack {
  apiUrl: string
  anonKey: string
  serviceRoleKey: string
  dbUrl: string
  /** PostgREST's own address (behind the gateway) */
  restUrl: string | undefined
  /** pid of the child running the gateway and the auth service (PostgREST and Postgres are its children) */
  pid: number
  stop(): Promise<void>
}

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'stack-child.ts')

export async function startStackProcess(opts: { dataDir: string; seed?: boolean; timeoutMs?: number }): Promise<ChildStack> {
  const child = fork(CHILD, [JSON.stringify({ dataDir: opts.dataDir, seed: opts.seed ?? true })], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const info = await new Promise<Omit<ChildStack, 'stop'>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('local stack (child) not ready in time')), opts.timeoutMs ?? 180_000)
    child.once('message', (m: { type: string; stack: Omit<ChildStack, 'stop'> }) => {
      clearTimeout(timer)
      if (m.type === 'ready') resolve(m.stack)
      else reject(new Error(`unexpected message from stack child: ${JSON.stringify(m)}`))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`local stack (child) exited with code ${code} before it was ready`))
    })
  }).catch(async (err: unknown) => {
    child.kill('SIGTERM')
    await exited
    throw err
  })
  let stopping: Promise<void> | undefined
  return {
    ...info,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return
        if (child.connected) child.send('stop')
        else child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
        await exited
        clearTimeout(timer)
      })()
      return stopping
    },
  }
}
