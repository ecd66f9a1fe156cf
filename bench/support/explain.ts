/**
 * EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) as the `authenticated` role with a JWT claim set,
 * the way PostgREST runs a request: one transaction, `request.jwt.claims` set locally,
 * `set local role authenticated`, then rolled back.
 */
import type pg from 'pg'

export interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Parent Relationship'?: string
  'Subplan Name'?: string
  'Actual Rows'?: number
  'Actual Loops'?: number
  /** ms per loop */
  'Actual Total Time'?: number
  'Rows Removed by Filter'?: number
  'Shared Hit Blocks'?: number
  'Shared Read Blocks'?: number
  Filter?: string
  'Index Cond'?: string
  Plans?: PlanNode[]
}

export interface ExplainResult {
  Plan: PlanNode
  'Planning Time': number
  'Execution Time': number
  Planning?: { 'Shared Hit Blocks'?: number; 'Shared Read Blocks'?: number }
}

export interface ExplainRun {
  executionMs: number
  planningMs: number
  /** shared buffers hit + read by execution (the top node includes its children and init plans) */
  buffers: number
  sharedHit: number
  sharedRead: number
  rows: number
  plan: ExplainResult
}

export interface Claims {
  sub: string
  role: 'authenticated'
  aud: 'authenticated'
  [k: string]: unknown
}

/** `service_role` bypasses RLS (BYPASSRLS): the same query without any policy, for comparison. */
export type ApiRole = 'authenticated' | 'service_role'

export async function explainAs(db: pg.Client, claims: Claims, sql: string, role: ApiRole = 'authenticated'): Promise<ExplainRun> {
  await db.query('begin')
  try {
    await db.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(role === 'service_role' ? { role } : claims)])
    await db.query(`set local role ${role}`)
    const { rows } = await db.query<{ 'QUERY PLAN': ExplainResult[] }>(
      `explain (analyze, buffers, format json) ${sql}`,
    )
    const result = rows[0]!['QUERY PLAN'][0]!
    const hit = result.Plan['Shared Hit Blocks'] ?? 0
    const read = result.Plan['Shared Read Blocks'] ?? 0
    return {
      executionMs: result['Execution Time'],
      planningMs: result['Planning Time'],
      buffers: hit + read,
      sharedHit: hit,
      sharedRead: read,
      rows: result.Plan['Actual Rows'] ?? 0,
      plan: result,
    }
  } finally {
    await db.query('rollback')
  }
}

/** Runs the query itself (not EXPLAIN) as the same caller: for checking what it returns. */
export async function queryAs<R extends pg.QueryResultRow>(db: pg.Client, claims: Claims, sql: string): Promise<R[]> {
  await db.query('begin')
  try {
    await db.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)])
    await db.query('set local role authenticated')
    return (await db.query<R>(sql)).rows
  } finally {
    await db.query('rollback')
  }
}

export function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)]
}

/**
 * One line per node, indented: "Index Scan using bookings_user_id_starts_at_idx on bookings
 * (rows=98, loops=1, time=0.081 ms)" (time = total over all loops, children included).
 * Filters are left out unless `withFilters`.
 */
export function planOutline(node: PlanNode, withFilters = false, depth = 0): string[] {
  const what = [
    node['Parent Relationship'] === 'InitPlan' || node['Parent Relationship'] === 'SubPlan'
      ? `${node['Subplan Name'] ?? node['Parent Relationship']}: `
      : '',
    node['Node Type'],
    node['Index Name'] ? ` using ${node['Index Name']}` : '',
    node['Relation Name'] ? ` on ${node['Relation Name']}` : '',
    ` (rows=${node['Actual Rows'] ?? '?'}, loops=${node['Actual Loops'] ?? '?'}`,
    node['Actual Total Time'] !== undefined && node['Actual Loops']
      ? `, time=${(node['Actual Total Time'] * node['Actual Loops']).toFixed(3)} ms`
      : '',
    node['Rows Removed by Filter'] ? `, removed by filter=${node['Rows Removed by Filter']}` : '',
    ')',
    withFilters && node['Index Cond'] ? ` index cond: ${node['Index Cond']}` : '',
    withFilters && node.Filter ? ` filter: ${node.Filter}` : '',
  ].join('')
  return [`${'  '.repeat(depth)}${what}`, ...(node.Plans ?? []).flatMap((p) => planOutline(p, withFilters, depth + 1))]
}
