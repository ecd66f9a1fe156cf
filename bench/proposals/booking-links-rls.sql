-- =============================================================================================
-- PROPOSAL, NOT APPLIED (bench/ owns no migrations): for supabase/migrations/ if the owners agree.
--
-- What it fixes (npm run bench, rls-scale, 1M bookings, employee with 100 bookings / 42 links):
--   the employee's list WITH its booking_links embed costs 0.84-0.99 ms under RLS vs 0.34 ms
--   without RLS; the plain list costs 0.13 ms. Per link row the booking_links policy runs a
--   subquery on bookings (bookings' own policy applied inside it), and for an employee the staff
--   branch calls private.is_admin() and private.case_booking_ids(): SQL functions with
--   SET search_path, never inlined, their bodies planned on every call (~0.1 ms each on PG 17).
-- With this file as an extra migration: 0.54 ms (RLS overhead 0.17 ms instead of ~0.55 ms),
--   shared buffers 458 instead of 574; full PostgREST statement 1.11 ms instead of 1.42-1.62 ms;
--   API load: Postgres CPU per request 0.76 -> 0.52 ms.
-- Checked: all 251 integration tests pass with it (rls-read-matrix covers booking_links per role).
-- =============================================================================================
-- PROPOSAL (not applied): cheaper RLS for the employee's session list with its booking_links embed.
-- 1) Policy helpers in plpgsql: a SQL function with SET search_path is never inlined and its body
--    is planned on every call (~0.1 ms each on PG 17); plpgsql caches the plan per connection.
create or replace function private.current_app_role() returns public.app_role
language plpgsql stable security definer set search_path = '' as $$
begin
  return (select p.role from public.profiles p where p.id = (select auth.uid()));
end;
$$;

create or replace function private.is_admin() returns boolean
language plpgsql stable security definer set search_path = '' as $$
begin
  return coalesce(private.current_app_role() = 'admin', false);
end;
$$;

create or replace function private.case_booking_ids() returns uuid[]
language plpgsql stable security definer set search_path = '' as $$
begin
  return (
    select coalesce(array_agg(cr.booking_id), '{}')
    from public.call_requests cr
    where cr.especialista_id = (select auth.uid()) and cr.booking_id is not null
  );
end;
$$;

-- 2) booking_links: the employee's rule as one per-statement array (their bookings whose link
--    window is open now: 0 or 1 ids), and the staff rule behind a per-statement gate, so an
--    employee's list no longer runs a subquery on bookings (with bookings' own policy) per link.
create function private.open_link_booking_ids() returns uuid[]
language plpgsql stable security definer set search_path = '' as $$
begin
  return (
    select coalesce(array_agg(b.id), '{}')
    from public.bookings b
    where b.user_id = (select auth.uid())
      -- bookings_max_length (<= 8 h) lets bookings_user_id_starts_at_idx bound the scan
      and b.starts_at > now() - interval '8 hours'
      and b.starts_at <= now() + interval '5 minutes'
      and b.meeting_type = 'virtual'
      and b.status in ('pending', 'scheduled')
      and private.link_window_open(b.starts_at, b.ends_at)
  );
end;
$$;

-- True when the staff branch can be true for some row: the caller is an admin, a prestador, or
-- holds call requests with bookings; exactly the callers the old policy's staff branch served.
-- (Not `exists (select 1 from call_requests where especialista_id = auth.uid())`: auth.uid() is
-- unknown at plan time, the planner expects ~5% of 100k rows to match and picks a seq scan that
-- stops at the first hit, which for an employee (no hit) reads the whole table: 25 ms.)
create function private.may_read_links_as_staff() returns boolean
language plpgsql stable security definer set search_path = '' as $$
begin
  return private.is_admin()
      or exists (select 1 from public.prestadores pr where pr.id = (select auth.uid()))
      or cardinality(private.case_booking_ids()) > 0;
end;
$$;

revoke all on function private.open_link_booking_ids(), private.may_read_links_as_staff() from public, anon;
grant execute on function private.open_link_booking_ids(), private.may_read_links_as_staff()
  to authenticated, service_role;

drop policy "staff always, employees inside the window, read meeting links" on public.booking_links;
create policy "staff always, employees inside the window, read meeting links"
  on public.booking_links
  for select to authenticated
  using (
    booking_id = any ((select private.open_link_booking_ids())::uuid[])
    or (
      (select private.may_read_links_as_staff())
      and exists (
        select 1 from public.bookings b
        where b.id = booking_id
          and (
            b.prestador_id = (select auth.uid())
            or (select private.is_admin())
            or b.id = any ((select private.case_booking_ids())::uuid[])
          )
      )
    )
  );
