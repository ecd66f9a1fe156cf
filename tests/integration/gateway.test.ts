// The local gateway (Kong's role): api keys, Authorization fallback, CORS, routing, streaming, plug-ins.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { CORS_ALLOW_HEADERS, startGateway, type RunningGateway } from '../../supabase/local/gateway'

const stack = () => inject('stack')

describe('api keys', () => {
  it('GET /health needs no key', async () => {
    const res = await fetch(`${stack().apiUrl}/health`)
    expect(res.status).toBe(200)
  })

  it.each(['/rest/v1/profiles', '/auth/v1/settings'])('missing apikey on %s -> 401 JSON', async (path) => {
    const res = await fetch(`${stack().apiUrl}${path}`)
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    expect(await res.json()).toMatchObject({ message: 'No API key found in request' })
  })

  it('unknown apikey -> 401, even with a valid-looking Authorization', async () => {
    const res = await fetch(`${stack().apiUrl}/rest/v1/profiles`, {
      headers: { apikey: 'not-a-key', authorization: `Bearer ${stack().anonKey}` },
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ message: 'Invalid API key' })
  })

  it('apikey as a query parameter is accepted', async () => {
    const res = await fetch(`${stack().apiUrl}/auth/v1/settings?apikey=${stack().anonKey}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01')
  })

  it('without Authorization the apikey is the bearer: the service key bypasses RLS, the anon key does not', async () => {
    const asService = await fetch(`${stack().apiUrl}/rest/v1/profiles?select=id`, {
      headers: { apikey: stack().serviceRoleKey },
    })
    expect(asService.status).toBe(200)
    expect(((await asService.json()) as unknown[]).length).toBeGreaterThan(0)

    // An explicit Authorization header wins over the apikey.
    const asAnon = await fetch(`${stack().apiUrl}/rest/v1/profiles?select=id`, {
      headers: { apikey: stack().serviceRoleKey, authorization: `Bearer ${stack().anonKey}` },
    })
    const body: unknown = await asAnon.json()
    if (asAnon.status === 200) expect(body).toEqual([])
    else expect(asAnon.status).toBe(401) // anon role without grants
  })

  it('unknown routes -> 404', async () => {
    const res = await fetch(`${stack().apiUrl}/storage/v1/bucket`, { headers: { apikey: stack().anonKey } })
    expect(res.status).toBe(404)
  })
})

describe('CORS', () => {
  it.each(['http://localhost:5173', 'http://127.0.0.1:4173'])('answers the preflight from %s', async (origin) => {
    const res = await fetch(`${stack().apiUrl}/rest/v1/bookings?select=*`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization,apikey,content-type,prefer,x-client-info',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(origin)
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH')
    const allowed = res.headers.get('access-control-allow-headers')!.split(',')
    for (const h of CORS_ALLOW_HEADERS) expect(allowed).toContain(h)
    expect(allowed).toEqual(expect.arrayContaining(['x-supabase-api-version', 'x-retry-count', 'accept-profile']))
  })

  it('does not allow other origins', async () => {
    const res = await fetch(`${stack().apiUrl}/rest/v1/bookings`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('adds CORS and exposed headers to real responses (content-range readable by the browser)', async () => {
    const res = await fetch(`${stack().apiUrl}/rest/v1/profiles?select=id`, {
      headers: { origin: 'http://localhost:5173', apikey: stack().serviceRoleKey, prefer: 'count=exact' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(res.headers.get('access-control-expose-headers')).toContain('content-range')
    expect(res.headers.get('content-range')).toMatch(/^0-\d+\/\d+$/)
  })

  it('401s carry CORS headers too (the browser can read the error)', async () => {
    const res = await fetch(`${stack().apiUrl}/rest/v1/profiles`, { headers: { origin: 'http://localhost:5173' } })
    expect(res.status).toBe(401)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
  })
})

describe('standalone gateway: streaming, upstream failures, interceptors', () => {
  let upstream: http.Server
  let gateway: RunningGateway
  const seen: { path?: string; authorization?: string; host?: string } = {}

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      seen.path = req.url
      seen.authorization = req.headers.authorization
      seen.host = req.headers.host
      if (req.url?.startsWith('/stream')) {
        // Chunked response written over time: the gateway must pass chunks on, not buffer.
        res.writeHead(200, { 'content-type': 'text/plain' })
        let i = 0
        const timer = setInterval(() => {
          res.write(`chunk-${i}\n`)
          if (++i === 5) {
            clearInterval(timer)
            res.end()
          }
        }, 20)
        return
      }
      // Echo the request body back.
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'access-control-allow-origin': '*' })
      req.pipe(res)
    })
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r))
    const port = (upstream.address() as AddressInfo).port
    gateway = await startGateway({
      apiKeys: ['key-1'],
      routes: [
        { prefix: '/up/v1', target: `http://127.0.0.1:${port}` },
        { prefix: '/down/v1', target: 'http://127.0.0.1:9' },
      ],
    })
  })
  afterAll(async () => {
    await gateway.stop()
    await new Promise((r) => upstream.close(r))
  })

  it('strips the prefix, keeps the query, forwards Bearer <apikey>', async () => {
    const res = await fetch(`${gateway.url}/up/v1/echo?a=1&b=two`, { method: 'POST', headers: { apikey: 'key-1' }, body: 'x' })
    expect(res.status).toBe(200)
    expect(seen.path).toBe('/echo?a=1&b=two')
    expect(seen.authorization).toBe('Bearer key-1')
  })

  it('streams a large request body and its echo intact', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024)
    for (let i = 0; i < body.length; i++) body[i] = (i * 31) % 251
    const res = await fetch(`${gateway.url}/up/v1/echo`, { method: 'POST', headers: { apikey: 'key-1' }, body })
    const back = Buffer.from(await res.arrayBuffer())
    expect(back.length).toBe(body.length)
    expect(back.equals(body)).toBe(true)
    // Upstream CORS headers are replaced by the gateway's own policy.
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('passes streamed chunks through as they come', async () => {
    const res = await fetch(`${gateway.url}/up/v1/stream`, { headers: { apikey: 'key-1' } })
    const reader = res.body!.getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toContain('chunk-0')
    expect(new TextDecoder().decode(first.value)).not.toContain('chunk-4') // not buffered
    let rest = ''
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      rest += new TextDecoder().decode(value)
    }
    expect(rest).toContain('chunk-4')
  })

  it('upstream down -> 502 JSON', async () => {
    const res = await fetch(`${gateway.url}/down/v1/x`, { headers: { apikey: 'key-1' } })
    expect(res.status).toBe(502)
    expect(await res.json()).toMatchObject({ message: expect.stringContaining('upstream') })
  })

  it('interceptors can answer, delay or pass requests, and be removed', async () => {
    const remove = gateway.use(({ res, upstreamPath }) => {
      if (upstreamPath.startsWith('/fail')) {
        res.writeHead(503, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: 'injected' }))
        return true
      }
      return false
    })
    const removeDelay = gateway.use(async () => {
      await new Promise((r) => setTimeout(r, 150))
    })
    expect((await fetch(`${gateway.url}/up/v1/fail`, { headers: { apikey: 'key-1' } })).status).toBe(503)
    const t0 = Date.now()
    expect((await fetch(`${gateway.url}/up/v1/ok`, { method: 'POST', headers: { apikey: 'key-1' }, body: 'y' })).status).toBe(200)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140)
    remove()
    removeDelay()
    expect((await fetch(`${gateway.url}/up/v1/fail`, { method: 'POST', headers: { apikey: 'key-1' }, body: 'z' })).status).toBe(200)
  })
})
