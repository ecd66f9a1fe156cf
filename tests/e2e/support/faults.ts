// Controls the fault proxy between the e2e app and its API (supabase/local/fault-proxy.ts),
// from a test worker: make paths fail, read what the app requested, send traffic elsewhere.
//
//   await faults.set({ path: '/rest/v1/rpc/save_meeting_link', method: 'POST', mode: 'status 500' })
//   ... the app fails ...
//   await faults.clear()
//
// Call faults.clear() in afterEach of every file that sets faults: the proxy is shared by the
// whole e2e run.
import { inject } from 'vitest'
import type { FaultLogEntry, FaultMode, FaultRule } from '../../../supabase/local/fault-proxy'

export type { FaultLogEntry, FaultMode, FaultRule }

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${inject('faults').controlUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  })
  const payload = (await response.json()) as T & { message?: string }
  if (!response.ok) throw new Error(`fault proxy ${method} ${path}: ${response.status} ${payload.message ?? ''}`)
  return payload
}

export const faults = {
  /** Replaces all rules. */
  async set(...rules: FaultRule[]): Promise<void> {
    await call('PUT', '/faults', { rules })
  },
  /** Back to pass-through. */
  async clear(): Promise<void> {
    await call('DELETE', '/faults')
  },
  /** Requests the proxy saw after `since` (a `mark()`), oldest first. */
  async log(since = 0): Promise<FaultLogEntry[]> {
    return (await call<{ entries: FaultLogEntry[] }>('GET', `/log?since=${since}`)).entries
  },
  /** The sequence number of the last request seen: pass it to log() to see only what came after. */
  async mark(): Promise<number> {
    return (await call<{ seq: number }>('GET', `/log?since=${Number.MAX_SAFE_INTEGER}`)).seq
  },
  /** Sends the app's API traffic to another stack's gateway (null: back to the e2e stack). */
  async target(url: string | null): Promise<void> {
    if (url === null) await call('DELETE', '/target')
    else await call('PUT', '/target', { url })
  },
  /** The app's per-request deadline in this run. */
  get apiTimeoutMs(): number {
    return inject('faults').apiTimeoutMs
  },
}

/** Shorthand for a rule. */
export function fault(mode: FaultMode, path: string, method?: string | string[]): FaultRule {
  return { path, mode, ...(method ? { method } : {}) }
}
