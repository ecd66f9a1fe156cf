import { describe, expect, it } from 'vitest'
import { verdict } from './budget.ts'
import { lighthouseFigures, medianRun, runFromLhr, type LighthousePage, type LighthouseRun } from './lighthouse.ts'

const run = (over: Partial<LighthouseRun> = {}): LighthouseRun => ({
  performance: 99,
  fcpMs: 900,
  lcpMs: 1200,
  tbtMs: 50,
  cls: 0,
  speedIndexMs: 1000,
  ...over,
})

const role: LighthousePage = { id: 'user', path: '/user/sessions', email: 'joao@encontro.test' }

describe('medianRun', () => {
  it('takes the median of each metric on its own', () => {
    const m = medianRun([run({ performance: 90, lcpMs: 2000 }), run({ performance: 99, lcpMs: 1000 }), run({ performance: 95, lcpMs: 3000 })])
    expect(m.performance).toBe(95)
    expect(m.lcpMs).toBe(2000)
    expect(m.tbtMs).toBe(50)
  })
})

describe('runFromLhr', () => {
  it('reads the score (0-1 -> 0-100) and the metric audits', () => {
    const r = runFromLhr({
      categories: { performance: { score: 0.974 } },
      audits: {
        'first-contentful-paint': { numericValue: 800 },
        'largest-contentful-paint': { numericValue: 1400 },
        'total-blocking-time': { numericValue: 120 },
        'cumulative-layout-shift': { numericValue: 0.002 },
        'speed-index': { numericValue: 900 },
      },
    })
    expect(r).toEqual({ performance: 97, fcpMs: 800, lcpMs: 1400, tbtMs: 120, cls: 0.002, speedIndexMs: 900 })
  })
  it('a missing score or audit is NaN (never passes a budget)', () => {
    const r = runFromLhr({ categories: { performance: { score: null } }, audits: {} })
    expect(r.performance).toBeNaN()
    expect(r.lcpMs).toBeNaN()
  })
})

describe('lighthouseFigures', () => {
  const verdicts = (runs: LighthouseRun[], page = role) => Object.fromEntries(lighthouseFigures(page, runs).map((f) => [f.id.split('.').pop(), verdict(f)]))

  it('a fast role page passes every budget', () => {
    expect(verdicts([run(), run(), run()])).toEqual({ performance: 'PASS', lcp_s: 'PASS', tbt_ms: 'PASS', cls: 'PASS', fcp_s: 'INFO' })
  })
  it.each<[string, Partial<LighthouseRun>, string]>([
    ['score 97', { performance: 97 }, 'performance'],
    ['LCP 1.6 s', { lcpMs: 1600 }, 'lcp_s'],
    ['TBT 101 ms', { tbtMs: 101 }, 'tbt_ms'],
    ['CLS 0.02', { cls: 0.02 }, 'cls'],
  ])('%s fails that budget only', (_, over, failing) => {
    const v = verdicts([run(over), run(over), run()])
    expect(Object.entries(v).filter(([, x]) => x === 'FAIL').map(([k]) => k)).toEqual([failing])
  })
  it('limits are inclusive: 98, 1.5 s, 100 ms, 0.01 pass', () => {
    const edge = run({ performance: 98, lcpMs: 1500, tbtMs: 100, cls: 0.01 })
    expect(Object.values(verdicts([edge]))).not.toContain('FAIL')
  })
  it('one slow run out of three does not fail the median', () => {
    expect(verdicts([run({ tbtMs: 400 }), run(), run()]).tbt_ms).toBe('PASS')
  })
  it('/login (no user) is reported without budgets', () => {
    const v = verdicts([run({ performance: 50, lcpMs: 4000 })], { id: 'login', path: '/login' })
    expect(Object.values(v).every((x) => x === 'INFO')).toBe(true)
  })
})
