/** Figures, budgets and verdicts: what every benchmark module reports (pure, no I/O). */

export type Comparator = '<=' | '>='

export interface Budget {
  op: Comparator
  limit: number
}

export interface Figure {
  /** stable key for results.json, e.g. `rls.employee_list.real.execution_ms` */
  id: string
  /** what a reader sees, e.g. `employee session list, real policies (median exec)` */
  label: string
  value: number
  /** ms, x, req/s, kB, count ... */
  unit: string
  /** absent: informational figure (INFO), never fails the run */
  budget?: Budget
}

export type Verdict = 'PASS' | 'FAIL' | 'INFO'

/** PASS/FAIL against the budget; a missing or non-finite value never passes a budget. */
export function verdict(figure: Pick<Figure, 'value' | 'budget'>): Verdict {
  const { value, budget } = figure
  if (!budget) return 'INFO'
  if (!Number.isFinite(value)) return 'FAIL'
  return (budget.op === '<=' ? value <= budget.limit : value >= budget.limit) ? 'PASS' : 'FAIL'
}

export function failures<F extends Pick<Figure, 'value' | 'budget'>>(figures: readonly F[]): F[] {
  return figures.filter((f) => verdict(f) === 'FAIL')
}
