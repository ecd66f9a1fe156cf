/** Lighthouse figures and budgets per page (pure, no I/O): median of the runs, metric by metric. */
import type { Figure } from './budget.ts'
import { median } from './stats.ts'

/** Budgets on every role page (issue 13); /login is measured, not budgeted. */
export const LIGHTHOUSE_BUDGET = { performance: 98, lcpMs: 1500, tbtMs: 100, cls: 0.01 } as const

export interface LighthousePage {
  id: string
  path: string
  /** seed user signed in for this page; none for /login */
  email?: string
}

/** What one Lighthouse run yields for a page (from lhr.categories / lhr.audits). */
export interface LighthouseRun {
  /** 0-100 */
  performance: number
  fcpMs: number
  lcpMs: number
  tbtMs: number
  cls: number
  speedIndexMs: number
}

export function medianRun(runs: readonly LighthouseRun[]): LighthouseRun {
  const m = (k: keyof LighthouseRun) => median(runs.map((r) => r[k]))
  return { performance: m('performance'), fcpMs: m('fcpMs'), lcpMs: m('lcpMs'), tbtMs: m('tbtMs'), cls: m('cls'), speedIndexMs: m('speedIndexMs') }
}

/** The subset of a Lighthouse result read here (so a missing audit gives NaN, which fails a budget). */
export interface LhrLike {
  categories: { performance?: { score: number | null } }
  audits: Record<string, { numericValue?: number } | undefined>
}

export function runFromLhr(lhr: LhrLike): LighthouseRun {
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
  const score = lhr.categories.performance?.score
  return {
    performance: typeof score === 'number' ? Math.round(score * 100) : Number.NaN,
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    speedIndexMs: audit('speed-index'),
  }
}

/** Figures for one page: the median of its runs; budgets only when a user is signed in (a role page). */
export function lighthouseFigures(page: LighthousePage, runs: readonly LighthouseRun[]): Figure[] {
  const m = medianRun(runs)
  const at = `${page.path}${page.email ? ` (${page.email.split('@')[0]})` : ''}, median of ${runs.length}`
  const b = <T extends object>(budget: T) => (page.email ? budget : {})
  return [
    { id: `lighthouse.${page.id}.performance`, label: `${at}: performance score`, value: m.performance, unit: '', ...b({ budget: { op: '>=' as const, limit: LIGHTHOUSE_BUDGET.performance } }) },
    { id: `lighthouse.${page.id}.lcp_s`, label: `${at}: LCP`, value: m.lcpMs / 1000, unit: 's', ...b({ budget: { op: '<=' as const, limit: LIGHTHOUSE_BUDGET.lcpMs / 1000 } }) },
    { id: `lighthouse.${page.id}.tbt_ms`, label: `${at}: TBT`, value: m.tbtMs, unit: 'ms', ...b({ budget: { op: '<=' as const, limit: LIGHTHOUSE_BUDGET.tbtMs } }) },
    { id: `lighthouse.${page.id}.cls`, label: `${at}: CLS`, value: m.cls, unit: '', ...b({ budget: { op: '<=' as const, limit: LIGHTHOUSE_BUDGET.cls } }) },
    { id: `lighthouse.${page.id}.fcp_s`, label: `${at}: FCP`, value: m.fcpMs / 1000, unit: 's' },
  ]
}
