/**
 * LOCAL STACK ONLY: one port in front of PostgREST and the auth service, like Supabase's Kong.
 *
 *   /rest/v1/*  -> PostgREST (prefix stripped)      /auth/v1/* -> auth service (prefix stripped)
 *   GET /health -> gateway health
 *
 * - every routed request needs `apikey` (header or query param) equal to the anon or
 *   service-role key, else 401; without an Authorization header, `Bearer <apikey>` is forwarded;
 * - CORS: preflights answered for localhost / 127.0.0.1 origins (echoed), headers added to every response;
 * - request bodies are framed, never passed through raw (request smuggling, docs/security.md):
 *   a body on GET/HEAD (and DELETE, unless the route allows it) is refused (400), a body over the route's limit is refused (413)
 *   before it is read whole, and the rest is read here and forwarded by undici with its exact
 *   Content-Length on pooled upstream connections; responses are streamed;
 * - `Prefer: count=planned|estimated` becomes `count=exact` for every role but service_role;
 * - X-Forwarded-For / X-Real-IP are set to the client's address (a client's own values are dropped);
 * - pluggable: interceptors run before proxying (e.g. a fault-injecting proxy can delay, fail or drop requests).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { pipeline } from 'node:stream/promises'
import { Agent, request as upstreamRequest } from 'undici'

export interface GatewayRoute {
  /** path prefix, e.g. '/rest/v1' */
  prefix: string
  /** upstream base URL, e.g. 'http://127.0.0.1:3000' (a path in it is kept: '/verify' + rest) */
  target: string
  /** whether an apikey is required (default true) */
  requireApiKey?: boolean
  /** largest request body forwarded, in bytes (default DEFAULT_MAX_BODY_BYTES); larger gets 413 */
  maxBodyBytes?: number
  /** rewrite `Prefer: count=planned|estimated` to `count=exact` unless the caller is service_role */
  exactCountsOnly?: boolean
  /** methods whose requests may not carry a body (default GET, HEAD, DELETE) */
  bodylessMethods?: readonly string[]
}

export interface InterceptContext {
  req: http.IncomingMessage
  res: http.ServerResponse
  route: GatewayRoute
  /** path + query that will be sent upstream */
  upstreamPath: string
}

/**
 * Runs before a request is proxied (after CORS, apikey and body checks). Return true when the
 * interceptor has answered (or destroyed) the response itself; false/undefined to proxy.
 */
export type Interceptor = (ctx: InterceptContext) => boolean | void | Promise<boolean | void>

export interface GatewayOptions {
  routes: GatewayRoute[]
  /** accepted api keys (anon, service_role) */
  apiKeys: string[]
  port?: number
  host?: string
  allowOrigin?: (origin: string) => boolean
  interceptors?: Interceptor[]
}

export interface RunningGateway {
  url: string
  port: number
  use(interceptor: Interceptor): () => void
  stop(): Promise<void>
}

/** PostgREST bodies: rows and RPC arguments of this app are a few kB; 1 MiB leaves room. */
export const REST_MAX_BODY_BYTES = 1024 * 1024
/** Auth bodies are an e-mail and a password or a refresh token. */
export const AUTH_MAX_BODY_BYTES = 64 * 1024
/** Edge Functions' JSON requests (invite-user takes an e-mail and a few ids). */
export const FUNCTIONS_MAX_BODY_BYTES = 1024 * 1024
/** Routes that do not say (test gateways). */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024

export const CORS_ALLOW_HEADERS = [
  'authorization',
  'x-client-info',
  'apikey',
  'content-type',
  'prefer',
  'range',
  'accept-profile',
  'content-profile',
  'x-supabase-api-version',
  'accept',
  'accept-encoding',
  'x-retry-count',
]
export const CORS_EXPOSE_HEADERS = ['content-range', 'x-supabase-api-version', 'content-profile']
const CORS_METHODS = 'GET,HEAD,PUT,PATCH,POST,DELETE,OPTIONS'
/** Methods whose requests carry no body unless a route says otherwise (PostgREST reads none). */
export const BODYLESS_METHODS: readonly string[] = ['GET', 'HEAD', 'DELETE']

/** Any http(s) origin on localhost / 127.0.0.1 / [::1], any port (Vite dev and preview servers). */
export function isLocalOrigin(origin: string): boolean {
  try {
    const u = new URL(origin)
    return (
      (u.protocol === 'http:' || u.protocol === 'https:') &&
      ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)
    )
  } catch {
    return false
  }
}

/** The claims of a bearer JWT, unverified: for logs and for choices that only ever take rights away. */
export function bearerClaims(header: string | undefined): { exp?: number; role?: string } {
  const m = /^Bearer\s+([^.\s]+)\.([^.\s]+)\.[^.\s]*$/i.exec(header ?? '')
  if (!m) return {}
  try {
    const claims = JSON.parse(Buffer.from(m[2]!, 'base64url').toString('utf8')) as Record<string, unknown>
    return {
      ...(typeof claims.exp === 'number' ? { exp: claims.exp } : {}),
      ...(typeof claims.role === 'string' ? { role: claims.role } : {}),
    }
  } catch {
    return {}
  }
}

// Never forwarded: connection-level headers, and the framing of the client's body (undici frames
// the buffered body itself with its exact Content-Length).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'expect',
  // The gateway is the edge: the client's address is what it saw, never what the client claims
  // (per-IP limits upstream count on it).
  'x-forwarded-for',
  'x-real-ip',
])

/** How long a refused client may go on sending (discarded) after its answer, before the reset. */
const LINGER_MS = 1_000

function json(res: http.ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) })
  res.end(payload)
}

/**
 * Answers a request whose body will not be read and hangs up: what the client still sends is never
 * parsed as its next request. Closing a socket with unread input makes the kernel reset the
 * connection, which can drop the answer before the client reads it, so the input is discarded
 * and the reset comes LINGER_MS after our FIN (a "lingering close").
 */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: unknown) {
  const socket = req.socket
  socket.destroySoon = () => {
    socket.end()
    setTimeout(() => socket.destroy(), LINGER_MS).unref()
  }
  res.setHeader('connection', 'close')
  json(res, status, body)
  req.resume()
}

/** Whether the request announces a body (chunked, or a non-zero Content-Length). */
function announcesBody(req: http.IncomingMessage): boolean {
  const length = req.headers['content-length']
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) !== 0)
}

/**
 * Reads the whole body, or stops as soon as it exceeds `limit` (without destroying the socket, so
 * a 413 can still be written). Resolves null when the client went away.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large' | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = (result: Buffer | 'too_large' | null) => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onGone)
      req.off('close', onGone)
      resolve(result)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.pause()
        done('too_large')
      } else chunks.push(chunk)
    }
    const onEnd = () => done(Buffer.concat(chunks, size))
    const onGone = () => done(null)
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onGone)
    req.on('close', onGone)
  })
}

const tooLarge = (route: GatewayRoute, limit: number) => ({
  message: 'Request body too large',
  hint: `At most ${limit} bytes may be sent to ${route.prefix}.`,
})

/** count=planned/estimated show planner estimates of rows RLS hides (docs/security.md). */
function exactCounts(prefer: string): string {
  return prefer.replace(/\bcount=(planned|estimated)\b/gi, 'count=exact')
}

export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const allowOrigin = opts.allowOrigin ?? isLocalOrigin
  const interceptors: Interceptor[] = [...(opts.interceptors ?? [])]
  const apiKeys = new Set(opts.apiKeys)
  // undici: a maintained HTTP/1.1 client that always frames what it sends and pools connections.
  const agent = new Agent({ connections: 64, keepAliveTimeout: 4_000 })
  const routes = [...opts.routes].sort((a, b) => b.prefix.length - a.prefix.length)

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const origin = req.headers.origin
    const corsOk = typeof origin === 'string' && allowOrigin(origin)
    if (corsOk) {
      res.setHeader('access-control-allow-origin', origin)
      res.setHeader('access-control-allow-credentials', 'true')
      res.setHeader('access-control-expose-headers', CORS_EXPOSE_HEADERS.join(','))
      res.setHeader('vary', 'Origin')
    }
    if (req.method === 'OPTIONS') {
      if (corsOk) {
        res.setHeader('access-control-allow-methods', CORS_METHODS)
        res.setHeader('access-control-allow-headers', CORS_ALLOW_HEADERS.join(','))
        res.setHeader('access-control-max-age', '3600')
      }
      res.writeHead(204, { 'content-length': 0 })
      res.end()
      return
    }

    const url = new URL(req.url ?? '/', 'http://gateway.local')
    if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      return json(res, 200, { status: 'ok' })
    }
    const route = routes.find((r) => url.pathname === r.prefix || url.pathname.startsWith(`${r.prefix}/`))
    if (!route) return json(res, 404, { message: 'no Route matched with those values' })

    const headerKey = req.headers.apikey
    const apikey = (Array.isArray(headerKey) ? headerKey[0] : headerKey) ?? url.searchParams.get('apikey') ?? undefined
    if (route.requireApiKey !== false) {
      if (!apikey) {
        return json(res, 401, {
          message: 'No API key found in request',
          hint: 'No `apikey` request header or url param was found.',
        })
      }
      if (!apiKeys.has(apikey)) return json(res, 401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' })
    }

    const method = req.method ?? 'GET'
    const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
    const bodyless = (route.bodylessMethods ?? BODYLESS_METHODS).includes(method)
    if (bodyless && announcesBody(req)) {
      return refuse(req, res, 400, { message: `A ${method} request cannot have a body`, hint: 'Send the data with POST, PATCH or PUT.' })
    }
    if (Number(req.headers['content-length'] ?? 0) > limit) return refuse(req, res, 413, tooLarge(route, limit))
    let body: Buffer | undefined
    if (!bodyless) {
      const read = await readBody(req, limit)
      if (read === null) return
      if (read === 'too_large') return refuse(req, res, 413, tooLarge(route, limit))
      body = read
    }

    const target = new URL(route.target)
    const upstreamPath = (target.pathname.replace(/\/$/, '') + url.pathname.slice(route.prefix.length) || '/') + url.search
    for (const interceptor of interceptors) {
      if (await interceptor({ req, res, route, upstreamPath })) return
    }

    const headers: Record<string, string | string[]> = {}
    for (const [k, v] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(k) && v !== undefined) headers[k] = v
    }
    if (!headers.authorization && apikey) headers.authorization = `Bearer ${apikey}`
    if (route.exactCountsOnly && typeof headers.prefer === 'string') {
      const role = bearerClaims(headers.authorization as string).role
      if (role !== 'service_role') headers.prefer = exactCounts(headers.prefer)
    }
    headers.host = target.host
    headers['x-forwarded-host'] = req.headers.host ?? ''
    headers['x-forwarded-proto'] = 'http'
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? ''
    headers['x-real-ip'] = req.socket.remoteAddress ?? ''
    headers['x-forwarded-prefix'] = route.prefix

    // Client went away: abort the upstream request too.
    const abort = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) abort.abort()
    })
    let up: Awaited<ReturnType<typeof upstreamRequest>>
    try {
      up = await upstreamRequest(`${target.origin}${upstreamPath}`, {
        method: method as 'GET',
        headers,
        body,
        dispatcher: agent,
        signal: abort.signal,
      })
    } catch (err) {
      if (abort.signal.aborted) return
      return json(res, 502, { message: 'An invalid response was received from the upstream server', detail: (err as Error).message })
    }
    const out: http.OutgoingHttpHeaders = {}
    for (const [k, v] of Object.entries(up.headers)) {
      if ((HOP_BY_HOP.has(k) && k !== 'content-length') || k.startsWith('access-control-') || v === undefined) continue
      out[k] = v
    }
    res.writeHead(up.statusCode, out)
    await pipeline(up.body, res).catch(() => res.destroy())
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      process.stderr.write(`[gateway] ${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}\n`)
      if (!res.headersSent) refuse(req, res, 500, { message: 'gateway error' })
      else res.destroy()
    })
  })
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  let stopping: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    use(interceptor) {
      interceptors.push(interceptor)
      return () => {
        const i = interceptors.indexOf(interceptor)
        if (i >= 0) interceptors.splice(i, 1)
      }
    },
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
        void agent.destroy().catch(() => undefined)
      })
      return stopping
    },
  }
}
