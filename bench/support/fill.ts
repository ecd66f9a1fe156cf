/**
 * Set-based fill of a throwaway database for the RLS benchmark: 10,000 employees, 200
 * prestadores, 20 especialistas, 1 admin, 1,000,000 bookings over 104 weeks, booking links
 * for most virtual bookings, call requests for the referral bookings plus an open queue.
 *
 * Runs with session_replication_role = replica: triggers and FK checks are skipped (the auth
 * trigger that creates profiles, bookings_before_insert, the notification triggers), so the
 * fill writes what those triggers would have written itself (profiles, company_id, created_by)
 * and creates no notifications. CHECK constraints, unique indexes and the
 * bookings_no_overlap_per_prestador exclusion constraint still apply: the slots are generated
 * non-overlapping per prestador.
 */
import type pg from 'pg'

export const FILL = {
  employees: 10_000,
  prestadores: 200,
  especialistas: 20,
  companies: 50,
  bookings: 1_000_000,
  weeks: 104,
  /** weekday slots per prestador: 08:00..18:00 on the hour, 13:00 is lunch -> 10 x 50 min */
  hours: [8, 9, 10, 11, 12, 14, 15, 16, 17, 18],
  openCallRequests: 2_000,
} as const

export interface FillStep {
  name: string
  ms: number
  rows?: number
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`

/** Fill an empty, migrated database (no seed). Returns per-step timings. */
export async function fillDatabase(db: pg.Client, log: (line: string) => void): Promise<FillStep[]> {
  const steps: FillStep[] = []
  const step = async (name: string, sql: string) => {
    const t0 = performance.now()
    const res = await db.query(sql)
    const rows = Array.isArray(res) ? undefined : (res.rowCount ?? undefined)
    const ms = performance.now() - t0
    steps.push({ name, ms, ...(rows !== undefined && rows !== null ? { rows } : {}) })
    log(`fill: ${name}${rows ? ` (${rows.toLocaleString('en-US')} rows)` : ''} in ${(ms / 1000).toFixed(1)} s`)
  }

  await db.query(`set session_replication_role = replica`)
  await db.query(`set maintenance_work_mem = '512MB'`)
  await db.query(`set work_mem = '256MB'`)

  await step(
    'people',
    `create schema bench;
     create unlogged table bench.people as
       select gen_random_uuid() as id, kind, n
       from (
         select 'user' as kind, g as n from generate_series(1, ${FILL.employees}) g
         union all select 'prestador', g from generate_series(1, ${FILL.prestadores}) g
         union all select 'especialista', g from generate_series(1, ${FILL.especialistas}) g
         union all select 'admin', 1
       ) s;
     create index on bench.people (kind, n);
     insert into public.companies (id, name, address)
       select gen_random_uuid(), 'Bench Company ' || g, 'Rua ' || g || ', Lisboa'
       from generate_series(1, ${FILL.companies}) g;
     insert into auth.users (
       instance_id, id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data,
       created_at, updated_at
     )
       select '00000000-0000-0000-0000-000000000000', p.id, 'authenticated', 'authenticated',
              p.kind || '-' || p.n || '@bench.test', now(),
              jsonb_build_object('provider', 'email', 'providers', jsonb_build_array('email'), 'app_role', p.kind),
              jsonb_build_object('name', initcap(p.kind) || ' ' || p.n), now(), now()
       from bench.people p;
     insert into public.profiles (id, role, name, email, company_id, time_zone)
       select p.id, p.kind::public.app_role, initcap(p.kind) || ' ' || p.n, p.kind || '-' || p.n || '@bench.test',
              case when p.kind = 'user' then c.id end, 'Europe/Lisbon'
       from bench.people p
       left join (select id, row_number() over (order by name) - 1 as k from public.companies) c
         on p.kind = 'user' and c.k = p.n % ${FILL.companies};
     insert into public.prestadores (id, pillar, specialty, session_minutes, address)
       select p.id, (enum_range(null::public.pillar))[1 + p.n % 4], 'Especialidade ' || (p.n % 17),
              50, 'Rua do Prestador ' || p.n || ', Lisboa'
       from bench.people p where p.kind = 'prestador';
     insert into public.prestador_availability (prestador_id, weekday, start_time, end_time)
       select p.id, d, time '08:00', time '19:00'
       from bench.people p, generate_series(1, 5) d where p.kind = 'prestador';`,
  )

  // Bulk load without the plain B-tree indexes of bookings, rebuilt afterwards from their own
  // definitions (pg_get_indexdef): a sorted build takes a second, 1M incremental inserts into
  // four random-order B-trees take far longer. The primary key and the exclusion constraint
  // (GiST) stay in place, so the database checks every row for overlaps as it is loaded; rows
  // go in in starts_at order, like a table that grew over time (this also keeps GiST inserts local).
  const { rows: deferred } = await db.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def
       from pg_indexes i
      where i.schemaname = 'public' and i.tablename = 'bookings'
        and not exists (
          select 1 from pg_constraint c
          where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass
        )`,
  )
  for (const d of deferred) await db.query(`drop index public.${quoteIdent(d.name)}`)

  // Candidate slots: every prestador, every weekday of 104 weeks around now, 10 hourly slots
  // (local time, Europe/Lisbon) = 1,040,000; keep a random 1,000,000 of them. One booking per
  // (prestador, slot): no two bookings of a prestador overlap, cancelled or not.
  await step(
    'bookings',
    `insert into public.bookings (
       id, user_id, prestador_id, company_id, pillar, starts_at, ends_at, meeting_type, status, location,
       cancellation_reason, cancelled_by, cancelled_at, booking_source, created_by, created_at, updated_at
     )
     with slots as (
       select pr.id as prestador_id, pr.pillar, pr.address,
              ((d + make_time(h, 0, 0)) at time zone 'Europe/Lisbon') as starts_at
       from public.prestadores pr
       cross join generate_series(
         (date_trunc('week', now() at time zone 'Europe/Lisbon') - interval '${FILL.weeks / 2} weeks')::date,
         (date_trunc('week', now() at time zone 'Europe/Lisbon') + interval '${FILL.weeks / 2} weeks')::date - 1,
         interval '1 day') d
       cross join unnest(array[${FILL.hours.join(', ')}]) h
       where extract(isodow from d) <= 5
       order by random()
       limit ${FILL.bookings}
     ), picked as (
       select s.*, random() as r_type, random() as r_status, random() as r_source,
              1 + floor(random() * ${FILL.employees})::int as emp_n
       from slots s
     ), shaped as (
       select p.*, e.id as user_id, prof.company_id,
              case when p.r_type < 0.6 then 'virtual' when p.r_type < 0.85 then 'phone' else 'presencial' end
                ::public.meeting_type as meeting_type,
              case
                when p.starts_at < now() then
                  case when p.r_status < 0.07 then 'cancelled' when p.r_status < 0.09 then 'scheduled' else 'completed' end
                else
                  case when p.r_status < 0.05 then 'cancelled' when p.r_status < 0.08 then 'pending' else 'scheduled' end
              end::public.booking_status as status,
              case when p.r_source < 0.85 then 'direct' when p.r_source < 0.90 then 'admin_manual'
                   else 'specialist_referral' end::public.booking_source as booking_source
       from picked p
       join bench.people e on e.kind = 'user' and e.n = p.emp_n
       join public.profiles prof on prof.id = e.id
     )
     select gen_random_uuid(), s.user_id, s.prestador_id, s.company_id, s.pillar, s.starts_at,
            s.starts_at + interval '50 minutes', s.meeting_type, s.status,
            case when s.meeting_type = 'presencial' then s.address end,
            case when s.status = 'cancelled' then 'Indisponível' end,
            case when s.status = 'cancelled' then s.user_id end,
            case when s.status = 'cancelled' then s.starts_at - interval '1 day' end,
            s.booking_source,
            case when s.booking_source = 'direct' then s.user_id end,
            s.starts_at - interval '10 days', s.starts_at - interval '10 days'
     from shaped s
     order by s.starts_at, s.prestador_id`,
  )

  const t0 = performance.now()
  for (const d of deferred) await db.query(d.def)
  const rebuildMs = performance.now() - t0
  steps.push({ name: 'rebuild bookings B-tree indexes', ms: rebuildMs })
  log(`fill: rebuilt ${deferred.map((d) => d.name).join(', ')} in ${(rebuildMs / 1000).toFixed(1)} s`)

  // A link for 80% of the active virtual bookings, set by the prestador.
  await step(
    'booking_links',
    `insert into public.booking_links (booking_id, meeting_link, updated_by, updated_at)
     select b.id, 'https://meet.bench.test/' || left(md5(b.id::text), 12), b.prestador_id, b.created_at + interval '1 day'
     from public.bookings b
     where b.meeting_type = 'virtual' and b.status <> 'cancelled' and random() < 0.8`,
  )

  // Each referral booking came from a call request an especialista holds; plus an open queue.
  await step(
    'call_requests',
    `insert into public.call_requests (user_id, pillar, notes, status, especialista_id, booking_id, created_at, assigned_at)
     select b.user_id, b.pillar, 'Pedido de contacto',
            case when b.starts_at < now() then 'closed' else 'assigned' end::public.call_request_status,
            e.id, b.id, b.created_at - interval '1 day', b.created_at
     from public.bookings b
     join bench.people e
       on e.kind = 'especialista' and e.n = 1 + (abs(hashtext(b.id::text)) % ${FILL.especialistas})
     where b.booking_source = 'specialist_referral';
     insert into public.call_requests (user_id, pillar, notes, status, created_at)
     select e.id, (enum_range(null::public.pillar))[1 + g % 4], 'Pedido em aberto', 'open',
            now() - (g || ' minutes')::interval
     from generate_series(1, ${FILL.openCallRequests}) g
     join bench.people e on e.kind = 'user' and e.n = 1 + (g * 7919) % ${FILL.employees}`,
  )

  await db.query(`set session_replication_role = origin`)
  await step('analyze', `analyze`)
  return steps
}
