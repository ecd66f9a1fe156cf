-- Availability and the three ways a session is created.
--
-- Prestadores publish weekly hours (in their own time zone) and block dates. Free slots are
-- computed in the app by one pure function (src/features/booking/lib/free-slots.ts) from the
-- hours, the blocked dates and the prestador's busy intervals; the database re-checks every
-- booking an employee or especialista makes (private.slot_is_bookable) and the exclusion
-- constraint on bookings settles races for the last slot.

alter table public.prestadores
  add column buffer_minutes integer not null default 10 check (buffer_minutes between 0 and 120);
comment on column public.prestadores.buffer_minutes is
  'Minimum gap kept free between two of this prestador''s sessions.';

create table public.prestador_availability (
  id uuid primary key default gen_random_uuid(),
  prestador_id uuid not null,
  -- ISO weekday: 1 = Monday ... 7 = Sunday, in the prestador's time zone (profiles.time_zone).
  weekday smallint not null check (weekday between 1 and 7),
  start_time time not null,
  end_time time not null,
  constraint prestador_availability_prestador_id_fkey
    foreign key (prestador_id) references public.prestadores (id) on delete cascade,
  constraint prestador_availability_valid_range check (end_time > start_time),
  constraint prestador_availability_no_overlap exclude using gist (
    prestador_id with =, weekday with =,
    tsrange(date '2000-01-01' + start_time, date '2000-01-01' + end_time, '[)') with &&
  )
);
create index prestador_availability_prestador_id_idx on public.prestador_availability (prestador_id);

create table public.prestador_blocked_dates (
  id uuid primary key default gen_random_uuid(),
  prestador_id uuid not null,
  blocked_on date not null,
  reason text check (char_length(reason) <= 200),
  constraint prestador_blocked_dates_prestador_id_fkey
    foreign key (prestador_id) references public.prestadores (id) on delete cascade,
  constraint prestador_blocked_dates_once unique (prestador_id, blocked_on)
);

revoke all on public.prestador_availability, public.prestador_blocked_dates from anon;
alter table public.prestador_availability enable row level security;
alter table public.prestador_blocked_dates enable row level security;

create policy "signed-in people read availability" on public.prestador_availability
  for select to authenticated using (true);
create policy "prestadores manage own availability, admins any" on public.prestador_availability
  for all to authenticated
  using (prestador_id = (select auth.uid()) or (select private.is_admin()))
  with check (prestador_id = (select auth.uid()) or (select private.is_admin()));

create policy "signed-in people read blocked dates" on public.prestador_blocked_dates
  for select to authenticated using (true);
create policy "prestadores manage own blocked dates, admins any" on public.prestador_blocked_dates
  for all to authenticated
  using (prestador_id = (select auth.uid()) or (select private.is_admin()))
  with check (prestador_id = (select auth.uid()) or (select private.is_admin()));

-- When a prestador is busy, without saying with whom: what the booking screens need to
-- compute free slots, since nobody but participants may read the bookings themselves.
create function public.prestador_busy_times(
  p_prestador_id uuid, p_from timestamptz, p_to timestamptz
) returns table (starts_at timestamptz, ends_at timestamptz)
language sql stable security definer set search_path = '' as $$
  select b.starts_at, b.ends_at
  from public.bookings b
  where (select auth.uid()) is not null
    and b.prestador_id = p_prestador_id
    and b.status <> 'cancelled'
    and b.starts_at < p_to and b.ends_at > p_from
    and p_to - p_from <= interval '62 days'
  order by b.starts_at
$$;
revoke all on function public.prestador_busy_times(uuid, timestamptz, timestamptz) from public, anon;
grant execute on function public.prestador_busy_times(uuid, timestamptz, timestamptz)
  to authenticated, service_role;

-- The same rule as freeSlots() in the app: a slot of exactly the prestador's session length,
-- in the future, inside one of their weekly hours on a day that is not blocked, and at least
-- buffer_minutes away from every other active session of theirs.
create function private.slot_is_bookable(
  p_prestador_id uuid, p_starts_at timestamptz, p_ends_at timestamptz,
  p_ignore_booking_id uuid default null
) returns boolean
language sql stable security definer set search_path = '' as $$
  with pr as (
    select p.id, p.session_minutes, p.buffer_minutes, p.active, coalesce(prof.time_zone, 'Europe/Lisbon') as tz
    from public.prestadores p join public.profiles prof on prof.id = p.id
    where p.id = p_prestador_id
  ), local as (
    select pr.*, (p_starts_at at time zone pr.tz) as ls, (p_ends_at at time zone pr.tz) as le from pr
  )
  select coalesce((
    select l.active
      and p_starts_at > now()
      and p_ends_at - p_starts_at = make_interval(mins => l.session_minutes)
      and exists (
        select 1 from public.prestador_availability a
        where a.prestador_id = l.id
          and a.weekday = extract(isodow from l.ls)
          and l.ls::time >= a.start_time
          -- the slot may end exactly at the end of the hours, including 24:00
          and (l.le::date = l.ls::date and l.le::time <= a.end_time
               or l.le = l.ls::date + interval '1 day' and a.end_time = time '24:00')
      )
      and not exists (
        select 1 from public.prestador_blocked_dates d
        where d.prestador_id = l.id and d.blocked_on = l.ls::date
      )
      and not exists (
        select 1 from public.bookings b
        where b.prestador_id = l.id
          and b.status <> 'cancelled'
          and b.id is distinct from p_ignore_booking_id
          and b.starts_at < p_ends_at + make_interval(mins => l.buffer_minutes)
          and b.ends_at > p_starts_at - make_interval(mins => l.buffer_minutes)
      )
    from local l
  ), false)
$$;
revoke all on function private.slot_is_bookable(uuid, timestamptz, timestamptz, uuid) from public, anon;
grant execute on function private.slot_is_bookable(uuid, timestamptz, timestamptz, uuid)
  to authenticated, service_role;

-- Employees may book only a free slot (on top of the rules of the RLS migration).
drop policy "employees book for themselves, admins for anyone" on public.bookings;
create policy "employees book a free slot for themselves, admins anything" on public.bookings
  for insert to authenticated
  with check (
    (select private.is_admin())
    or (
      user_id = (select auth.uid())
      and (select private.current_app_role()) = 'user'
      and booking_source = 'direct'
      and status in ('pending', 'scheduled')
      and cancelled_by is null and cancellation_reason is null and cancelled_at is null
      and pillar = (select pr.pillar from public.prestadores pr where pr.id = prestador_id)
      and private.slot_is_bookable(prestador_id, starts_at, ends_at)
    )
  );

-- An especialista turns an open call request into a booking. Locks the request so two
-- especialistas cannot both take it; the second gets call_request_taken.
create function public.assign_call_request(
  p_call_request_id uuid,
  p_prestador_id uuid,
  p_starts_at timestamptz,
  p_ends_at timestamptz,
  p_meeting_type public.meeting_type default 'phone'
) returns public.bookings
language plpgsql security definer set search_path = '' as $$
declare
  v_request public.call_requests;
  v_booking public.bookings;
  v_uid uuid := (select auth.uid());
begin
  if (select private.current_app_role()) is distinct from 'especialista' then
    raise exception 'assign_not_allowed'
      using errcode = '42501', hint = 'Só uma especialista pode atribuir pedidos.';
  end if;
  select * into v_request from public.call_requests cr where cr.id = p_call_request_id for update;
  if not found then
    raise exception 'call_request_not_found'
      using errcode = 'PT404', hint = 'O pedido já não existe.';
  end if;
  if v_request.status <> 'open' then
    raise exception 'call_request_taken'
      using errcode = 'PT409', hint = 'Este pedido já foi atribuído por outra especialista.';
  end if;
  if not exists (
    select 1 from public.prestadores p
    where p.id = p_prestador_id and p.pillar = v_request.pillar and p.active
  ) then
    raise exception 'prestador_wrong_pillar'
      using errcode = '22023', hint = 'Escolha um prestador do pilar do pedido.';
  end if;
  if not private.slot_is_bookable(p_prestador_id, p_starts_at, p_ends_at) then
    raise exception 'slot_taken'
      using errcode = 'PT409', hint = 'Este horário acabou de ser reservado.';
  end if;
  begin
    insert into public.bookings (
      user_id, prestador_id, pillar, starts_at, ends_at, meeting_type, status, booking_source, created_by
    ) values (
      v_request.user_id, p_prestador_id, v_request.pillar, p_starts_at, p_ends_at,
      p_meeting_type, 'scheduled', 'specialist_referral', v_uid
    ) returning * into v_booking;
  exception when exclusion_violation then
    raise exception 'slot_taken'
      using errcode = 'PT409', hint = 'Este horário acabou de ser reservado.';
  end;
  update public.call_requests cr
  set status = 'assigned', especialista_id = v_uid, booking_id = v_booking.id, assigned_at = now()
  where cr.id = p_call_request_id;
  return v_booking;
end;
$$;
revoke all on function public.assign_call_request(uuid, uuid, timestamptz, timestamptz, public.meeting_type)
  from public, anon;
grant execute on function public.assign_call_request(uuid, uuid, timestamptz, timestamptz, public.meeting_type)
  to authenticated, service_role;
