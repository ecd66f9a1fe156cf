/**
 * Open-loop load: requests arrive at a fixed average rate (Poisson arrivals) whatever the
 * server's speed, over at most `connections` keep-alive sockets, like many independent users.
 * Latency is measured from the moment a request was due, so time spent waiting for a free
 * socket counts (no coordinated omission).
 */
import http from 'node:http'

export interface OpenLoopOptions {
  baseUrl: string
  ratePerSecond: number
  seconds: number
  connections: number
  /** request i -> path + headers */
  request(i: number): { path: string; headers: Record<string, string> }
}

export interface OpenLoopResult {
  latencies: number[]
  sent: number
  non2xx: number
  errors: number
  seconds: number
}

export async function openLoop(opts: OpenLoopOptions): Promise<OpenLoopResult> {
  const url = new URL(opts.baseUrl)
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections })
  const latencies: number[] = []
  let non2xx = 0
  let errors = 0
  let sent = 0
  const inflight = new Set<Promise<void>>()
  const t0 = performance.now()
  const end = t0 + opts.seconds * 1000
  let due = t0

  const fire = (i: number, dueAt: number) => {
    const { path, headers } = opts.request(i)
    const p = new Promise<void>((resolve) => {
      const req = http.request({ hostname: url.hostname, port: url.port, path, method: 'GET', headers, agent }, (res) => {
        res.resume()
        res.on('end', () => {
          latencies.push(performance.now() - dueAt)
          if (!res.statusCode || res.statusCode < 200 || res.statusCode > 299) non2xx++
          resolve()
        })
      })
      req.on('error', () => {
        errors++
        resolve()
      })
      req.end()
    })
    inflight.add(p)
    void p.then(() => inflight.delete(p))
  }

  while (due < end) {
    // exponential inter-arrival times: a Poisson process of the given rate
    due += (-Math.log(1 - Math.random()) / opts.ratePerSecond) * 1000
    const wait = due - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    if (due >= end) break
    fire(sent++, due)
  }
  await Promise.all([...inflight])
  agent.destroy()
  return { latencies, sent, non2xx, errors, seconds: (performance.now() - t0) / 1000 }
}
