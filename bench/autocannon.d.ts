// Minimal typings for the part of autocannon's API the benchmarks use (the package ships none).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  namespace autocannon {
    interface Request {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string | Buffer
    }
    interface Client extends EventEmitter {
      setRequests(requests: Request[]): void
      setHeaders(headers: Record<string, string>): void
    }
    interface Options {
      url: string
      connections?: number
      duration?: number
      amount?: number
      timeout?: number
      pipelining?: number
      requests?: Request[]
      setupClient?: (client: Client) => void
    }
    interface Histogram {
      average: number
      mean: number
      stddev: number
      min: number
      max: number
      p2_5: number
      p50: number
      p75: number
      p90: number
      p97_5: number
      p99: number
    }
    interface Result {
      latency: Histogram
      requests: Histogram
      throughput: Histogram
      errors: number
      timeouts: number
      non2xx: number
      duration: number
    }
    interface Instance extends Promise<Result>, EventEmitter {
      on(event: 'response', listener: (client: Client, statusCode: number, resBytes: number, responseTime: number) => void): this
      on(event: string, listener: (...args: unknown[]) => void): this
      stop(): void
    }
  }
  function autocannon(options: autocannon.Options): autocannon.Instance
  export default autocannon
}
