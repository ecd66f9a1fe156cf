import { describe, expect, it } from 'vitest'
import { apiBudgetFigures, hopCost, parseServerTiming, throughputShare, type ApiMeasures } from './api-budget.ts'
import { verdict } from './budget.ts'

const base: ApiMeasures = {
  sessionsGatewayRps: 700,
  sessionsDirectRps: 750,
  cheapestGatewayRps: 1000,
  cheapestDirectRps: 1200,
  sessionsGatewayP95Ms: 15,
  failedAtStress: 0,
}

const verdicts = (m: ApiMeasures) => Object.fromEntries(apiBudgetFigures(m).map((f) => [f.id, verdict(f)]))

describe('throughputShare and hopCost', () => {
  it.each([
    [600, 1000, 0.6],
    [1000, 1000, 1],
    [1100, 1000, 1.1],
    [0, 1000, 0],
  ])('share %d / %d = %d', (a, b, share) => {
    expect(throughputShare(a, b)).toBeCloseTo(share, 10)
  })
  it.each([
    [1000, 0],
    [1000, Number.NaN],
    [Number.NaN, 1000],
    [1000, -5],
  ])('share %d / %d is NaN (never passes a budget)', (a, b) => {
    expect(throughputShare(a, b)).toBeNaN()
  })
  it.each([
    [900, 1000, 0.1],
    [1000, 1000, 0],
    [1050, 1000, -0.05],
  ])('cost of a hop serving %d of %d req/s is %d', (behind, direct, cost) => {
    expect(hopCost(behind, direct)).toBeCloseTo(cost, 10)
  })
})

describe('apiBudgetFigures', () => {
  it('all four budgets pass on a healthy run; the direct share is INFO', () => {
    expect(verdicts(base)).toEqual({
      'api.c10.sessions_share_of_cheapest_read_pct': 'PASS',
      'api.c10.gateway_cost_pct': 'PASS',
      'api.c10.p95_ms': 'PASS',
      'api.c200.failed_requests': 'PASS',
      'api.c10.sessions_share_of_cheapest_direct_pct': 'INFO',
    })
  })
  it.each<[string, Partial<ApiMeasures>, string]>([
    ['session list at 59% of the cheapest read', { sessionsGatewayRps: 590, sessionsDirectRps: 600 }, 'api.c10.sessions_share_of_cheapest_read_pct'],
    ['gateway costing 11%', { sessionsGatewayRps: 667, sessionsDirectRps: 750 }, 'api.c10.gateway_cost_pct'],
    ['p95 of 20.5 ms', { sessionsGatewayP95Ms: 20.5 }, 'api.c10.p95_ms'],
    ['one failed request at 200 connections', { failedAtStress: 1 }, 'api.c200.failed_requests'],
    ['no throughput measured for the cheapest read', { cheapestGatewayRps: 0 }, 'api.c10.sessions_share_of_cheapest_read_pct'],
    ['no direct run', { sessionsDirectRps: Number.NaN }, 'api.c10.gateway_cost_pct'],
  ])('%s fails exactly that budget', (_, change, failing) => {
    const v = verdicts({ ...base, ...change })
    expect(Object.entries(v).filter(([, x]) => x === 'FAIL').map(([id]) => id)).toEqual([failing])
  })
  it('limits are inclusive: exactly 60%, 10%, 20 ms pass', () => {
    const v = verdicts({ ...base, sessionsGatewayRps: 600, cheapestGatewayRps: 1000, sessionsDirectRps: 600 / 0.9, sessionsGatewayP95Ms: 20 })
    expect(v['api.c10.sessions_share_of_cheapest_read_pct']).toBe('PASS')
    expect(v['api.c10.p95_ms']).toBe('PASS')
    const figures = apiBudgetFigures({ ...base, sessionsGatewayRps: 600, sessionsDirectRps: 600 / 0.9 })
    expect(figures.find((f) => f.id === 'api.c10.gateway_cost_pct')!.value).toBeCloseTo(10, 9)
  })
})

describe('parseServerTiming', () => {
  it.each<[string | null, Record<string, number>]>([
    ['jwt;dur=0.1, parse;dur=0.2, plan;dur=0.05, transaction;dur=0.9, response;dur=0.01', { jwt: 0.1, parse: 0.2, plan: 0.05, transaction: 0.9, response: 0.01 }],
    ['jwt;dur=14.1', { jwt: 14.1 }],
    ['db;desc="Database";dur="2.5", cache', { db: 2.5 }],
    ['', {}],
    [null, {}],
    ['plan;dur=abc', {}],
  ])('%s', (header, parsed) => {
    expect(parseServerTiming(header)).toEqual(parsed)
  })
  it('scales each duration by the unit (PostgREST 12.0.2 writes microseconds)', () => {
    expect(parseServerTiming('jwt;dur=320, transaction;dur=640', 0.001)).toEqual({ jwt: 0.32, transaction: 0.64 })
  })
})
