// A fetch() whose connections leave from another loopback address (127.0.0.0/8 all reaches
// this machine), so the stack sees another client: the auth rate limits are per address and
// the shared test stack exempts only 127.0.0.1.
import http from 'node:http'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import { stack } from './clients'

export function fetchFrom(localAddress: string): typeof fetch {
  return async (input, init) => {
    const req = new Request(input, init)
    const url = new URL(req.url)
    const body = req.body ? Buffer.from(await req.arrayBuffer()) : undefined
    const headers: Record<string, string> = {}
    req.headers.forEach((value, name) => (headers[name] = value))
    return new Promise<Response>((resolve, reject) => {
      const outgoing = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: req.method,
          headers,
          localAddress,
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('error', reject)
          res.on('end', () => {
            const answer = new Headers()
            for (const [k, v] of Object.entries(res.headers)) {
              if (v !== undefined) answer.set(k, Array.isArray(v) ? v.join(', ') : v)
            }
            const status = res.statusCode ?? 500
            resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: answer }))
          })
        },
      )
      outgoing.on('error', reject)
      outgoing.end(body)
    })
  }
}

/** An anon supabase-js client whose requests come from `localAddress`. */
export function anonClientFrom(localAddress: string): SupabaseClient {
  const { apiUrl, anonKey } = stack()
  return createClient(apiUrl, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { fetch: fetchFrom(localAddress) },
  })
}
