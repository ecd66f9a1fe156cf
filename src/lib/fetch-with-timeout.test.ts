import { createFetchWithTimeout, DEFAULT_API_TIMEOUT_MS, readApiTimeoutMs } from './fetch-with-timeout'

/** A fetch that never answers, but rejects like the real one when its signal aborts. */
function hangingFetch() {
  const calls: Array<RequestInit | undefined> = []
  const impl = ((_input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(init)
    return new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal
      if (signal?.aborted) return reject(signal.reason)
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
    })
  }) as typeof fetch
  return { impl, calls }
}

describe('readApiTimeoutMs', () => {
  it.each([
    [{}, DEFAULT_API_TIMEOUT_MS],
    [{ VITE_API_TIMEOUT_MS: '' }, DEFAULT_API_TIMEOUT_MS],
    [{ VITE_API_TIMEOUT_MS: 'abc' }, DEFAULT_API_TIMEOUT_MS],
    [{ VITE_API_TIMEOUT_MS: '10' }, DEFAULT_API_TIMEOUT_MS],
    [{ VITE_API_TIMEOUT_MS: '999999' }, DEFAULT_API_TIMEOUT_MS],
    [{ VITE_API_TIMEOUT_MS: ' 4000 ' }, 4000],
    [{ VITE_API_TIMEOUT_MS: 2500 }, 2500],
  ])('%j -> %d', (env, expected) => {
    expect(readApiTimeoutMs(env)).toBe(expected)
  })
})

describe('createFetchWithTimeout', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('aborts a request with no answer after the deadline, with an AbortError', async () => {
    const { impl } = hangingFetch()
    const result = createFetchWithTimeout(3000, impl)('http://api.test/rest/v1/bookings').then(
      () => 'answered',
      (error: unknown) => error,
    )
    await vi.advanceTimersByTimeAsync(2999)
    await vi.advanceTimersByTimeAsync(1)
    const error = await result
    expect(error).toBeInstanceOf(DOMException)
    expect((error as DOMException).name).toBe('AbortError')
    expect((error as DOMException).message).toContain('3000 ms')
  })

  it("keeps the caller's own abort (and its reason)", async () => {
    const { impl } = hangingFetch()
    const caller = new AbortController()
    const result = createFetchWithTimeout(3000, impl)('http://api.test/x', { signal: caller.signal }).catch((e: unknown) => e)
    const reason = new DOMException('mine', 'TimeoutError')
    caller.abort(reason)
    await expect(result).resolves.toBe(reason)
  })

  it('passes answers, method, headers and body through', async () => {
    const seen: RequestInit[] = []
    const impl = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(init!)
      return new Response('{"ok":true}', { status: 201 })
    }) as typeof fetch
    const response = await createFetchWithTimeout(3000, impl)('http://api.test/x', {
      method: 'POST',
      headers: { apikey: 'k' },
      body: '{}',
    })
    expect(response.status).toBe(201)
    expect(seen[0]).toMatchObject({ method: 'POST', headers: { apikey: 'k' }, body: '{}' })
    expect(seen[0]!.signal).toBeInstanceOf(AbortSignal)
  })
})
