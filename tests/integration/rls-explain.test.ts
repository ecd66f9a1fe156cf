// The employee's session list under RLS uses an index, not a scan of every booking.
// Runs EXPLAIN (ANALYZE) as the `authenticated` role with a real JWT claim set, inside a
// transaction that adds enough rows for the planner to care, then rolls everything back.
import pg from 'pg'
import { describe, expect, inject, it } from 'vitest'

type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Relation Name'?: string; Plans?: PlanNode[] }

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)]
}

describe('EXPLAIN ANALYZE of the employee list under RLS', () => {
  // Filling 20,000 rows takes several seconds on a busy 2-core machine.
  it('reads bookings through bookings_user_id_starts_at_idx', { timeout: 90_000 }, async () => {
    const client = new pg.Client({ connectionString: inject('stack').dbUrl })
    client.on('error', () => {})
    await client.connect()
    try {
      await client.query('begin')
      // 2,000 employees and 40 prestadores with 20,000 bookings between them.
      await client.query(`
        insert into auth.users (id, email, aud, role, raw_app_meta_data, raw_user_meta_data)
        select gen_random_uuid(), 'bulk-' || g || '@encontro.test', 'authenticated', 'authenticated',
               jsonb_build_object('app_role', case when g <= 40 then 'prestador' else 'user' end),
               jsonb_build_object('name', 'Bulk ' || g)
        from generate_series(1, 2040) g;
        insert into public.prestadores (id, pillar, specialty)
        select p.id, 'saude_mental', 'Bulk' from public.profiles p where p.email like 'bulk-%' and p.role = 'prestador';
        with emp as (select id, row_number() over () as n from public.profiles where email like 'bulk-%' and role = 'user'),
             pre as (select id, row_number() over () - 1 as n from public.prestadores where specialty = 'Bulk')
        insert into public.bookings (user_id, prestador_id, pillar, starts_at, ends_at, meeting_type, status, booking_source)
        select emp.id, pre.id, 'saude_mental',
               timestamptz '2027-01-04 09:00Z' + (g / 40) * interval '1 hour',
               timestamptz '2027-01-04 09:50Z' + (g / 40) * interval '1 hour',
               'virtual', 'scheduled', 'direct'
        from generate_series(0, 19999) g
        join emp on emp.n = 1 + (g % 2000)
        join pre on pre.n = g % 40;
        analyze public.bookings;
      `)
      const { rows: [someone] } = await client.query(
        `select id from public.profiles where email = 'bulk-100@encontro.test'`,
      )
      await client.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: someone.id, role: 'authenticated', aud: 'authenticated' }),
      ])
      await client.query('set local role authenticated')
      const { rows } = await client.query(`
        explain (analyze, format json)
        select * from public.bookings where user_id = '${someone.id}' order by starts_at
      `)
      const plan = rows[0]['QUERY PLAN'][0].Plan as PlanNode
      const all = nodes(plan)
      // An index scan, or a bitmap heap scan fed by a bitmap index scan, never a seq scan.
      expect(all.some((n) => n['Relation Name'] === 'bookings')).toBe(true)
      expect(all.filter((n) => n['Relation Name'] === 'bookings' && n['Node Type'] === 'Seq Scan')).toEqual([])
      expect(all.map((n) => n['Index Name']).filter(Boolean)).toContain('bookings_user_id_starts_at_idx')
      // The employee with no filter at all still gets only their rows via RLS, by index.
      const { rows: unfiltered } = await client.query(
        `explain (analyze, format json) select * from public.bookings order by starts_at`,
      )
      const unfilteredNodes = nodes(unfiltered[0]['QUERY PLAN'][0].Plan as PlanNode)
      const actualRows = (unfiltered[0]['QUERY PLAN'][0].Plan as { 'Actual Rows': number })['Actual Rows']
      expect(actualRows).toBe(10)
      expect(unfilteredNodes.some((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'bookings')).toBe(true)
    } finally {
      await client.query('rollback').catch(() => {})
      await client.end()
    }
  })
})
