/**
 * API under load: a local stack (child process, temp dir) with 200 employees of a few bookings
 * each; autocannon keeps N connections open, each signed in as a different employee (its own
 * access token from POST /auth/v1/token?grant_type=password), each asking the gateway for that
 * employee's session list exactly as the app does:
 *
 *   GET /rest/v1/bookings?select=*,booking_links(meeting_link,updated_at,updated_by)&user_id=eq.<id>&order=starts_at.asc
 *   apikey: <anon key>, Authorization: Bearer <the employee's access token>
 *
 * Latency percentiles are nearest-rank over every response of the run (not autocannon's
 * histogram buckets). CPU time per component comes from /proc, to see what limits throughput.
 */
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import type { Figure } from './lib/budget.ts'
import type { BenchModule } from './lib/module.ts'
import { percentile } from './lib/stats.ts'
import { openLoop } from './support/open-loop.ts'
import { cpuByGroup, cpuDelta, machineCpu } from './support/proc.ts'
import { startStackProcess, type ChildStack } from './support/stack-process.ts'

export const API_BUDGET = { connections: 50, p95Ms: 20 }
const CONNECTION_LEVELS = [1, 10, 50, 200] as const
const EMPLOYEES = 200
const BOOKINGS_PER_EMPLOYEE = 5
const PRESTADORES = 10
const RUN_SECONDS = 10
const WARMUP_SECONDS = 3
const PASSWORD = 'bench-load-password'

/** The app's select for the employee's sessions list (src/features/sessions/api/sessions.ts, links part). */
export const SESSIONS_PATH = (userId: string) =>
  `/rest/v1/bookings?select=*,booking_links(meeting_link,updated_at,updated_by)&user_id=eq.${userId}&order=starts_at.asc`

export interface Employee {
  id: string
  email: string
  token: string
}

/** 200 employees (bcrypt cost 6: only the sign-ins before the runs pay it), 10 prestadores, 5 bookings each. */
export async function createLoadData(dbUrl: string): Promise<Array<Omit<Employee, 'token'>>> {
  const db = new pg.Client({ connectionString: dbUrl })
  db.on('error', () => {})
  await db.connect()
  try {
    await db.query('begin')
    await db.query(`
      insert into public.companies (id, name) values ('30000000-0000-4000-8000-000000000001', 'Bench Load Lda');
      with people as (
        select g, case when g <= ${PRESTADORES} then 'prestador' else 'user' end as kind,
               case when g <= ${PRESTADORES} then 'load-prestador-' || g else 'load-employee-' || (g - ${PRESTADORES}) end
                 || '@bench.test' as email
        from generate_series(1, ${PRESTADORES + EMPLOYEES}) g
      ), inserted as (
        insert into auth.users (
          instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
          raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
          confirmation_token, recovery_token, email_change_token_new, email_change
        )
        select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
               p.email, extensions.crypt('${PASSWORD}', extensions.gen_salt('bf', 6)), now(),
               jsonb_build_object('provider', 'email', 'providers', jsonb_build_array('email'), 'app_role', p.kind),
               jsonb_build_object('name', initcap(p.kind) || ' ' || p.g), now(), now(), '', '', '', ''
        from people p
        returning id, email
      )
      insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
      select i.id::text, i.id, jsonb_build_object('sub', i.id::text, 'email', i.email, 'email_verified', true),
             'email', now(), now(), now()
      from inserted i;
      -- profiles were created by the auth trigger
      update public.profiles set company_id = '30000000-0000-4000-8000-000000000001'
       where email like 'load-employee-%@bench.test';
      insert into public.prestadores (id, pillar, specialty, session_minutes)
      select id, 'saude_mental', 'Psicologia', 50 from public.profiles where email like 'load-prestador-%@bench.test';
    `)
    // Booking k of employee e goes to prestador k % 10 in hour slot k / 10 around now: no prestador
    // has two bookings at once. Per employee: 2 done, 1 cancelled, 2 upcoming virtual with a link.
    await db.query(`
      with emp as (
        select id, row_number() over (order by email) - 1 as e from public.profiles where email like 'load-employee-%@bench.test'
      ), pre as (
        select id, row_number() over (order by email) - 1 as p from public.profiles where email like 'load-prestador-%@bench.test'
      ), slots as (
        select emp.id as user_id, j, emp.e * ${BOOKINGS_PER_EMPLOYEE} + j as k
        from emp cross join generate_series(0, ${BOOKINGS_PER_EMPLOYEE - 1}) j
      )
      insert into public.bookings (user_id, prestador_id, pillar, starts_at, ends_at, meeting_type, status,
                                   cancellation_reason, booking_source, created_by)
      select s.user_id, pre.id, 'saude_mental',
             date_trunc('hour', now()) + ((s.k / ${PRESTADORES}) - 60 + case when s.j >= 3 then 80 else 0 end) * interval '1 hour',
             date_trunc('hour', now()) + ((s.k / ${PRESTADORES}) - 60 + case when s.j >= 3 then 80 else 0 end) * interval '1 hour'
               + interval '50 minutes',
             case when s.j >= 3 then 'virtual' else 'phone' end::public.meeting_type,
             case s.j when 2 then 'cancelled' when 3 then 'scheduled' when 4 then 'scheduled' else 'completed' end::public.booking_status,
             case when s.j = 2 then 'Indisponível' end,
             'direct', s.user_id
      from slots s join pre on pre.p = s.k % ${PRESTADORES};
      insert into public.booking_links (booking_id, meeting_link, updated_by)
      select b.id, 'https://meet.bench.test/' || left(md5(b.id::text), 12), b.prestador_id
      from public.bookings b join public.profiles p on p.id = b.user_id
      where p.email like 'load-employee-%@bench.test' and b.meeting_type = 'virtual';
    `)
    await db.query('commit')
    await db.query('analyze')
    const { rows } = await db.query<{ id: string; email: string }>(
      `select id, email from public.profiles where email like 'load-employee-%@bench.test' order by email`,
    )
    return rows
  } catch (err) {
    await db.query('rollback').catch(() => {})
    throw err
  } finally {
    await db.end().catch(() => {})
  }
}

export async function signIn(stack: ChildStack, email: string): Promise<string> {
  const res = await fetch(`${stack.apiUrl}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  const body = (await res.json()) as { access_token?: string; msg?: string; error_description?: string }
  if (!res.ok || !body.access_token) throw new Error(`sign-in of ${email} failed: HTTP ${res.status} ${JSON.stringify(body)}`)
  return body.access_token
}

export async function mapLimit<T, R>(items: T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await fn(items[i]!)
      }
    }),
  )
  return out
}

export interface LoadRun {
  target: 'gateway' | 'postgrest'
  connections: number
  seconds: number
  requests: number
  rps: number
  p50: number
  p95: number
  p99: number
  max: number
  non2xx: number
  errors: number
  timeouts: number
  /** autocannon's own (histogram) percentiles, for cross-checking */
  autocannon: { p50: number; p97_5: number; p99: number; avgReqPerSec: number }
  /** CPU seconds per second of the run (1.0 = one core busy), per component */
  coresUsed: Record<string, number>
}

export async function loadRun(
  stack: ChildStack,
  employees: Employee[],
  connections: number,
  seconds: number,
  target: 'gateway' | 'postgrest' = 'gateway',
): Promise<LoadRun> {
  const base = target === 'gateway' ? stack.apiUrl : stack.restUrl!
  const pathFor = (e: Employee) => (target === 'gateway' ? SESSIONS_PATH(e.id) : SESSIONS_PATH(e.id).replace(/^\/rest\/v1/, ''))
  let nextClient = 0
  const latencies: number[] = []
  let non2xx = 0
  const roots = { load: process.pid, stack: stack.pid }
  const classify = (p: { comm: string }, root: string) =>
    p.comm === 'postgres' || p.comm === 'postgrest'
      ? p.comm
      : root === 'load'
        ? 'load generator (autocannon, node)'
        : 'gateway + auth (node)'
  const cpuBefore = cpuByGroup(roots, classify)
  const machineBefore = machineCpu()
  const t0 = performance.now()
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    // every connection has its own employee; the placeholder request is replaced in setupClient
    requests: [{ method: 'GET', path: pathFor(employees[0]!) }],
    setupClient(client) {
      const e = employees[nextClient++ % employees.length]!
      client.setRequests([
        {
          method: 'GET',
          path: pathFor(e),
          headers: { apikey: stack.anonKey, authorization: `Bearer ${e.token}`, accept: 'application/json' },
        },
      ])
    },
  })
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime)
    if (statusCode < 200 || statusCode > 299) non2xx++
  })
  const result = await instance
  const wall = (performance.now() - t0) / 1000
  const cpu = cpuDelta(cpuBefore, cpuByGroup(roots, classify))
  const machineAfter = machineCpu()
  if (machineBefore && machineAfter) {
    // Whatever else runs on the machine (another test run, a compiler) competes for the same cores.
    const ours = Object.values(cpu).reduce((a, b) => a + b, 0)
    cpu['other processes on the machine'] = Math.max(0, machineAfter.busy - machineBefore.busy - ours)
    cpu.idle = machineAfter.idle - machineBefore.idle
    const steal = machineAfter.steal - machineBefore.steal
    if (steal > 0.01 * wall) cpu['steal (hypervisor)'] = steal
  }
  const coresUsed = Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, Math.round((v / wall) * 100) / 100]))
  return {
    target,
    connections,
    seconds: wall,
    requests: latencies.length,
    rps: latencies.length / wall,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    autocannon: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      avgReqPerSec: result.requests.average,
    },
    coresUsed,
  }
}

/** CPU milliseconds per request, per component (cores busy / requests per second). */
export function cpuMsPerRequest(r: Pick<LoadRun, 'coresUsed' | 'rps'>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [k, cores] of Object.entries(r.coresUsed)) {
    if (k === 'idle' || k.startsWith('other processes') || k.startsWith('steal')) continue
    out[k] = r.rps > 0 ? (cores * 1000) / r.rps : Number.NaN
  }
  return out
}

export const apiLoadBench: BenchModule = {
  id: 'api-load',
  title: 'API under load: employee session list through the gateway (autocannon)',
  async run(ctx) {
    const t0 = performance.now()
    const stack = await startStackProcess({ dataDir: path.join(ctx.tmpDir, 'db'), seed: true })
    const unregister = ctx.onCleanup(() => stack.stop())
    try {
      ctx.log(`stack up in ${((performance.now() - t0) / 1000).toFixed(1)} s at ${stack.apiUrl}; creating ${EMPLOYEES} employees`)
      const rows = await createLoadData(stack.dbUrl)
      const employees: Employee[] = await mapLimit(rows, 8, async (r) => ({ ...r, token: await signIn(stack, r.email) }))
      // Each employee sees exactly their bookings, with the embed, before we time anything.
      await mapLimit(employees, 8, async (e) => {
        const res = await fetch(`${stack.apiUrl}${SESSIONS_PATH(e.id)}`, {
          headers: { apikey: stack.anonKey, authorization: `Bearer ${e.token}` },
        })
        const body = (await res.json()) as Array<{ user_id: string; booking_links: unknown }>
        if (!res.ok || !Array.isArray(body) || body.length !== BOOKINGS_PER_EMPLOYEE || body.some((b) => b.user_id !== e.id || !('booking_links' in b))) {
          throw new Error(`GET sessions of ${e.email}: HTTP ${res.status}, ${JSON.stringify(body).slice(0, 300)}`)
        }
      })
      ctx.log(`${employees.length} employees signed in; warm-up ${WARMUP_SECONDS} s`)
      await loadRun(stack, employees, 10, WARMUP_SECONDS)

      const runs: LoadRun[] = []
      for (const c of CONNECTION_LEVELS) {
        ctx.signal.throwIfAborted()
        const r = await loadRun(stack, employees, c, RUN_SECONDS)
        ctx.log(`${c} connections: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} / p99 ${r.p99.toFixed(1)} ms`)
        runs.push(r)
      }
      const atBudget = runs.find((r) => r.connections === API_BUDGET.connections)!

      // The same 50-connection load straight to PostgREST: what the gateway adds.
      ctx.signal.throwIfAborted()
      const direct = stack.restUrl ? await loadRun(stack, employees, API_BUDGET.connections, RUN_SECONDS, 'postgrest') : undefined
      if (direct) ctx.log(`50 connections, PostgREST direct: ${direct.rps.toFixed(0)} req/s, p95 ${direct.p95.toFixed(1)} ms`)

      // 50 users who do not fire back-to-back: Poisson arrivals at half the measured capacity.
      ctx.signal.throwIfAborted()
      const rate = Math.max(50, Math.floor((atBudget.rps * 0.5) / 50) * 50)
      const open = await openLoop({
        baseUrl: stack.apiUrl,
        ratePerSecond: rate,
        seconds: RUN_SECONDS,
        connections: API_BUDGET.connections,
        request: (i) => {
          const e = employees[i % employees.length]!
          return { path: SESSIONS_PATH(e.id), headers: { apikey: stack.anonKey, authorization: `Bearer ${e.token}` } }
        },
      })
      const openP95 = percentile(open.latencies, 95)
      ctx.log(`open loop ${rate} req/s over 50 connections: p50 ${percentile(open.latencies, 50).toFixed(1)} / p95 ${openP95.toFixed(1)} ms`)

      const figures: Figure[] = []
      for (const r of runs) {
        const at = `${r.connections} conn`
        figures.push(
          { id: `api.c${r.connections}.rps`, label: `${at}: requests/s`, value: r.rps, unit: 'req/s' },
          { id: `api.c${r.connections}.p50_ms`, label: `${at}: p50 latency`, value: r.p50, unit: 'ms' },
          {
            id: `api.c${r.connections}.p95_ms`,
            label: `${at}: p95 latency`,
            value: r.p95,
            unit: 'ms',
            ...(r.connections === API_BUDGET.connections ? { budget: { op: '<=' as const, limit: API_BUDGET.p95Ms } } : {}),
          },
          { id: `api.c${r.connections}.p99_ms`, label: `${at}: p99 latency`, value: r.p99, unit: 'ms' },
        )
      }
      const failed = runs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0) + open.non2xx + open.errors
      figures.push({ id: 'api.failed_requests', label: 'non-2xx, errors and timeouts (all runs)', value: failed, unit: 'requests', budget: { op: '<=', limit: 0 } })
      figures.push(
        { id: 'api.open_loop.c50.rate', label: '50 conn, open loop (Poisson arrivals): offered rate', value: rate, unit: 'req/s' },
        { id: 'api.open_loop.c50.p50_ms', label: '50 conn, open loop: p50 latency', value: percentile(open.latencies, 50), unit: 'ms' },
        { id: 'api.open_loop.c50.p95_ms', label: '50 conn, open loop: p95 latency', value: openP95, unit: 'ms' },
      )
      if (direct) {
        figures.push(
          { id: 'api.postgrest_direct.c50.rps', label: '50 conn, PostgREST direct (no gateway): requests/s', value: direct.rps, unit: 'req/s' },
          { id: 'api.postgrest_direct.c50.p95_ms', label: '50 conn, PostgREST direct (no gateway): p95 latency', value: direct.p95, unit: 'ms' },
        )
      }
      for (const [k, ms] of Object.entries(cpuMsPerRequest(atBudget))) {
        figures.push({ id: `api.c50.cpu_ms_per_request.${k.split(' ')[0]}`, label: `50 conn: CPU per request, ${k}`, value: ms, unit: 'ms' })
      }
      figures.push({
        id: 'api.c50.foreign_cores',
        label: '50 conn: cores used by processes outside the benchmark (noise)',
        value: atBudget.coresUsed['other processes on the machine'] ?? Number.NaN,
        unit: 'cores',
      })
      const cores = (r: Pick<LoadRun, 'coresUsed'>) =>
        Object.entries(r.coresUsed)
          .map(([k, v]) => `${k} ${v.toFixed(2)}`)
          .join(', ')
      const cpuTotal = Object.values(cpuMsPerRequest(atBudget)).reduce((a, b) => a + b, 0)
      const notes = [
        `${employees.length} employees with ${BOOKINGS_PER_EMPLOYEE} bookings each (2 with links); each connection is signed in as a different employee (200 conn = 200 employees). Closed loop: each connection sends its next request as soon as the previous one is answered. ${RUN_SECONDS} s per level after a ${WARMUP_SECONDS} s warm-up. Load generator, gateway, auth, PostgREST and Postgres share the machine's ${ctx.nproc} cores.`,
        `With ${API_BUDGET.connections} closed-loop connections, mean latency = ${API_BUDGET.connections} / throughput (Little's law): p95 <= ${API_BUDGET.p95Ms} ms needs at least ${(API_BUDGET.connections / (API_BUDGET.p95Ms / 1000)).toFixed(0)} req/s. Measured capacity ${atBudget.rps.toFixed(0)} req/s at ${cpuTotal.toFixed(2)} ms of CPU per request (all components) on ${ctx.nproc} cores.`,
        ...runs.map((r) => `cores busy at ${r.connections} conn: ${cores(r)}`),
        ...(direct ? [`cores busy at 50 conn, PostgREST direct: ${cores(direct)}`] : []),
      ]
      return {
        figures,
        notes,
        details: {
          runs,
          direct,
          openLoop: { rate, sent: open.sent, seconds: open.seconds, non2xx: open.non2xx, errors: open.errors, p50: percentile(open.latencies, 50), p95: openP95, p99: percentile(open.latencies, 99) },
          cpuMsPerRequestAt50: cpuMsPerRequest(atBudget),
          employees: employees.length,
          bookingsPerEmployee: BOOKINGS_PER_EMPLOYEE,
        },
      }
    } finally {
      await stack.stop()
      unregister()
    }
  },
}
