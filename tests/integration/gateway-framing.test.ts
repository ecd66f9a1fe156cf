// Issue 10, finding 1: request smuggling and oversized bodies through the local gateway, sent
// as raw bytes (node:net) so nothing between the test and the gateway fixes the framing.
import http from 'node:http'
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUTH_MAX_BODY_BYTES, REST_MAX_BODY_BYTES, startGateway, type RunningGateway } from '../../supabase/local/gateway'
import { serviceClient, signedInClient, stack } from './support/clients'
import { PEOPLE } from './support/seed'

interface RawAnswer {
  /** everything the gateway sent back before closing (or before the wait ran out) */
  text: string
  status: number
  closed: boolean
}

const gatewayPort = () => Number(new URL(stack().apiUrl).port)

/**
 * Writes `head` and `body` and collects what comes back until the gateway closes the connection
 * or `waitMs` passes. A body shorter than announced is never completed: an answer then shows the
 * gateway decided without waiting for the rest.
 */
function rawRequest(head: string, body: Buffer = Buffer.alloc(0), waitMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(gatewayPort(), '127.0.0.1')
    let text = ''
    let closed = false
    const finish = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve({ text, status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), closed })
    }
    const timer = setTimeout(finish, waitMs)
    socket.on('data', (d) => {
      text += d.toString('latin1')
    })
    socket.on('error', () => {}) // a reset after the answer is expected when the body was refused
    socket.on('close', () => {
      closed = true
      finish()
    })
    socket.on('connect', () => socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body])))
  })
}

const jsonBody = (answer: RawAnswer): unknown => JSON.parse(answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4))

async function accessToken(email: string): Promise<string> {
  const client = await signedInClient(email)
  const { data } = await client.auth.getSession()
  return data.session!.access_token
}

describe("finding 1: one client's request never reaches another's", () => {
  let joaoToken: string
  let mariaToken: string
  beforeAll(async () => {
    ;[joaoToken, mariaToken] = await Promise.all([accessToken(PEOPLE.joao.email), accessToken(PEOPLE.maria.email)])
  })

  async function joaoCallRequests(): Promise<{ id: string; notes: string }[]> {
    const { data, error } = await serviceClient().from('call_requests').select('id, notes').eq('user_id', PEOPLE.joao.id)
    expect(error).toBeNull()
    return data!
  }

  it("João's chunked GET carrying a POST is refused, and Maria's next requests are hers alone", async () => {
    const before = await joaoCallRequests()
    // The reproduction: the inner POST announces more body than it sends, so that on a
    // raw upstream connection the next request (Maria's, with her token) became its `notes`.
    const smuggled =
      'POST /call_requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      `Authorization: Bearer ${joaoToken}\r\nPrefer: return=minimal\r\nContent-Length: 900\r\n\r\n` +
      `{"user_id":"${PEOPLE.joao.id}","pillar":"saude_mental","notes":"`
    const head =
      `GET /rest/v1/prestadores?select=id HTTP/1.1\r\nHost: 127.0.0.1\r\napikey: ${stack().anonKey}\r\n` +
      `Authorization: Bearer ${joaoToken}\r\nTransfer-Encoding: chunked\r\n\r\n` +
      `${Buffer.byteLength(smuggled).toString(16)}\r\n${smuggled}\r\n0\r\n\r\n`

    const [joao, ...maria] = await Promise.all([
      rawRequest(head),
      // Maria's ordinary requests, right behind João's on the same gateway and upstream pool.
      ...Array.from({ length: 5 }, () =>
        fetch(`${stack().apiUrl}/rest/v1/call_requests?select=user_id`, {
          headers: { apikey: stack().anonKey, authorization: `Bearer ${mariaToken}` },
          signal: AbortSignal.timeout(10_000),
        }),
      ),
    ])
    expect(joao.status).toBe(400)
    expect(jsonBody(joao)).toMatchObject({ message: 'A GET request cannot have a body' })
    expect(joao.closed).toBe(true)
    for (const res of maria) {
      expect(res.status).toBe(200)
      const rows = (await res.json()) as { user_id: string }[]
      expect(rows.length).toBeGreaterThan(0)
      expect(rows.every((r) => r.user_id === PEOPLE.maria.id)).toBe(true)
    }
    // Nothing was created for João, and no row anywhere holds Maria's token.
    expect(await joaoCallRequests()).toEqual(before)
    const { data: leaked } = await serviceClient().from('call_requests').select('id').like('notes', `%${mariaToken.slice(-20)}%`)
    expect(leaked).toEqual([])
  })

  it('a chunked POST whose body holds a second request is forwarded as one body', async () => {
    const before = await joaoCallRequests()
    const body = `{}\r\n\r\nPOST /call_requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{"a":`
    const head =
      `POST /rest/v1/call_requests HTTP/1.1\r\nHost: 127.0.0.1\r\napikey: ${stack().anonKey}\r\n` +
      `Authorization: Bearer ${joaoToken}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n` +
      `Connection: close\r\n\r\n${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`
    const answer = await rawRequest(head)
    // PostgREST saw one (invalid JSON) body, not a body plus a request.
    expect(answer.status).toBe(400)
    expect(answer.text).not.toMatch(/HTTP\/1\.1 \d{3}[\s\S]*HTTP\/1\.1 \d{3}/)
    const next = await fetch(`${stack().apiUrl}/rest/v1/call_requests?select=user_id`, {
      headers: { apikey: stack().anonKey, authorization: `Bearer ${mariaToken}` },
    })
    expect(next.status).toBe(200)
    expect(await joaoCallRequests()).toEqual(before)
  })

  it.each(['GET', 'HEAD', 'DELETE'])('%s with a body -> 400 JSON, with Content-Length or chunked', async (method) => {
    for (const framing of ['Content-Length: 2\r\n\r\n{}', 'Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n']) {
      const answer = await rawRequest(
        `${method} /rest/v1/prestadores?id=eq.${PEOPLE.pedro.id} HTTP/1.1\r\nHost: 127.0.0.1\r\napikey: ${stack().serviceRoleKey}\r\n${framing}`,
      )
      expect(answer.status).toBe(400)
      expect(answer.text).toMatch(/content-type: application\/json/i)
      if (method !== 'HEAD') expect(jsonBody(answer)).toMatchObject({ message: `A ${method} request cannot have a body` })
    }
    // The prestador is still there (the DELETE did not go through).
    const { data } = await serviceClient().from('prestadores').select('id').eq('id', PEOPLE.pedro.id)
    expect(data).toHaveLength(1)
  })
})

describe('finding 1: body limits (413 JSON), and the next client is unaffected', () => {
  it('a 2 MB body to /auth/v1/token -> 413, and the next sign-in and REST call succeed', async () => {
    const body = Buffer.alloc(2 * 1024 * 1024, 'a')
    const answer = await rawRequest(
      `POST /auth/v1/token?grant_type=password HTTP/1.1\r\nHost: 127.0.0.1\r\napikey: ${stack().anonKey}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
      body,
    )
    expect(answer.status).toBe(413)
    expect(jsonBody(answer)).toMatchObject({ message: 'Request body too large', hint: expect.stringContaining(String(AUTH_MAX_BODY_BYTES)) })
    expect(answer.closed).toBe(true)

    // Anyone's next request through the gateway: a sign-in and a read.
    const maria = await signedInClient(PEOPLE.maria.email)
    const { data, error } = await maria.from('call_requests').select('user_id')
    expect(error).toBeNull()
    expect(data!.length).toBeGreaterThan(0)
  })

  it('a chunked auth body over the limit (no Content-Length) -> 413 before its end', async () => {
    // A 20 MB chunk announced, 100 kB of it sent: the answer cannot wait for the rest.
    const answer = await rawRequest(
      `POST /auth/v1/token?grant_type=password HTTP/1.1\r\nHost: 127.0.0.1\r\napikey: ${stack().anonKey}\r\n` +
        `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${(20 * 1024 * 1024).toString(16)}\r\n`,
      Buffer.alloc(100 * 1024, 'b'),
    )
    expect(answer.status).toBe(413)
    expect(answer.closed).toBe(true)
    const next = await fetch(`${stack().apiUrl}/auth/v1/settings`, { headers: { apikey: stack().anonKey } })
    expect(next.status).toBe(200)
  })

  it('a 60 MB REST body is refused from its headers, before it is sent', async () => {
    const t0 = Date.now()
    // Only the headers: the 413 comes from the announced length, and the gateway hangs up.
    const answer = await rawRequest(
      `POST /rest/v1/call_requests HTTP/1.1\r\nHost: 127.0.0.1\r\napikey: ${stack().anonKey}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${60 * 1024 * 1024}\r\n\r\n`,
    )
    expect(answer.status).toBe(413)
    expect(jsonBody(answer)).toMatchObject({ hint: expect.stringContaining(String(REST_MAX_BODY_BYTES)) })
    expect(answer.closed).toBe(true)
    expect(Date.now() - t0).toBeLessThan(5_000)
  })

  it('a chunked 60 MB REST body stops at the limit', async () => {
    // 60 MB announced in one chunk, 2 MB of it sent (over the 1 MiB limit).
    const answer = await rawRequest(
      `POST /rest/v1/call_requests HTTP/1.1\r\nHost: 127.0.0.1\r\napikey: ${stack().anonKey}\r\n` +
        `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${(60 * 1024 * 1024).toString(16)}\r\n`,
      Buffer.alloc(2 * 1024 * 1024, 'd'),
    )
    expect(answer.status).toBe(413)
    expect(answer.closed).toBe(true)
    const next = await fetch(`${stack().apiUrl}/rest/v1/prestadores?select=id`, { headers: { apikey: stack().serviceRoleKey } })
    expect(next.status).toBe(200)
  })

  it('a REST body under the limit still goes through (a write near 1 MB is refused by the database, not the gateway)', async () => {
    const maria = await signedInClient(PEOPLE.maria.email)
    const { error, status } = await maria
      .from('call_requests')
      .insert({ user_id: PEOPLE.maria.id, pillar: 'saude_mental', notes: 'x'.repeat(REST_MAX_BODY_BYTES - 1000) })
    expect(status).toBe(400) // notes are at most 2000 characters: PostgREST/Postgres answered
    expect(error?.code).toBe('23514')
  })
})

describe('count=planned and count=estimated', () => {
  it("give an employee the exact count of the rows she may read, not the planner's estimate of the table", async () => {
    const maria = await signedInClient(PEOPLE.maria.email)
    const { data: token } = await maria.auth.getSession()
    for (const count of ['planned', 'estimated']) {
      const res = await fetch(`${stack().apiUrl}/rest/v1/bookings?select=id`, {
        headers: { apikey: stack().anonKey, authorization: `Bearer ${token.session!.access_token}`, prefer: `count=${count}` },
      })
      expect(res.status).toBe(200)
      const rows = (await res.json()) as unknown[]
      expect(res.headers.get('content-range')).toBe(`0-${rows.length - 1}/${rows.length}`)
    }
  })

  it('the service role keeps the planner estimate', async () => {
    const res = await fetch(`${stack().apiUrl}/rest/v1/bookings?select=id&limit=1`, {
      headers: { apikey: stack().serviceRoleKey, prefer: 'count=planned' },
    })
    expect([200, 206]).toContain(res.status)
    expect(res.headers.get('content-range')).toMatch(/^0-0\/\d+$/)
  })
})

describe("the client's address", () => {
  let upstream: http.Server
  let gateway: RunningGateway
  let seen: http.IncomingHttpHeaders = {}
  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      seen = req.headers
      res.end('ok')
    })
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r))
    const { port } = upstream.address() as net.AddressInfo
    gateway = await startGateway({ apiKeys: ['key-1'], routes: [{ prefix: '/auth/v1', target: `http://127.0.0.1:${port}` }] })
  })
  afterAll(async () => {
    await gateway.stop()
    await new Promise((r) => upstream.close(r))
  })

  it('is the one the gateway saw: a spoofed X-Forwarded-For / X-Real-IP never reaches upstream', async () => {
    const res = await fetch(`${gateway.url}/auth/v1/token`, {
      method: 'POST',
      headers: { apikey: 'key-1', 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' },
      body: '{}',
    })
    expect(res.status).toBe(200)
    expect(seen['x-forwarded-for']).toBe('127.0.0.1')
    expect(seen['x-real-ip']).toBe('127.0.0.1')
  })
})
