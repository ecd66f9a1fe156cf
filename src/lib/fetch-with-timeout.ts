// Every request to Supabase (PostgREST and auth) gets a deadline, so a server that never
// answers ends in an error the person can act on ("tente novamente") instead of an endless
// spinner. The app's one supabase client uses it as its `global.fetch`.
//
// The deadline aborts the request with an `AbortError`: supabase-js then reports it as a
// failed request (status 0) without its own retries of idempotent reads, which would multiply
// the wait; TanStack Query's single retry still applies to reads.

/** Default deadline of one API request. */
export const DEFAULT_API_TIMEOUT_MS = 15_000

const MIN_TIMEOUT_MS = 500
const MAX_TIMEOUT_MS = 120_000

/** `VITE_API_TIMEOUT_MS` (e.g. a shorter deadline for the e2e tests), else the default. */
export function readApiTimeoutMs(env: Record<string, unknown>): number {
  const raw = env.VITE_API_TIMEOUT_MS
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : typeof raw === 'number' ? raw : Number.NaN
  if (!Number.isFinite(value) || value < MIN_TIMEOUT_MS || value > MAX_TIMEOUT_MS) return DEFAULT_API_TIMEOUT_MS
  return Math.round(value)
}

/** The abort reason of a request that hit the deadline. */
export function apiTimeoutError(timeoutMs: number): DOMException {
  return new DOMException(`No answer from the API within ${timeoutMs} ms`, 'AbortError')
}

/**
 * `fetch` with a deadline of `timeoutMs` for the answer (headers and body). A caller's own
 * signal (supabase-js `.abortSignal()`) still aborts the request, with its own reason.
 */
export function createFetchWithTimeout(
  timeoutMs: number,
  baseFetch: typeof fetch = (input, init) => fetch(input, init),
): typeof fetch {
  return (input, init) => {
    const controller = new AbortController()
    const outer = init?.signal ?? (input instanceof Request ? input.signal : undefined)
    const onOuterAbort = () => controller.abort(outer?.reason)
    if (outer?.aborted) onOuterAbort()
    else outer?.addEventListener('abort', onOuterAbort, { once: true })
    // Not cleared when the headers arrive: the body must come in time too. Aborting after
    // the body was read changes nothing.
    const timer = setTimeout(() => {
      outer?.removeEventListener('abort', onOuterAbort)
      controller.abort(apiTimeoutError(timeoutMs))
    }, timeoutMs)
    return baseFetch(input, { ...init, signal: controller.signal }).catch((error: unknown) => {
      clearTimeout(timer)
      outer?.removeEventListener('abort', onOuterAbort)
      throw error
    })
  }
}
