-- Cheaper RLS for the employee's session list with its booking_links embed (measured by
-- `npm run bench`, rls-scale, 1M bookings): 0.84-0.99 ms -> 0.54 ms for the list + links.
--
-- 1) Policy helpers become plpgsql: a SQL function with SET search_path is never inlined and
--    its body is planned on every call; plpgsql caches the plan per connection.
-- 2) booking_links: the employee's rule is one per-statement array (their bookings whose link
--    window is open now: usually 0 or 1 ids), and the staff rule sits behind a per-statement
--    gate, so an employee's list no longer runs a subquery on bookings per link row.
-- Same rules as before; tests/integration/rls-read-matrix.test.ts and meeting-link.test.ts hold.
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
