/**
 * RLS query cost at scale: a separate throwaway cluster (temp dir, own ports) filled with
 * 1,000,000 bookings, then EXPLAIN (ANALYZE, BUFFERS) of the employee's session list and the
 * prestador's week as the `authenticated` role with a real user's JWT claims, under the real
 * policies (supabase/migrations) and under a naive copy of them:
 *
 *   bookings_naive / booking_links_naive: same rows, only a primary key (no index on user_id,
 *   prestador_id or starts_at), policies with bare auth.uid() and helpers called per row
 *   (private.is_admin(), private.case_booking_ids() not wrapped in a scalar subquery).
 */
import path from 'node:path'
import pg from 'pg'
import { startStack } from '../supabase/local/stack.ts'
import type { Figure } from './lib/budget.ts'
import type { BenchModule } from './lib/module.ts'
import { median, ratio } from './lib/stats.ts'
import { explainAs, planOutline, queryAs, type Claims, type ExplainRun } from './support/explain.ts'
import { FILL, fillDatabase } from './support/fill.ts'

export const RLS_BUDGET = {
  /** median EXPLAIN ANALYZE execution time of the employee list under the real policies */
  employeeListMs: 1,
  /** naive / real, employee list */
  speedup: 100,
}
const WARMUP_RUNS = 3
const RUNS = 15

const NAIVE_SQL = `
  create table public.bookings_naive (like public.bookings including defaults including constraints);
  insert into public.bookings_naive select * from public.bookings;
  alter table public.bookings_naive add primary key (id);
  create table public.booking_links_naive (like public.booking_links including defaults including constraints);
  insert into public.booking_links_naive select * from public.booking_links;
  alter table public.booking_links_naive add primary key (booking_id);

  alter table public.bookings_naive enable row level security;
  alter table public.booking_links_naive enable row level security;
  grant select on public.bookings_naive, public.booking_links_naive to authenticated;

  -- The real policies' logic, written the naive way.
  create policy "naive: participants, case especialistas and admins read bookings"
    on public.bookings_naive for select to authenticated
    using (
      user_id = auth.uid()
      or prestador_id = auth.uid()
      or private.is_admin()
      or id = any (private.case_booking_ids())
    );
  create policy "naive: staff always, employees inside the window, read meeting links"
    on public.booking_links_naive for select to authenticated
    using (
      exists (
        select 1 from public.bookings_naive b
        where b.id = booking_id
          and (
            b.prestador_id = auth.uid()
            or private.is_admin()
            or b.id = any (private.case_booking_ids())
            or (
              b.user_id = auth.uid()
              and b.meeting_type = 'virtual'
              and b.status in ('pending', 'scheduled')
              and private.link_window_open(b.starts_at, b.ends_at)
            )
          )
      )
    );
`

const uuidLiteral = (id: string) => {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error(`not a uuid: ${id}`)
  return `'${id}'`
}

/** The employee's list as the app asks for it: GET /rest/v1/bookings?select=*&user_id=eq.<me>&order=starts_at.asc */
const employeeList = (bookings: string, me: string) =>
  `select * from public.${bookings} where user_id = ${uuidLiteral(me)} order by starts_at`

/**
 * What PostgREST 12 runs for select=*,booking_links(meeting_link,updated_at,updated_by)&user_id=eq.<me>
 * &order=starts_at.asc (to-one embed = left join lateral; db-max-rows 1000 = limit 1000), with
 * the filter value inlined instead of a bind parameter.
 */
const employeeListWithLinks = (bookings: string, links: string, me: string) => `
  with pgrst_source as (
    select "${bookings}".*, row_to_json("${bookings}_booking_links_1".*)::jsonb as "booking_links"
    from "public"."${bookings}"
    left join lateral (
      select "booking_links_1"."meeting_link", "booking_links_1"."updated_at", "booking_links_1"."updated_by"
      from "public"."${links}" as "booking_links_1"
      where "booking_links_1"."booking_id" = "${bookings}"."id"
    ) as "${bookings}_booking_links_1" on true
    where "${bookings}"."user_id" = ${uuidLiteral(me)}
    order by "${bookings}"."starts_at" asc
    limit 1000 offset 0
  )
  select null::bigint as total_result_set, pg_catalog.count(_postgrest_t) as page_total,
         coalesce(json_agg(_postgrest_t), '[]') as body,
         nullif(current_setting('response.headers', true), '') as response_headers,
         nullif(current_setting('response.status', true), '') as response_status,
         '' as response_inserted
  from (select * from pgrst_source) _postgrest_t`

/** The prestador's week: prestador_id = me and starts_at in [from, to). */
const prestadorWeek = (bookings: string, me: string, from: string, to: string) =>
  `select * from public.${bookings} where prestador_id = ${uuidLiteral(me)}
     and starts_at >= '${from}' and starts_at < '${to}' order by starts_at`

/** The employee's list without the user_id filter: RLS alone narrows 1M rows to theirs. */
const employeeListUnfiltered = (bookings: string) => `select * from public.${bookings} order by starts_at`

interface Measured {
  runs: ExplainRun[]
  executionMs: number
  planningMs: number
  buffers: number
  rows: number
  outline: string[]
}

async function measure(db: pg.Client, claims: Claims, sql: string, runs = RUNS, warmup = WARMUP_RUNS): Promise<Measured> {
  for (let i = 0; i < warmup; i++) await explainAs(db, claims, sql)
  const out: ExplainRun[] = []
  for (let i = 0; i < runs; i++) out.push(await explainAs(db, claims, sql))
  const last = out[out.length - 1]!
  return {
    runs: out,
    executionMs: median(out.map((r) => r.executionMs)),
    planningMs: median(out.map((r) => r.planningMs)),
    buffers: median(out.map((r) => r.buffers)),
    rows: last.rows,
    outline: planOutline(last.plan.Plan),
  }
}

export const rlsScaleBench: BenchModule = {
  id: 'rls-scale',
  title: `RLS query cost at ${FILL.bookings.toLocaleString('en-US')} bookings (EXPLAIN ANALYZE as authenticated)`,
  async run(ctx) {
    const t0 = performance.now()
    const stack = await startStack({
      dataDir: path.join(ctx.tmpDir, 'db'),
      pgPort: 'free',
      apiPort: 'free',
      seed: false,
      durable: false,
      quiet: true,
    })
    const unregister = ctx.onCleanup(() => stack.stop())
    const db = new pg.Client({ connectionString: stack.dbUrl })
    db.on('error', () => {})
    await db.connect()
    try {
      ctx.log(`cluster up in ${((performance.now() - t0) / 1000).toFixed(1)} s; filling`)
      const tFill = performance.now()
      const fillSteps = await fillDatabase(db, ctx.log)
      const tNaive = performance.now()
      await db.query(NAIVE_SQL)
      // Visibility map and hint bits as on a live, autovacuumed database.
      await db.query('vacuum (analyze) public.bookings, public.booking_links, public.bookings_naive, public.booking_links_naive, public.call_requests, public.profiles')
      ctx.log(`naive copy + vacuum analyze in ${((performance.now() - tNaive) / 1000).toFixed(1)} s`)
      const fillSeconds = (performance.now() - tFill) / 1000

      // A typical employee (median number of bookings) and a prestador's current week.
      const { rows: [emp] } = await db.query<{ id: string; n: number }>(`
        with c as (select user_id, count(*)::int as n from public.bookings group by user_id)
        select user_id as id, n from c
        where n = (select percentile_disc(0.5) within group (order by n) from c)
        order by user_id limit 1`)
      const { rows: [pre] } = await db.query<{ id: string; from: string; to: string; n: number }>(`
        with w as (
          select (date_trunc('week', now() at time zone 'Europe/Lisbon') at time zone 'Europe/Lisbon') as f
        )
        select p.id, w.f::text as from, (w.f + interval '7 days')::text as to,
               (select count(*)::int from public.bookings b
                 where b.prestador_id = p.id and b.starts_at >= w.f and b.starts_at < w.f + interval '7 days') as n
        from bench.people p, w where p.kind = 'prestador' and p.n = 1`)
      const { rows: [sizes] } = await db.query<Record<string, string>>(`
        select pg_size_pretty(pg_relation_size('public.bookings')) as bookings_heap,
               pg_size_pretty(pg_total_relation_size('public.bookings')) as bookings_total,
               pg_size_pretty(pg_total_relation_size('public.bookings_naive')) as bookings_naive_total,
               current_setting('shared_buffers') as shared_buffers,
               (select count(*) from public.bookings)::text as bookings,
               (select count(*) from public.booking_links)::text as booking_links,
               (select count(*) from public.call_requests)::text as call_requests,
               (select count(*) from public.profiles)::text as profiles`)
      const employee: Claims = { sub: emp!.id, role: 'authenticated', aud: 'authenticated' }
      const prestador: Claims = { sub: pre!.id, role: 'authenticated', aud: 'authenticated' }
      ctx.log(`employee ${emp!.id} has ${emp!.n} bookings; prestador ${pre!.id} has ${pre!.n} this week`)

      // Same rows under both forms of the policies (checks the naive copy, and RLS itself).
      const realIds = await queryAs<{ id: string }>(db, employee, employeeList('bookings', emp!.id))
      const naiveIds = await queryAs<{ id: string }>(db, employee, employeeList('bookings_naive', emp!.id))
      if (realIds.length !== emp!.n || JSON.stringify(realIds) !== JSON.stringify(naiveIds)) {
        throw new Error(`employee list differs: real ${realIds.length} rows, naive ${naiveIds.length}, expected ${emp!.n}`)
      }
      const [embedReal] = await queryAs<{ page_total: string }>(db, employee, employeeListWithLinks('bookings', 'booking_links', emp!.id))
      if (Number(embedReal!.page_total) !== emp!.n) throw new Error(`embed query returned ${embedReal!.page_total} rows, expected ${emp!.n}`)

      ctx.log(`EXPLAIN ANALYZE: ${WARMUP_RUNS} warm-up + ${RUNS} measured runs per query`)
      const m = {
        listReal: await measure(db, employee, employeeList('bookings', emp!.id)),
        listNaive: await measure(db, employee, employeeList('bookings_naive', emp!.id)),
        embedReal: await measure(db, employee, employeeListWithLinks('bookings', 'booking_links', emp!.id)),
        embedNaive: await measure(db, employee, employeeListWithLinks('bookings_naive', 'booking_links_naive', emp!.id)),
        weekReal: await measure(db, prestador, prestadorWeek('bookings', pre!.id, pre!.from, pre!.to)),
        weekNaive: await measure(db, prestador, prestadorWeek('bookings_naive', pre!.id, pre!.from, pre!.to)),
        // Informational: what happens when the client leaves the filter to RLS (fewer runs: slow).
        unfilteredReal: await measure(db, employee, employeeListUnfiltered('bookings'), 5, 1),
      }
      if (m.weekReal.rows !== pre!.n || m.weekNaive.rows !== pre!.n) {
        throw new Error(`prestador week: ${m.weekReal.rows} / ${m.weekNaive.rows} rows, expected ${pre!.n}`)
      }
      if (m.unfilteredReal.rows !== emp!.n) throw new Error(`unfiltered list: ${m.unfilteredReal.rows} rows, expected ${emp!.n}`)

      const fig = (id: string, label: string, value: number, unit: string, budget?: Figure['budget']): Figure => ({
        id: `rls.${id}`,
        label,
        value,
        unit,
        ...(budget ? { budget } : {}),
      })
      const figures: Figure[] = [
        fig('employee_list.real.execution_ms', `employee list (${emp!.n} rows), real policies: median execution`, m.listReal.executionMs, 'ms', { op: '<=', limit: RLS_BUDGET.employeeListMs }),
        fig('employee_list.naive.execution_ms', 'employee list, naive policies: median execution', m.listNaive.executionMs, 'ms'),
        fig('employee_list.speedup', 'employee list: naive / real', ratio(m.listNaive.executionMs, m.listReal.executionMs), 'x', { op: '>=', limit: RLS_BUDGET.speedup }),
        fig('employee_list.real.buffers', 'employee list, real: shared buffers', m.listReal.buffers, 'blocks'),
        fig('employee_list.naive.buffers', 'employee list, naive: shared buffers', m.listNaive.buffers, 'blocks'),
        fig('employee_list_links.real.execution_ms', 'employee list + booking_links embed (PostgREST shape), real: median execution', m.embedReal.executionMs, 'ms'),
        fig('employee_list_links.naive.execution_ms', 'employee list + booking_links embed, naive: median execution', m.embedNaive.executionMs, 'ms'),
        fig('employee_list_links.speedup', 'employee list + embed: naive / real', ratio(m.embedNaive.executionMs, m.embedReal.executionMs), 'x'),
        fig('employee_list_links.real.buffers', 'employee list + embed, real: shared buffers', m.embedReal.buffers, 'blocks'),
        fig('prestador_week.real.execution_ms', `prestador week (${pre!.n} rows), real policies: median execution`, m.weekReal.executionMs, 'ms'),
        fig('prestador_week.naive.execution_ms', 'prestador week, naive policies: median execution', m.weekNaive.executionMs, 'ms'),
        fig('prestador_week.speedup', 'prestador week: naive / real', ratio(m.weekNaive.executionMs, m.weekReal.executionMs), 'x'),
        fig('prestador_week.real.buffers', 'prestador week, real: shared buffers', m.weekReal.buffers, 'blocks'),
        fig('employee_list_unfiltered.real.execution_ms', 'employee list without user_id filter (RLS alone), real: median execution', m.unfilteredReal.executionMs, 'ms'),
        fig('fill_seconds', `fill ${FILL.bookings.toLocaleString('en-US')} bookings + naive copy`, fillSeconds, 's'),
      ]
      const outline = (name: string, x: Measured) => [`${name}:`, ...x.outline.map((l) => `    ${l}`)].join('\n')
      const notes = [
        `Data: ${sizes!.bookings} bookings (heap ${sizes!.bookings_heap}, with indexes ${sizes!.bookings_total}), ${sizes!.booking_links} booking_links, ${sizes!.call_requests} call_requests, ${sizes!.profiles} profiles; shared_buffers ${sizes!.shared_buffers}.`,
        'Bulk load with session_replication_role = replica: FK checks and triggers skipped (profiles, company_id, created_by written by the fill itself; no notifications). CHECK, unique and the no-overlap exclusion constraint were enforced.',
        'Naive form: bookings_naive/booking_links_naive with the same rows and only a primary key; policies with bare auth.uid() and per-row private.is_admin()/case_booking_ids().',
        outline('plan, employee list, real', m.listReal),
        outline('plan, employee list, naive', m.listNaive),
        outline('plan, employee list + embed, real', m.embedReal),
        outline('plan, prestador week, real', m.weekReal),
      ]
      const keep = (x: Measured) => ({
        executionMs: x.runs.map((r) => r.executionMs),
        planningMs: x.runs.map((r) => r.planningMs),
        buffers: x.runs.map((r) => r.buffers),
        medianPlanningMs: x.planningMs,
        rows: x.rows,
        plan: x.runs[x.runs.length - 1]!.plan,
      })
      return {
        figures,
        notes,
        details: {
          fill: { ...FILL, steps: fillSteps.map((s) => ({ ...s, ms: Math.round(s.ms) })) },
          sizes,
          subjects: { employee: emp, prestador: pre },
          runs: RUNS,
          warmupRuns: WARMUP_RUNS,
          queries: {
            employeeList: employeeList('bookings', '00000000-0000-0000-0000-000000000000'),
            employeeListWithLinks: employeeListWithLinks('bookings', 'booking_links', '00000000-0000-0000-0000-000000000000'),
            prestadorWeek: prestadorWeek('bookings', '00000000-0000-0000-0000-000000000000', pre!.from, pre!.to),
          },
          naivePolicies: NAIVE_SQL.trim(),
          measurements: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, keep(v)])),
        },
      }
    } finally {
      await db.end().catch(() => {})
      await stack.stop()
      unregister()
    }
  },
}
