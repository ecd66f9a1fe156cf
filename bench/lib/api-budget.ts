/**
 * API budgets stated against the machine's own limit, measured in the same run (pure, no I/O):
 * ratios of throughputs hold on any machine; only p95 at 10 connections stays absolute,
 * because 10 closed-loop connections stay below this machine's capacity.
 */
import type { Figure } from './budget.ts'

export const API_BUDGET = {
  /** closed-loop connections of the ratio and latency budgets */
  connections: 10,
  /** session list (gateway) / cheapest authenticated read (gateway), same token: at least */
  minShareOfCheapestRead: 0.6,
  /** 1 - session list through the gateway / the same straight to PostgREST: at most */
  maxGatewayCost: 0.1,
  p95Ms: 20,
  /** connections at which no request may fail */
  stressConnections: 200,
} as const

export interface ApiMeasures {
  /** requests/s at API_BUDGET.connections */
  sessionsGatewayRps: number
  sessionsDirectRps: number
  cheapestGatewayRps: number
  cheapestDirectRps: number
  sessionsGatewayP95Ms: number
  /** non-2xx + errors + timeouts at API_BUDGET.stressConnections */
  failedAtStress: number
}

/** Share of b's throughput that a reaches (a / b); NaN when b is not a positive number. */
export function throughputShare(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN
}

/** What a hop in front costs: 1 - behind / direct (negative when the noise favours the hop). */
export function hopCost(behind: number, direct: number): number {
  return 1 - throughputShare(behind, direct)
}

/** The four budget figures (percentages for the ratios), plus the direct cheapest read as INFO. */
export function apiBudgetFigures(m: ApiMeasures): Figure[] {
  const c = `${API_BUDGET.connections} conn`
  return [
    {
      id: `api.c${API_BUDGET.connections}.sessions_share_of_cheapest_read_pct`,
      label: `${c}: session list / cheapest authenticated read (both through the gateway), throughput`,
      value: throughputShare(m.sessionsGatewayRps, m.cheapestGatewayRps) * 100,
      unit: '%',
      budget: { op: '>=', limit: API_BUDGET.minShareOfCheapestRead * 100 },
    },
    {
      id: `api.c${API_BUDGET.connections}.gateway_cost_pct`,
      label: `${c}: gateway + auth cost (session list, throughput lost vs PostgREST direct)`,
      value: hopCost(m.sessionsGatewayRps, m.sessionsDirectRps) * 100,
      unit: '%',
      budget: { op: '<=', limit: API_BUDGET.maxGatewayCost * 100 },
    },
    {
      id: `api.c${API_BUDGET.connections}.p95_ms`,
      label: `${c}: session list through the gateway, p95 latency`,
      value: m.sessionsGatewayP95Ms,
      unit: 'ms',
      budget: { op: '<=', limit: API_BUDGET.p95Ms },
    },
    {
      id: `api.c${API_BUDGET.stressConnections}.failed_requests`,
      label: `${API_BUDGET.stressConnections} conn: non-2xx, errors and timeouts`,
      value: m.failedAtStress,
      unit: 'requests',
      budget: { op: '<=', limit: 0 },
    },
    {
      id: `api.c${API_BUDGET.connections}.sessions_share_of_cheapest_direct_pct`,
      label: `${c}: session list through the gateway / cheapest read straight to PostgREST, throughput`,
      value: throughputShare(m.sessionsGatewayRps, m.cheapestDirectRps) * 100,
      unit: '%',
    },
  ]
}

/**
 * `Server-Timing: jwt;dur=0.1, parse;dur=0.2, ...` -> { jwt: 0.1, parse: 0.2, ... } in ms, each
 * `dur` times `unitMs` (for a server that writes another unit); entries without dur are skipped.
 */
export function parseServerTiming(header: string | null | undefined, unitMs = 1): Record<string, number> {
  const out: Record<string, number> = {}
  for (const entry of (header ?? '').split(',')) {
    const [name, ...params] = entry.split(';').map((s) => s.trim())
    if (!name) continue
    const dur = params.find((p) => /^dur=/i.test(p))
    const ms = dur === undefined ? Number.NaN : Number(dur.slice(4).replace(/^"|"$/g, ''))
    if (Number.isFinite(ms)) out[name] = ms * unitMs
  }
  return out
}
