/**
 * LOCAL / TEST ONLY: a small HTTP proxy in front of the local gateway that can make the API
 * fail on purpose, so tests see what a person sees when Supabase is down or slow. Never
 * imported by src/. Pass-through by default.
 *
 *   app --> fault proxy (url) --> gateway (target) --> PostgREST / auth
 *
 * Rules match a path prefix as the app requests it ('/rest/v1/rpc/save_meeting_link',
 * '/auth/v1/token') and optionally methods (default: every method but OPTIONS, so CORS
 * preflights still pass and the browser sees the injected answer, not a CORS failure):
 *
 *   'status 500' / 'status 503' / 'status <n>'  answer <n> with a JSON body and CORS headers
 *   'timeout'   hold the request, never forwarded, until the client gives up (closes it)
 *   'reset'     destroy the connection without an answer (connection reset / empty reply)
 *   'lose-response'  forward the request, let the API do it, then drop the connection instead
 *               of passing the answer on (the write happened; the app never hears of it)
 *
 * Controlled in-process (setFaults/clearFaults/log/setTarget) or over a small JSON API on a
 * separate port (`controlUrl`), for test workers that only get URLs from the global setup:
 *
 *   GET /faults | PUT /faults {rules} | DELETE /faults
 *   GET /log?since=<seq>                 requests seen (newest last), with what was done to them
 *   PUT /target {url} | DELETE /target   send traffic to another stack / back to the default
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { bearerClaims, CORS_EXPOSE_HEADERS, isLocalOrigin } from './gateway.ts'

export type FaultMode = `status ${number}` | 'timeout' | 'reset' | 'lose-response'

export interface FaultRule {
  /** Path prefix, e.g. '/rest/v1/bookings' (matched on the path, without the query). */
  path: string
  /** Methods to fail (case-insensitive). Default: all but OPTIONS. */
  method?: string | string[]
  mode: FaultMode
  /** Fail only the next `times` matching requests, then pass through again. Default: until cleared. */
  times?: number
}

export interface FaultLogEntry {
  seq: number
  /** ms since epoch, when the request arrived */
  at: number
  method: string
  /** path + query */
  url: string
  /** the upstream's status, the injected status, or what was done instead */
  outcome: number | 'timeout' | 'reset' | 'upstream-error' | 'client-closed'
  /** true when a rule answered */
  faulted: boolean
  /** ms until the answer's headers were sent (absent while pending or when none was sent) */
  ms?: number
  /** `exp` (seconds) of a user access token in Authorization, when there is one */
  tokenExp?: number
  /** `role` claim of the bearer token, when there is one */
  tokenRole?: string
}

export interface RunningFaultProxy {
  /** Point the app here instead of at the gateway. */
  url: string
  /** JSON control API (see the header comment). */
  controlUrl: string
  setFaults(rules: FaultRule[]): void
  clearFaults(): void
  log(since?: number): FaultLogEntry[]
  /** Sends traffic to another upstream (null: back to the default target). */
  setTarget(url: string | null): void
  stop(): Promise<void>
}

export interface FaultProxyOptions {
  /** Default upstream, e.g. the gateway's URL. */
  target: string
  port?: number
  controlPort?: number
  host?: string
  /** A held ('timeout') request is dropped after this long even if the client waits (default 120 s). */
  maxHoldMs?: number
  /** Called when the upstream's answer starts (entry.ms set), e.g. to report slow requests. */
  onAnswered?: (entry: FaultLogEntry) => void
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host'])
const LOG_LIMIT = 5_000
const MODE = /^(?:status ([1-5]\d\d)|timeout|reset|lose-response)$/

interface ActiveRule extends FaultRule {
  remaining: number
}

function methodsOf(rule: FaultRule): string[] | null {
  if (rule.method === undefined) return null
  return (Array.isArray(rule.method) ? rule.method : [rule.method]).map((m) => m.toUpperCase())
}

/** Plain string prefix: '/rest/v1/rpc/' matches every RPC, '/rest/v1/bookings' also '/rest/v1/bookings?...'. */
function pathMatches(prefix: string, pathname: string): boolean {
  return pathname.startsWith(prefix)
}

/** Checks rules coming over the wire; throws with a readable message. */
export function validateRules(value: unknown): FaultRule[] {
  if (!Array.isArray(value)) throw new Error('rules must be an array')
  return value.map((raw, i) => {
    if (!raw || typeof raw !== 'object') throw new Error(`rule ${i}: not an object`)
    const r = raw as Record<string, unknown>
    if (typeof r.path !== 'string' || !r.path.startsWith('/')) throw new Error(`rule ${i}: path must start with /`)
    if (typeof r.mode !== 'string' || !MODE.test(r.mode)) {
      throw new Error(`rule ${i}: mode must be 'status <nnn>', 'timeout', 'reset' or 'lose-response'`)
    }
    const method = r.method
    if (method !== undefined && typeof method !== 'string' && !(Array.isArray(method) && method.every((m) => typeof m === 'string'))) {
      throw new Error(`rule ${i}: method must be a string or a list of strings`)
    }
    if (r.times !== undefined && (typeof r.times !== 'number' || !Number.isInteger(r.times) || r.times < 1)) {
      throw new Error(`rule ${i}: times must be a positive integer`)
    }
    return {
      path: r.path,
      mode: r.mode as FaultMode,
      ...(method !== undefined ? { method: method as string | string[] } : {}),
      ...(r.times !== undefined ? { times: r.times as number } : {}),
    }
  })
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, extra: http.OutgoingHttpHeaders = {}) {
  const payload = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), ...extra })
  res.end(payload)
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  return text ? (JSON.parse(text) as unknown) : {}
}

const STATUS_TEXT: Record<number, string> = {
  500: 'An unexpected error occurred',
  502: 'An invalid response was received from the upstream server',
  503: 'The upstream server is currently unavailable',
  504: 'The upstream server is timing out',
}

export async function startFaultProxy(opts: FaultProxyOptions): Promise<RunningFaultProxy> {
  const defaultTarget = new URL(opts.target)
  let target = defaultTarget
  let rules: ActiveRule[] = []
  const entries: FaultLogEntry[] = []
  let seq = 0
  const held = new Set<http.ServerResponse>()
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  const maxHoldMs = opts.maxHoldMs ?? 120_000
  const host = opts.host ?? '127.0.0.1'

  const record = (entry: Omit<FaultLogEntry, 'seq'>): FaultLogEntry => {
    const full = { seq: ++seq, ...entry }
    entries.push(full)
    if (entries.length > LOG_LIMIT) entries.splice(0, entries.length - LOG_LIMIT)
    return full
  }

  const matchRule = (method: string, pathname: string): ActiveRule | undefined => {
    if (method === 'OPTIONS') return undefined
    const rule = rules.find((r) => {
      const methods = methodsOf(r)
      return (methods === null || methods.includes(method)) && pathMatches(r.path, pathname) && r.remaining > 0
    })
    if (rule) {
      rule.remaining -= 1
      if (rule.remaining <= 0) rules = rules.filter((r) => r !== rule)
    }
    return rule
  }

  function corsHeaders(req: http.IncomingMessage): http.OutgoingHttpHeaders {
    const origin = req.headers.origin
    if (typeof origin !== 'string' || !isLocalOrigin(origin)) return {}
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': CORS_EXPOSE_HEADERS.join(','),
      vary: 'Origin',
    }
  }

  function proxy(req: http.IncomingMessage, res: http.ServerResponse, entry: FaultLogEntry, { loseResponse = false } = {}): void {
    const upstreamTarget = target
    const headers: http.OutgoingHttpHeaders = {}
    for (const [k, v] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(k) && v !== undefined) headers[k] = v
    }
    headers.host = upstreamTarget.host
    const upstream = http.request(
      { hostname: upstreamTarget.hostname, port: upstreamTarget.port, method: req.method, path: req.url, headers, agent },
      (up) => {
        entry.outcome = up.statusCode ?? 502
        entry.ms = Date.now() - entry.at
        opts.onAnswered?.(entry)
        if (loseResponse) {
          // The API did the work; the client only sees its connection drop.
          up.resume()
          up.on('end', () => req.socket.destroy())
          return
        }
        const out: http.OutgoingHttpHeaders = {}
        for (const [k, v] of Object.entries(up.headers)) {
          if (!HOP_BY_HOP.has(k) && v !== undefined) out[k] = v
        }
        res.writeHead(up.statusCode ?? 502, up.statusMessage, out)
        up.pipe(res)
        up.on('error', () => res.destroy())
      },
    )
    upstream.on('error', (err) => {
      entry.outcome = 'upstream-error'
      if (!res.headersSent) sendJson(res, 502, { message: 'fault proxy: upstream unreachable', detail: err.message }, corsHeaders(req))
      else res.destroy()
    })
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy()
    })
    req.pipe(upstream)
  }

  const server = http.createServer((req, res) => {
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', 'http://fault-proxy.local')
    const claims = bearerClaims(req.headers.authorization)
    const entry = record({
      at: Date.now(),
      method,
      url: url.pathname + url.search,
      outcome: 'client-closed',
      faulted: false,
      ...(claims.exp !== undefined ? { tokenExp: claims.exp } : {}),
      ...(claims.role !== undefined ? { tokenRole: claims.role } : {}),
    })
    const rule = matchRule(method, url.pathname)
    if (!rule) return proxy(req, res, entry)

    entry.faulted = true
    if (rule.mode === 'lose-response') return proxy(req, res, entry, { loseResponse: true })
    // Drain the body so the client is not stuck writing it.
    req.resume()
    const status = /^status (\d{3})$/.exec(rule.mode)
    if (status) {
      const code = Number(status[1])
      entry.outcome = code
      return sendJson(
        res,
        code,
        { code: String(code), message: STATUS_TEXT[code] ?? `Injected status ${code}`, details: 'fault proxy (tests)', hint: null },
        corsHeaders(req),
      )
    }
    if (rule.mode === 'reset') {
      entry.outcome = 'reset'
      req.socket.destroy()
      return
    }
    // 'timeout': never answer; forget the request once the client gives up.
    entry.outcome = 'timeout'
    held.add(res)
    const timer = setTimeout(() => res.destroy(), maxHoldMs)
    res.on('close', () => {
      clearTimeout(timer)
      held.delete(res)
    })
  })
  server.keepAliveTimeout = 5_000

  const control = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fault-control.local')
      const method = req.method ?? 'GET'
      try {
        if (url.pathname === '/health') return sendJson(res, 200, { ok: true })
        if (url.pathname === '/faults') {
          if (method === 'GET') return sendJson(res, 200, { rules, target: target.href })
          if (method === 'PUT') {
            const body = (await readBody(req)) as { rules?: unknown }
            api.setFaults(validateRules(body.rules))
            return sendJson(res, 200, { rules })
          }
          if (method === 'DELETE') {
            api.clearFaults()
            return sendJson(res, 200, { rules })
          }
        }
        if (url.pathname === '/log' && method === 'GET') {
          const since = Number(url.searchParams.get('since') ?? '0') || 0
          return sendJson(res, 200, { entries: api.log(since), seq })
        }
        if (url.pathname === '/target') {
          if (method === 'PUT') {
            const body = (await readBody(req)) as { url?: unknown }
            if (typeof body.url !== 'string') throw new Error('url must be a string')
            api.setTarget(body.url)
            return sendJson(res, 200, { target: target.href })
          }
          if (method === 'DELETE') {
            api.setTarget(null)
            return sendJson(res, 200, { target: target.href })
          }
        }
        return sendJson(res, 404, { message: 'not found' })
      } catch (err) {
        return sendJson(res, 400, { message: (err as Error).message })
      }
    })()
  })

  const listen = (srv: http.Server, port: number | undefined) =>
    new Promise<number>((resolve, reject) => {
      srv.once('error', reject)
      srv.listen(port ?? 0, host, () => resolve((srv.address() as AddressInfo).port))
    })
  const port = await listen(server, opts.port)
  const controlPort = await listen(control, opts.controlPort)

  let stopping: Promise<void> | undefined
  const api: RunningFaultProxy = {
    url: `http://${host}:${port}`,
    controlUrl: `http://${host}:${controlPort}`,
    setFaults(next) {
      rules = next.map((r) => ({ ...r, remaining: r.times ?? Number.POSITIVE_INFINITY }))
    },
    clearFaults() {
      rules = []
    },
    log(since = 0) {
      return entries.filter((e) => e.seq > since)
    },
    setTarget(next) {
      target = next === null ? defaultTarget : new URL(next)
    },
    stop() {
      stopping ??= (async () => {
        for (const res of held) res.destroy()
        await Promise.all(
          [server, control].map(
            (srv) =>
              new Promise<void>((resolve) => {
                srv.close(() => resolve())
                srv.closeAllConnections()
              }),
          ),
        )
        agent.destroy()
      })()
      return stopping
    },
  }
  return api
}
