/**
 * LOCAL STACK ONLY: one port in front of PostgREST and the auth service, like Supabase's Kong.
 *
 *   /rest/v1/*  -> PostgREST (prefix stripped)      /auth/v1/* -> auth service (prefix stripped)
 *   GET /health -> gateway health
 *
 * - every routed request needs `apikey` (header or query param) equal to the anon or
 *   service-role key, else 401; without an Authorization header, `Bearer <apikey>` is forwarded;
 * - CORS: preflights answered for localhost / 127.0.0.1 origins (echoed), headers added to every response;
 * - bodies are streamed both ways;
 * - pluggable: interceptors run before proxying (e.g. a fault-injecting proxy can delay, fail or drop requests).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GatewayRoute {
  /** path prefix, e.g. '/rest/v1' */
  prefix: string
  /** upstream base URL, e.g. 'http://127.0.0.1:3000' */
  target: string
  /** whether an apikey is required (default true) */
  requireApiKey?: boolean
}

export interface InterceptContext {
  req: http.IncomingMessage
  res: http.ServerResponse
  route: GatewayRoute
  /** path + query that will be sent upstream */
  upstreamPath: string
}

/**
 * Runs before a request is proxied (after CORS and apikey checks). Return true when the
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
])

function json(res: http.ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) })
  res.end(payload)
}

export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const allowOrigin = opts.allowOrigin ?? isLocalOrigin
  const interceptors: Interceptor[] = [...(opts.interceptors ?? [])]
  const apiKeys = new Set(opts.apiKeys)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
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

    const upstreamPath = (url.pathname.slice(route.prefix.length) || '/') + url.search
    for (const interceptor of interceptors) {
      if (await interceptor({ req, res, route, upstreamPath })) return
    }

    const target = new URL(route.target)
    const headers: http.OutgoingHttpHeaders = {}
    for (const [k, v] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(k) && v !== undefined) headers[k] = v
    }
    if (!headers.authorization && apikey) headers.authorization = `Bearer ${apikey}`
    headers.host = target.host
    headers['x-forwarded-host'] = req.headers.host ?? ''
    headers['x-forwarded-proto'] = 'http'
    headers['x-forwarded-prefix'] = route.prefix

    await new Promise<void>((resolve) => {
      const upstream = http.request(
        {
          hostname: target.hostname,
          port: target.port,
          method: req.method,
          // A target with a path (/auth/v1/verify -> <auth>/verify) keeps it in front.
          path: target.pathname.replace(/\/$/, '') + upstreamPath,
          headers,
          agent,
        },
        (up) => {
          const out: http.OutgoingHttpHeaders = {}
          for (const [k, v] of Object.entries(up.headers)) {
            if (HOP_BY_HOP.has(k) || k.startsWith('access-control-') || v === undefined) continue
            out[k] = v
          }
          res.writeHead(up.statusCode ?? 502, up.statusMessage, out)
          up.pipe(res)
          up.on('error', () => res.destroy())
          up.on('end', resolve)
          up.on('close', resolve)
        },
      )
      upstream.on('error', (err) => {
        if (!res.headersSent) {
          json(res, 502, { message: 'An invalid response was received from the upstream server', detail: err.message })
        } else {
          res.destroy()
        }
        resolve()
      })
      // Client went away: abort the upstream request too.
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy()
        resolve()
      })
      req.pipe(upstream)
    })
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      process.stderr.write(`[gateway] ${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}\n`)
      if (!res.headersSent) json(res, 500, { message: 'gateway error' })
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
        agent.destroy()
      })
      return stopping
    },
  }
}
