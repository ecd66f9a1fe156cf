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
import { explainAs, planOutline, queryAs, type ApiRole, type Claims, type ExplainRun } from './support/explain.ts'
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
 * The app's list with its booking_links embed as a plain left join lateral (the rows PostgREST
 * reads, without its JSON wrapper): what the policies of both tables cost.
 */
const employeeListLateral = (bookings: string, links: string, me: string) => `
  select b.*, l.meeting_link, l.updated_at as link_updated_at, l.updated_by as link_updated_by
  from public.${bookings} b
  left join lateral (
    select bl.meeting_link, bl.updated_at, bl.updated_by from public.${links} bl where bl.booking_id = b.id
  ) l on true
  where b.user_id = ${uuidLiteral(me)}
  order by b.starts_at`

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

/** The prestador's week with the links (their sessions page embeds booking_links too). */
const prestadorWeekLateral = (me: string, from: string, to: string) => `
  select b.*, l.meeting_link, l.updated_at as link_updated_at, l.updated_by as link_updated_by
  from public.bookings b
  left join lateral (
    select bl.meeting_link, bl.updated_at, bl.updated_by from public.booking_links bl where bl.booking_id = b.id
  ) l on true
  where b.prestador_id = ${uuidLiteral(me)} and b.starts_at >= '${from}' and b.starts_at < '${to}'
  order by b.starts_at`

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

async function measure(
  db: pg.Client,
  claims: Claims,
  sql: string,
  { runs = RUNS, warmup = WARMUP_RUNS, role = 'authenticated' as ApiRole } = {},
): Promise<Measured> {
  for (let i = 0; i < warmup; i++) await explainAs(db, claims, sql, role)
  const out: ExplainRun[] = []
  for (let i = 0; i < runs; i++) out.push(await explainAs(db, claims, sql, role))
  const last = out[out.length - 1]!
  return {
    runs: out,
    executionMs: median(out.map((r) => r.executionMs)),
    planningMs: median(out.map((r) => r.planningMs)),
    buffers: median(out.map((r) => r.buffers)),
    rows: last.rows,
    outline: planOutline(last.plan.Plan, true),
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
      const noRls = { role: 'service_role' as const }
      const m = {
        listReal: await measure(db, employee, employeeList('bookings', emp!.id)),
        listNaive: await measure(db, employee, employeeList('bookings_naive', emp!.id)),
        lateralReal: await measure(db, employee, employeeListLateral('bookings', 'booking_links', emp!.id)),
        lateralNaive: await measure(db, employee, employeeListLateral('bookings_naive', 'booking_links_naive', emp!.id)),
        lateralNoRls: await measure(db, employee, employeeListLateral('bookings', 'booking_links', emp!.id), noRls),
        pgrstReal: await measure(db, employee, employeeListWithLinks('bookings', 'booking_links', emp!.id)),
        pgrstNoRls: await measure(db, employee, employeeListWithLinks('bookings', 'booking_links', emp!.id), noRls),
        weekReal: await measure(db, prestador, prestadorWeek('bookings', pre!.id, pre!.from, pre!.to)),
        weekNaive: await measure(db, prestador, prestadorWeek('bookings_naive', pre!.id, pre!.from, pre!.to)),
        weekLinksReal: await measure(db, prestador, prestadorWeekLateral(pre!.id, pre!.from, pre!.to)),
        weekLinksNoRls: await measure(db, prestador, prestadorWeekLateral(pre!.id, pre!.from, pre!.to), noRls),
        // What happens when a client leaves the filtering to RLS (fewer runs: slow).
        unfilteredReal: await measure(db, employee, employeeListUnfiltered('bookings'), { runs: 5, warmup: 1 }),
      }
      if (m.weekReal.rows !== pre!.n || m.weekNaive.rows !== pre!.n) {
        throw new Error(`prestador week: ${m.weekReal.rows} / ${m.weekNaive.rows} rows, expected ${pre!.n}`)
      }
      if (m.lateralReal.rows !== emp!.n || m.lateralNaive.rows !== emp!.n) {
        throw new Error(`list + links: ${m.lateralReal.rows} / ${m.lateralNaive.rows} rows, expected ${emp!.n}`)
      }
      if (m.weekLinksReal.rows !== pre!.n) throw new Error(`prestador week + links: ${m.weekLinksReal.rows} rows, expected ${pre!.n}`)
      if (m.unfilteredReal.rows !== emp!.n) throw new Error(`unfiltered list: ${m.unfilteredReal.rows} rows, expected ${emp!.n}`)

      const fig = (id: string, label: string, value: number, unit: string, budget?: Figure['budget']): Figure => ({
        id: `rls.${id}`,
        label,
        value,
        unit,
        ...(budget ? { budget } : {}),
      })
      const ms = (x: Measured) => x.executionMs
      const figures: Figure[] = [
        fig('employee_list.real.execution_ms', `(a) employee list (${emp!.n} rows), real policies: median execution`, ms(m.listReal), 'ms', { op: '<=', limit: RLS_BUDGET.employeeListMs }),
        fig('employee_list.naive.execution_ms', '(a) employee list, naive policies: median execution', ms(m.listNaive), 'ms'),
        fig('employee_list.speedup', '(a) employee list: naive / real', ratio(ms(m.listNaive), ms(m.listReal)), 'x', { op: '>=', limit: RLS_BUDGET.speedup }),
        fig('employee_list.real.planning_ms', '(a) employee list, real: median planning', m.listReal.planningMs, 'ms'),
        fig('employee_list.real.buffers', '(a) employee list, real: shared buffers', m.listReal.buffers, 'blocks'),
        fig('employee_list.naive.buffers', '(a) employee list, naive: shared buffers', m.listNaive.buffers, 'blocks'),
        fig('employee_list_links.real.execution_ms', '(a) list + booking_links (left join lateral), real: median execution', ms(m.lateralReal), 'ms'),
        fig('employee_list_links.naive.execution_ms', '(a) list + booking_links, naive: median execution', ms(m.lateralNaive), 'ms'),
        fig('employee_list_links.speedup', '(a) list + booking_links: naive / real', ratio(ms(m.lateralNaive), ms(m.lateralReal)), 'x'),
        fig('employee_list_links.no_rls.execution_ms', '(a) list + booking_links, no RLS (service_role): median execution', ms(m.lateralNoRls), 'ms'),
        fig('employee_list_links.real.buffers', '(a) list + booking_links, real: shared buffers', m.lateralReal.buffers, 'blocks'),
        fig('employee_list_links.no_rls.buffers', '(a) list + booking_links, no RLS: shared buffers', m.lateralNoRls.buffers, 'blocks'),
        fig('employee_list_postgrest.real.execution_ms', '(a) full PostgREST statement (embed + JSON body), real: median execution', ms(m.pgrstReal), 'ms'),
        fig('employee_list_postgrest.no_rls.execution_ms', '(a) full PostgREST statement, no RLS: median execution', ms(m.pgrstNoRls), 'ms'),
        fig('prestador_week.real.execution_ms', `(b) prestador week (${pre!.n} rows), real policies: median execution`, ms(m.weekReal), 'ms'),
        fig('prestador_week.naive.execution_ms', '(b) prestador week, naive policies: median execution', ms(m.weekNaive), 'ms'),
        fig('prestador_week.speedup', '(b) prestador week: naive / real', ratio(ms(m.weekNaive), ms(m.weekReal)), 'x'),
        fig('prestador_week.real.buffers', '(b) prestador week, real: shared buffers', m.weekReal.buffers, 'blocks'),
        fig('prestador_week.naive.buffers', '(b) prestador week, naive: shared buffers', m.weekNaive.buffers, 'blocks'),
        fig('prestador_week_links.real.execution_ms', '(b) prestador week + booking_links (left join lateral), real: median execution', ms(m.weekLinksReal), 'ms'),
        fig('prestador_week_links.no_rls.execution_ms', '(b) prestador week + booking_links, no RLS: median execution', ms(m.weekLinksNoRls), 'ms'),
        fig('employee_list_unfiltered.real.execution_ms', 'employee list without the user_id filter (RLS alone), real: median execution', ms(m.unfilteredReal), 'ms'),
        fig('fill_seconds', `fill ${FILL.bookings.toLocaleString('en-US')} bookings + naive copy + vacuum`, fillSeconds, 's'),
      ]
      const outline = (name: string, x: Measured) => [`${name}:`, ...x.outline.map((l) => `    ${l}`)].join('\n')
      const notes = [
        `Data: ${sizes!.bookings} bookings (heap ${sizes!.bookings_heap}, with indexes ${sizes!.bookings_total}), ${sizes!.booking_links} booking_links, ${sizes!.call_requests} call_requests, ${sizes!.profiles} profiles; shared_buffers ${sizes!.shared_buffers}.`,
        'Bulk load with session_replication_role = replica: FK checks and triggers skipped (profiles, company_id, created_by written by the fill itself; no notifications). CHECK, unique and the no-overlap exclusion constraint were enforced.',
        'Naive form: bookings_naive/booking_links_naive with the same rows and only a primary key; policies with bare auth.uid() and per-row private.is_admin()/case_booking_ids().',
        `Links cost: list + booking_links takes ${ms(m.lateralReal).toFixed(3)} ms under RLS vs ${ms(m.lateralNoRls).toFixed(3)} ms without (service_role); the full PostgREST statement adds its JSON body (${ms(m.pgrstNoRls).toFixed(3)} ms without RLS).`,
        outline('plan, (a) employee list, real', m.listReal),
        outline('plan, (a) employee list, naive', m.listNaive),
        outline('plan, (a) list + booking_links, real', m.lateralReal),
        outline('plan, (b) prestador week, real', m.weekReal),
        outline('plan, (b) prestador week, naive', m.weekNaive),
        outline('plan, (b) prestador week + booking_links, real', m.weekLinksReal),
      ]
      const keep = (x: Measured) => ({
        executionMs: x.runs.map((r) => r.executionMs),
        planningMs: x.runs.map((r) => r.planningMs),
        buffers: x.runs.map((r) => r.buffers),
        medianPlanningMs: x.planningMs,
        rows: x.rows,
        plan: x.outline,
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
            employeeListLateral: employeeListLateral('bookings', 'booking_links', '00000000-0000-0000-0000-000000000000'),
            employeeListPostgrest: employeeListWithLinks('bookings', 'booking_links', '00000000-0000-0000-0000-000000000000'),
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
