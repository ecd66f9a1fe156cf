-- In-app notifications, written by the database (triggers), never by the browser: no client
-- can forge one or skip one. Each person reads and marks read only their own.
-- The text shown is pt-PT, rendered by the app from `kind` and `payload`. A payload never
-- carries the meeting link itself: the link stays behind its time window.

create type public.notification_kind as enum (
  'booking_created',      -- a booking was made for you by someone else (admin, especialista, employee for a prestador)
  'link_saved',           -- the meeting link of your session is ready
  'link_changed',         -- the meeting link changed: the old one no longer applies
  'booking_rescheduled',  -- payload: old_starts_at, old_ends_at, starts_at, ends_at
  'booking_cancelled',    -- payload: reason
  'session_starting'      -- "A sua sessão começa em 5 minutos" (see notify_session_starting)
);

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null,
  booking_id uuid,
  kind public.notification_kind not null,
  payload jsonb not null default '{}',
  created_at timestamptz not null default now(),
  read_at timestamptz,
  constraint notifications_recipient_id_fkey
    foreign key (recipient_id) references public.profiles (id) on delete cascade,
  constraint notifications_booking_id_fkey
    foreign key (booking_id) references public.bookings (id) on delete cascade
);
create index notifications_recipient_unread_idx on public.notifications (recipient_id, created_at desc);
create index notifications_booking_id_idx on public.notifications (booking_id);
-- The 5-minute notice exists once per person and session, however many tabs ask for it.
create unique index notifications_session_starting_once
  on public.notifications (recipient_id, booking_id) where kind = 'session_starting';

alter table public.notifications enable row level security;
revoke all on public.notifications from anon, authenticated;
grant select on public.notifications to authenticated;
-- Marking as read is the only change a person may make.
grant update (read_at) on public.notifications to authenticated;

create policy "people read own notifications" on public.notifications
  for select to authenticated using (recipient_id = (select auth.uid()));
create policy "people mark own notifications read" on public.notifications
  for update to authenticated
  using (recipient_id = (select auth.uid()))
  with check (recipient_id = (select auth.uid()));

create function private.notify(
  p_recipient uuid, p_booking uuid, p_kind public.notification_kind, p_payload jsonb default '{}'
) returns void
language sql security definer set search_path = '' as $$
  insert into public.notifications (recipient_id, booking_id, kind, payload)
  select p_recipient, p_booking, p_kind, p_payload
  where p_recipient is not null
$$;

-- A booking made by someone else: tell the employee (admin or especialista booked for them)
-- and the prestador (every new booking is news to them; prestadores cannot create bookings).
create function private.notify_booking_created() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.created_by is distinct from new.user_id then
    perform private.notify(new.user_id, new.id, 'booking_created',
      jsonb_build_object('starts_at', new.starts_at, 'booking_source', new.booking_source));
  end if;
  if new.created_by is distinct from new.prestador_id then
    perform private.notify(new.prestador_id, new.id, 'booking_created',
      jsonb_build_object('starts_at', new.starts_at, 'booking_source', new.booking_source));
  end if;
  return null;
end;
$$;
create trigger bookings_notify_created after insert on public.bookings
  for each row execute function private.notify_booking_created();

-- Rescheduled or cancelled: tell the participants who did not do it themselves.
create function private.notify_booking_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_actor uuid := (select auth.uid());
  v_recipient uuid;
begin
  if new.status = 'cancelled' and old.status <> 'cancelled' then
    foreach v_recipient in array array[new.user_id, new.prestador_id] loop
      if v_recipient is distinct from coalesce(new.cancelled_by, v_actor) then
        perform private.notify(v_recipient, new.id, 'booking_cancelled',
          jsonb_build_object('reason', new.cancellation_reason, 'starts_at', new.starts_at));
      end if;
    end loop;
  elsif new.starts_at is distinct from old.starts_at or new.ends_at is distinct from old.ends_at then
    foreach v_recipient in array array[new.user_id, new.prestador_id] loop
      if v_recipient is distinct from v_actor then
        perform private.notify(v_recipient, new.id, 'booking_rescheduled',
          jsonb_build_object('old_starts_at', old.starts_at, 'old_ends_at', old.ends_at,
                             'starts_at', new.starts_at, 'ends_at', new.ends_at));
      end if;
    end loop;
  end if;
  return null;
end;
$$;
create trigger bookings_notify_changed after update on public.bookings
  for each row execute function private.notify_booking_changed();

-- The link is ready, or changed: tell the employee.
create function private.notify_link_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_user uuid;
  v_old text := case when tg_op = 'UPDATE' then old.meeting_link end;
begin
  if new.meeting_link is null or new.meeting_link is not distinct from v_old then
    return null;
  end if;
  select b.user_id into v_user from public.bookings b where b.id = new.booking_id;
  perform private.notify(v_user, new.booking_id,
    case when v_old is null then 'link_saved' else 'link_changed' end::public.notification_kind);
  return null;
end;
$$;
create trigger booking_links_notify after insert or update on public.booking_links
  for each row execute function private.notify_link_changed();

-- The 5-minute notice, asked for by the employee's open page when linkWindow() opens.
-- The database checks the window itself and writes at most one per person and session.
create function public.notify_session_starting(p_booking_id uuid) returns boolean
language plpgsql security definer set search_path = '' as $$
declare
  v_inserted integer;
begin
  insert into public.notifications (recipient_id, booking_id, kind)
  select b.user_id, b.id, 'session_starting'
  from public.bookings b
  where b.id = p_booking_id
    and b.user_id = (select auth.uid())
    and b.meeting_type = 'virtual'
    and b.status in ('pending', 'scheduled')
    and private.link_window_open(b.starts_at, b.ends_at)
  on conflict (recipient_id, booking_id) where kind = 'session_starting' do nothing;
  get diagnostics v_inserted = row_count;
  return v_inserted = 1;
end;
$$;

revoke all on function private.notify(uuid, uuid, public.notification_kind, jsonb) from public, anon, authenticated;
grant execute on function private.notify(uuid, uuid, public.notification_kind, jsonb) to service_role;
revoke all on function public.notify_session_starting(uuid) from public, anon;
grant execute on function public.notify_session_starting(uuid) to authenticated, service_role;
