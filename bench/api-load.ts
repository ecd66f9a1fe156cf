/**
 * API under load: a local stack (child process, temp dir) with 200 employees of a few bookings
 * each; autocannon keeps N connections open, each signed in as a different employee (its own
 * access token from POST /auth/v1/token?grant_type=password), each asking for that employee's
 * session list exactly as the app does:
 *
 *   GET /rest/v1/bookings?select=*,booking_links(meeting_link,updated_at,updated_by)&user_id=eq.<id>&order=starts_at.asc
 *   apikey: <anon key>, Authorization: Bearer <the employee's access token>
 *
 * The budgets are ratios measured in the same run (lib/api-budget.ts), so they hold on any
 * machine: at 10 connections the session list is timed against the cheapest authenticated read
 * (one row of the prestador directory, whose policy is `true`, same tokens) and against itself
 * straight to PostgREST (what the gateway + auth cost). Those four runs are interleaved in
 * rounds, so a neighbour's burst on the machine hits all of them alike. Then 200 connections
 * must not fail a request, and PostgREST's Server-Timing header says where its time goes.
 *
 * Latency percentiles are nearest-rank over every response of the run (not autocannon's
 * histogram buckets). CPU time per component comes from /proc, to see what limits throughput.
 */
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import { API_BUDGET, apiBudgetFigures, parseServerTiming } from './lib/api-budget.ts'
import type { Figure } from './lib/budget.ts'
import type { BenchModule } from './lib/module.ts'
import { median, percentile } from './lib/stats.ts'
import { openLoop } from './support/open-loop.ts'
import { cpuByGroup, cpuDelta, machineCpu } from './support/proc.ts'
import { startStackProcess, type ChildStack } from './support/stack-process.ts'

const EMPLOYEES = 200
const BOOKINGS_PER_EMPLOYEE = 5
const PRESTADORES = 10
const RUN_SECONDS = 10
/** the 10-connection comparison: ROUNDS x (4 kinds of run) x ROUND_SECONDS */
const ROUNDS = 3
const ROUND_SECONDS = 5
const WARMUP_SECONDS = 3
/** sequential requests per kind for the Server-Timing breakdown */
const TIMING_SAMPLES = 400
const PASSWORD = 'bench-load-password'

/** The app's select for the employee's sessions list (src/features/sessions/api/sessions.ts, links part). */
export const SESSIONS_PATH = (userId: string) =>
  `/rest/v1/bookings?select=*,booking_links(meeting_link,updated_at,updated_by)&user_id=eq.${userId}&order=starts_at.asc`
/** The cheapest authenticated read: one row of a tiny table whose select policy is `using (true)`. */
export const CHEAPEST_PATH = '/rest/v1/prestadores?select=id&limit=1'

export type RequestKind = 'sessions' | 'cheapest'
export type Target = 'gateway' | 'postgrest'

function requestPath(kind: RequestKind, target: Target, e: Employee): string {
  const p = kind === 'sessions' ? SESSIONS_PATH(e.id) : CHEAPEST_PATH
  return target === 'gateway' ? p : p.replace(/^\/rest\/v1/, '')
}

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
  kind: RequestKind
  target: Target
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
  /** CPU seconds per second of the run (1.0 = one core busy), per component */
  coresUsed: Record<string, number>
}

interface MeasuredRun extends LoadRun {
  latencies: number[]
}

async function measuredRun(
  stack: ChildStack,
  employees: Employee[],
  connections: number,
  seconds: number,
  kind: RequestKind,
  target: Target,
): Promise<MeasuredRun> {
  const base = target === 'gateway' ? stack.apiUrl : stack.restUrl!
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
    requests: [{ method: 'GET', path: requestPath(kind, target, employees[0]!) }],
    setupClient(client) {
      const e = employees[nextClient++ % employees.length]!
      client.setRequests([
        {
          method: 'GET',
          path: requestPath(kind, target, e),
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
  return summarizeRuns([{ latencies, seconds: wall, non2xx, errors: result.errors, timeouts: result.timeouts, cpu }], {
    kind,
    target,
    connections,
  })
}

/** Several runs of the same kind as one: requests over summed wall time, percentiles over all responses, CPU summed. */
function summarizeRuns(
  parts: Array<{ latencies: number[]; seconds: number; non2xx: number; errors: number; timeouts: number; cpu: Record<string, number> }>,
  what: Pick<LoadRun, 'kind' | 'target' | 'connections'>,
): MeasuredRun {
  const latencies = parts.flatMap((p) => p.latencies)
  const seconds = parts.reduce((a, p) => a + p.seconds, 0)
  const cpu: Record<string, number> = {}
  for (const p of parts) for (const [k, v] of Object.entries(p.cpu)) cpu[k] = (cpu[k] ?? 0) + v
  const sum = (k: 'non2xx' | 'errors' | 'timeouts') => parts.reduce((a, p) => a + p[k], 0)
  return {
    ...what,
    seconds,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    non2xx: sum('non2xx'),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    coresUsed: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, Math.round((v / seconds) * 100) / 100])),
    latencies,
  }
}

/** A MeasuredRun's CPU back in seconds, to merge rounds. */
function cpuSeconds(r: MeasuredRun): Record<string, number> {
  return Object.fromEntries(Object.entries(r.coresUsed).map(([k, v]) => [k, v * r.seconds]))
}

function withoutSamples({ latencies: _, ...run }: MeasuredRun): LoadRun {
  return run
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

/**
 * PostgREST's own account of each request (Server-Timing: jwt, parse, plan, transaction,
 * response), switched on through its in-database configuration and a config reload, so the
 * local stack's settings stay as they are and the throughput runs before it are untouched.
 */
async function enableServerTiming(stack: ChildStack, e: Employee): Promise<void> {
  const db = new pg.Client({ connectionString: stack.dbUrl })
  db.on('error', () => {})
  await db.connect()
  try {
    await db.query(`alter role authenticator set pgrst.server_timing_enabled = 'true'`)
    await db.query(`notify pgrst, 'reload config'`)
  } finally {
    await db.end().catch(() => {})
  }
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${stack.restUrl}${requestPath('cheapest', 'postgrest', e)}`, { headers: { authorization: `Bearer ${e.token}` } })
    await res.arrayBuffer()
    if (res.headers.get('server-timing')) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('PostgREST sent no Server-Timing header after enabling server-timing-enabled')
}

/**
 * PostgREST 12.0.2 writes Server-Timing durations in microseconds, not the documented
 * milliseconds (PostgREST issue #3219, fixed after 12.0.2 by PR #3227): the sum of the phases
 * read as ms would be ~50x the whole request's wall time.
 */
const POSTGREST_SERVER_TIMING_UNIT_MS = 0.001

export interface TimingBreakdown {
  kind: RequestKind
  samples: number
  /** median ms per phase as PostgREST reports it */
  phases: Record<string, number>
  /** median of the phases' sum per request */
  serverMs: number
  /** median wall time seen by the client (one request at a time, straight to PostgREST) */
  clientMs: number
}

async function serverTimingBreakdown(stack: ChildStack, employees: Employee[], kind: RequestKind): Promise<TimingBreakdown> {
  const perPhase: Record<string, number[]> = {}
  const totals: number[] = []
  const client: number[] = []
  for (let i = 0; i < TIMING_SAMPLES; i++) {
    const e = employees[i % employees.length]!
    const t0 = performance.now()
    const res = await fetch(`${stack.restUrl}${requestPath(kind, 'postgrest', e)}`, {
      headers: { authorization: `Bearer ${e.token}`, accept: 'application/json' },
    })
    await res.arrayBuffer()
    client.push(performance.now() - t0)
    const phases = parseServerTiming(res.headers.get('server-timing'), POSTGREST_SERVER_TIMING_UNIT_MS)
    for (const [k, ms] of Object.entries(phases)) (perPhase[k] ??= []).push(ms)
    totals.push(Object.values(phases).reduce((a, b) => a + b, 0))
  }
  return {
    kind,
    samples: TIMING_SAMPLES,
    phases: Object.fromEntries(Object.entries(perPhase).map(([k, v]) => [k, median(v)])),
    serverMs: median(totals),
    clientMs: median(client),
  }
}

export const apiLoadBench: BenchModule = {
  id: 'api-load',
  title: 'API under load: employee session list against the cheapest read and PostgREST direct (autocannon)',
  async run(ctx) {
    const t0 = performance.now()
    const stack = await startStackProcess({ dataDir: path.join(ctx.tmpDir, 'db'), seed: true })
    const unregister = ctx.onCleanup(() => stack.stop())
    try {
      if (!stack.restUrl) throw new Error("PostgREST's own address is unknown: no direct runs possible")
      ctx.log(`stack up in ${((performance.now() - t0) / 1000).toFixed(1)} s at ${stack.apiUrl}; creating ${EMPLOYEES} employees`)
      const rows = await createLoadData(stack.dbUrl)
      const employees: Employee[] = await mapLimit(rows, 8, async (r) => ({ ...r, token: await signIn(stack, r.email) }))
      // Each employee sees exactly their bookings, with the embed, and one directory row, before we time anything.
      await mapLimit(employees, 8, async (e) => {
        const headers = { apikey: stack.anonKey, authorization: `Bearer ${e.token}` }
        const res = await fetch(`${stack.apiUrl}${SESSIONS_PATH(e.id)}`, { headers })
        const body = (await res.json()) as Array<{ user_id: string; booking_links: unknown }>
        if (!res.ok || !Array.isArray(body) || body.length !== BOOKINGS_PER_EMPLOYEE || body.some((b) => b.user_id !== e.id || !('booking_links' in b))) {
          throw new Error(`GET sessions of ${e.email}: HTTP ${res.status}, ${JSON.stringify(body).slice(0, 300)}`)
        }
        const cheap = await fetch(`${stack.restUrl}${requestPath('cheapest', 'postgrest', e)}`, { headers })
        const one = (await cheap.json()) as unknown[]
        if (!cheap.ok || !Array.isArray(one) || one.length !== 1) throw new Error(`GET ${CHEAPEST_PATH} as ${e.email}: HTTP ${cheap.status}`)
      })
      ctx.log(`${employees.length} employees signed in; warm-up ${WARMUP_SECONDS} s per kind`)
      const kinds: Array<[RequestKind, Target]> = [
        ['sessions', 'gateway'],
        ['sessions', 'postgrest'],
        ['cheapest', 'gateway'],
        ['cheapest', 'postgrest'],
      ]
      for (const [kind, target] of kinds) await measuredRun(stack, employees, API_BUDGET.connections, WARMUP_SECONDS, kind, target)

      const single = await measuredRun(stack, employees, 1, RUN_SECONDS, 'sessions', 'gateway')
      ctx.log(`1 connection: ${single.rps.toFixed(0)} req/s, p95 ${single.p95.toFixed(1)} ms`)

      // Interleaved rounds, the order rotated each round: a burst of other work hits every kind alike.
      const rounds = new Map<string, MeasuredRun[]>(kinds.map(([k, t]) => [`${k}/${t}`, []]))
      for (let round = 0; round < ROUNDS; round++) {
        for (let j = 0; j < kinds.length; j++) {
          ctx.signal.throwIfAborted()
          const [kind, target] = kinds[(j + round) % kinds.length]!
          rounds.get(`${kind}/${target}`)!.push(await measuredRun(stack, employees, API_BUDGET.connections, ROUND_SECONDS, kind, target))
        }
      }
      const merged = Object.fromEntries(
        kinds.map(([kind, target]) => {
          const parts = rounds.get(`${kind}/${target}`)!
          const run = summarizeRuns(
            parts.map((r) => ({ ...r, cpu: cpuSeconds(r) })),
            { kind, target, connections: API_BUDGET.connections },
          )
          ctx.log(`${API_BUDGET.connections} conn, ${kind} via ${target}: ${run.rps.toFixed(0)} req/s (rounds ${parts.map((r) => r.rps.toFixed(0)).join(', ')}), p95 ${run.p95.toFixed(1)} ms`)
          return [`${kind}/${target}`, run]
        }),
      ) as Record<string, MeasuredRun>
      const sessionsGw = merged['sessions/gateway']!
      const sessionsDirect = merged['sessions/postgrest']!
      const cheapestGw = merged['cheapest/gateway']!
      const cheapestDirect = merged['cheapest/postgrest']!

      ctx.signal.throwIfAborted()
      const stress = await measuredRun(stack, employees, API_BUDGET.stressConnections, RUN_SECONDS, 'sessions', 'gateway')
      ctx.log(`${API_BUDGET.stressConnections} connections: ${stress.rps.toFixed(0)} req/s, p95 ${stress.p95.toFixed(1)} ms, ${stress.non2xx + stress.errors + stress.timeouts} failed`)

      // Users who do not fire back-to-back: Poisson arrivals at half the measured capacity.
      ctx.signal.throwIfAborted()
      const rate = Math.max(50, Math.floor((sessionsGw.rps * 0.5) / 50) * 50)
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
      ctx.log(`open loop ${rate} req/s over ${API_BUDGET.connections} connections: p95 ${openP95.toFixed(1)} ms`)

      ctx.signal.throwIfAborted()
      await enableServerTiming(stack, employees[0]!)
      const timings = [await serverTimingBreakdown(stack, employees, 'sessions'), await serverTimingBreakdown(stack, employees, 'cheapest')]
      for (const t of timings) ctx.log(`server-timing ${t.kind}: ${JSON.stringify(t.phases)}, server ${t.serverMs.toFixed(2)} ms, client ${t.clientMs.toFixed(2)} ms`)

      const c = `${API_BUDGET.connections} conn`
      const figures: Figure[] = apiBudgetFigures({
        sessionsGatewayRps: sessionsGw.rps,
        sessionsDirectRps: sessionsDirect.rps,
        cheapestGatewayRps: cheapestGw.rps,
        cheapestDirectRps: cheapestDirect.rps,
        sessionsGatewayP95Ms: sessionsGw.p95,
        failedAtStress: stress.non2xx + stress.errors + stress.timeouts,
      })
      const runLabel = (r: LoadRun) =>
        `${r.connections} conn, ${r.kind === 'sessions' ? 'session list' : 'cheapest read'} ${r.target === 'gateway' ? 'through the gateway' : 'straight to PostgREST'}`
      const runId = (r: LoadRun) => `api.c${r.connections}.${r.kind}.${r.target}`
      for (const r of [single, sessionsGw, sessionsDirect, cheapestGw, cheapestDirect, stress]) {
        figures.push(
          { id: `${runId(r)}.rps`, label: `${runLabel(r)}: requests/s`, value: r.rps, unit: 'req/s' },
          { id: `${runId(r)}.p50_ms`, label: `${runLabel(r)}: p50`, value: r.p50, unit: 'ms' },
          { id: `${runId(r)}.p95_ms`, label: `${runLabel(r)}: p95`, value: r.p95, unit: 'ms' },
        )
      }
      const failedElsewhere = [single, sessionsGw, sessionsDirect, cheapestGw, cheapestDirect].reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0) + open.non2xx + open.errors
      figures.push(
        { id: 'api.failed_requests_below_stress', label: `non-2xx, errors and timeouts in the other runs`, value: failedElsewhere, unit: 'requests', budget: { op: '<=', limit: 0 } },
        { id: `api.open_loop.c${API_BUDGET.connections}.rate`, label: `${c}, open loop (Poisson arrivals): offered rate`, value: rate, unit: 'req/s' },
        { id: `api.open_loop.c${API_BUDGET.connections}.p95_ms`, label: `${c}, open loop: p95 latency`, value: openP95, unit: 'ms' },
      )
      for (const [k, ms] of Object.entries(cpuMsPerRequest(sessionsGw))) {
        figures.push({ id: `api.c${API_BUDGET.connections}.cpu_ms_per_request.${k.split(' ')[0]}`, label: `${c}, session list: CPU per request, ${k}`, value: ms, unit: 'ms' })
      }
      for (const [k, ms] of Object.entries(cpuMsPerRequest(cheapestGw))) {
        figures.push({ id: `api.c${API_BUDGET.connections}.cheapest.cpu_ms_per_request.${k.split(' ')[0]}`, label: `${c}, cheapest read: CPU per request, ${k}`, value: ms, unit: 'ms' })
      }
      for (const t of timings) {
        const what = t.kind === 'sessions' ? 'session list' : 'cheapest read'
        for (const [phase, ms] of Object.entries(t.phases)) {
          figures.push({ id: `api.server_timing.${t.kind}.${phase}_ms`, label: `PostgREST Server-Timing, ${what}: ${phase} (median)`, value: ms, unit: 'ms' })
        }
        figures.push(
          { id: `api.server_timing.${t.kind}.total_ms`, label: `PostgREST Server-Timing, ${what}: all phases (median)`, value: t.serverMs, unit: 'ms' },
          { id: `api.server_timing.${t.kind}.client_ms`, label: `${what} straight to PostgREST, one at a time: client wall time (median)`, value: t.clientMs, unit: 'ms' },
        )
      }
      figures.push({
        id: `api.c${API_BUDGET.connections}.foreign_cores`,
        label: `${c}, session list: cores used by processes outside the benchmark (noise)`,
        value: sessionsGw.coresUsed['other processes on the machine'] ?? Number.NaN,
        unit: 'cores',
      })
      const cores = (r: Pick<LoadRun, 'coresUsed'>) =>
        Object.entries(r.coresUsed)
          .map(([k, v]) => `${k} ${v.toFixed(2)}`)
          .join(', ')
      const phases = (t: TimingBreakdown) => Object.entries(t.phases).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')
      const notes = [
        `${employees.length} employees with ${BOOKINGS_PER_EMPLOYEE} bookings each (2 with links); each connection is signed in as a different employee. Closed loop: each connection sends its next request as soon as the previous one is answered. At ${API_BUDGET.connections} connections the four kinds (session list and cheapest read \`${CHEAPEST_PATH}\`, each through the gateway and straight to PostgREST) run interleaved, ${ROUNDS} rounds of ${ROUND_SECONDS} s each, after a ${WARMUP_SECONDS} s warm-up each; 1 and ${API_BUDGET.stressConnections} connections run ${RUN_SECONDS} s. Load generator, gateway, auth, PostgREST and Postgres share the machine's ${ctx.nproc} cores.`,
        `The budgets are ratios within this run (bench/lib/api-budget.ts): the session list reaches ${((sessionsGw.rps / cheapestGw.rps) * 100).toFixed(0)}% of the cheapest authenticated read's throughput, and the gateway + auth take ${((1 - sessionsGw.rps / sessionsDirect.rps) * 100).toFixed(1)}% of PostgREST's direct throughput. p95 <= ${API_BUDGET.p95Ms} ms stays absolute at ${API_BUDGET.connections} connections, below this machine's capacity; the former p95 budget at 50 connections is retired (at 50 closed-loop connections it needed ~2,500 req/s by Little's law).`,
        ...timings.map(
          (t) =>
            `PostgREST Server-Timing, ${t.kind === 'sessions' ? 'session list' : 'cheapest read'} (median of ${t.samples}, one request at a time, straight to PostgREST): ${phases(t)} ms; phases sum ${t.serverMs.toFixed(3)} ms of ${t.clientMs.toFixed(3)} ms seen by the client.`,
        ),
        ...[single, sessionsGw, sessionsDirect, cheapestGw, cheapestDirect, stress].map((r) => `cores busy, ${runLabel(r)}: ${cores(r)}`),
      ]
      return {
        figures,
        notes,
        details: {
          runs: [single, sessionsGw, sessionsDirect, cheapestGw, cheapestDirect, stress].map(withoutSamples),
          rounds: Object.fromEntries([...rounds].map(([k, rs]) => [k, rs.map((r) => ({ rps: r.rps, p95: r.p95 }))])),
          openLoop: { rate, sent: open.sent, seconds: open.seconds, non2xx: open.non2xx, errors: open.errors, p50: percentile(open.latencies, 50), p95: openP95, p99: percentile(open.latencies, 99) },
          serverTiming: timings,
          cpuMsPerRequest: { sessions: cpuMsPerRequest(sessionsGw), cheapest: cpuMsPerRequest(cheapestGw) },
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
