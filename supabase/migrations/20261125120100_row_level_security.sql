-- Row-level security: who may read and write what.
--
-- Everyone signed in reaches Postgres as the one `authenticated` role, so per-person rules
-- are row policies plus guard triggers. Policies follow Supabase's performance advice:
-- `to authenticated`, `(select auth.uid())` so it is computed once per statement, role checks
-- through security-definer helpers with an empty search_path, and an index behind every
-- column a policy filters on.
--
-- Summary (reads):
--   employee      own profile, own bookings, own call requests; staff profiles (directory)
--   prestador     bookings where they are the prestador; their clients via client_profiles
--   especialista  call requests assigned to them and the open queue; bookings made from the
--                 requests they hold; those clients via client_profiles
--   admin         everything
-- Writes are narrower: see each table. Lifecycle changes (cancel, complete, reschedule, link)
-- go through functions that check the caller, so direct UPDATE of bookings is admin-only.

-- ---------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------
create function private.current_app_role() returns public.app_role
language sql stable security definer set search_path = '' as $$
  select p.role from public.profiles p where p.id = (select auth.uid())
$$;

create function private.is_admin() returns boolean
language sql stable security definer set search_path = '' as $$
  select coalesce((select private.current_app_role()) = 'admin', false)
$$;

-- Bookings made from call requests the caller holds (the especialista's cases). Returned as
-- an array so a policy can evaluate it once per statement instead of once per row.
create function private.case_booking_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(cr.booking_id), '{}')
  from public.call_requests cr
  where cr.especialista_id = (select auth.uid()) and cr.booking_id is not null
$$;

-- Employees the caller works with: a prestador's clients, an especialista's queue and cases.
create function private.visible_client_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(distinct ids.user_id), '{}')
  from (
    select b.user_id from public.bookings b where b.prestador_id = (select auth.uid())
    union all
    select cr.user_id from public.call_requests cr
    where (select private.current_app_role()) = 'especialista'
      and (cr.especialista_id = (select auth.uid()) or cr.status = 'open')
  ) ids
$$;

-- Companies of those employees: a prestador sees "Acme" on a client's card, not the client list.
create function private.visible_client_company_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(distinct p.company_id), '{}')
  from public.profiles p
  where p.id = any ((select private.visible_client_ids())::uuid[]) and p.company_id is not null
$$;

revoke all on all functions in schema private from public, anon;
-- service_role too: it bypasses RLS but still fires the guard triggers that call these.
grant usage on schema private to authenticated, service_role;
grant execute on all functions in schema private to authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- anon sees nothing: no grants at all (RLS would hide rows anyway; this is belt and braces).
-- ---------------------------------------------------------------------------------------
revoke all on public.companies, public.profiles, public.prestadores, public.bookings,
  public.call_requests from anon;

alter table public.companies enable row level security;
alter table public.profiles enable row level security;
alter table public.prestadores enable row level security;
alter table public.bookings enable row level security;
alter table public.call_requests enable row level security;

-- ---------------------------------------------------------------------------------------
-- companies: members read their own company; staff read their clients' companies; admins
-- read all. Only admins write.
-- ---------------------------------------------------------------------------------------
create policy "members, their clients' staff and admins read companies" on public.companies
  for select to authenticated
  using (
    id = (select p.company_id from public.profiles p where p.id = (select auth.uid()))
    or (select private.is_admin())
    or id = any ((select private.visible_client_company_ids())::uuid[])
  );
create policy "admins insert companies" on public.companies
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins update companies" on public.companies
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete companies" on public.companies
  for delete to authenticated using ((select private.is_admin()));

-- ---------------------------------------------------------------------------------------
-- profiles: own row; staff rows are a directory everyone signed in may read (names of
-- prestadores, who changed a link); admins read all. Employees' rows are never readable by
-- other employees; prestadores/especialistas see their clients through client_profiles.
-- ---------------------------------------------------------------------------------------
create policy "people read own profile, the staff directory, admins all" on public.profiles
  for select to authenticated
  using (
    id = (select auth.uid())
    or role <> 'user'
    or (select private.is_admin())
  );
create policy "people update own profile, admins any" on public.profiles
  for update to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()))
  with check (id = (select auth.uid()) or (select private.is_admin()));
create policy "admins insert profiles" on public.profiles
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins delete profiles" on public.profiles
  for delete to authenticated using ((select private.is_admin()));

-- A person may change their name, phone and time zone; role, company and email are the
-- admin's (email follows auth.users).
create function private.guard_profile_update() returns trigger
language plpgsql set search_path = '' as $$
begin
  if (select private.is_admin()) or current_user not in ('authenticated', 'anon') then
    return new;
  end if;
  if new.id is distinct from old.id or new.role is distinct from old.role
     or new.company_id is distinct from old.company_id or new.email is distinct from old.email
     or new.created_at is distinct from old.created_at then
    raise exception 'profile_field_not_editable'
      using errcode = '42501', hint = 'Só um administrador pode alterar este campo.';
  end if;
  return new;
end;
$$;
create trigger profiles_guard_update before update on public.profiles
  for each row execute function private.guard_profile_update();

-- Column-limited view of employees for the staff who work with them: name, email and phone
-- (the prestador calls the employee for phone sessions), nothing else. It runs with the
-- owner's rights (bypassing profiles RLS) and filters by the caller itself.
create view public.client_profiles with (security_barrier = true) as
  select p.id, p.name, p.email, p.phone, p.company_id
  from public.profiles p
  where p.role = 'user'
    and (
      (select private.is_admin())
      or p.id = any ((select private.visible_client_ids())::uuid[])
    );
comment on view public.client_profiles is
  'Employees visible to the caller: a prestador''s clients, an especialista''s queue and cases, all for admins.';
revoke all on public.client_profiles from anon, authenticated;
grant select on public.client_profiles to authenticated;

-- ---------------------------------------------------------------------------------------
-- prestadores: the directory is readable by everyone signed in. A prestador edits their
-- own specialty, session length and address; admins manage the directory.
-- ---------------------------------------------------------------------------------------
create policy "signed-in people read the prestador directory" on public.prestadores
  for select to authenticated using (true);
create policy "prestadores update own entry, admins any" on public.prestadores
  for update to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()))
  with check (id = (select auth.uid()) or (select private.is_admin()));
create policy "admins insert prestadores" on public.prestadores
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins delete prestadores" on public.prestadores
  for delete to authenticated using ((select private.is_admin()));

create function private.guard_prestador_update() returns trigger
language plpgsql set search_path = '' as $$
begin
  if (select private.is_admin()) or current_user not in ('authenticated', 'anon') then
    return new;
  end if;
  if new.id is distinct from old.id or new.pillar is distinct from old.pillar
     or new.active is distinct from old.active then
    raise exception 'prestador_field_not_editable'
      using errcode = '42501', hint = 'Só um administrador pode alterar este campo.';
  end if;
  return new;
end;
$$;
create trigger prestadores_guard_update before update on public.prestadores
  for each row execute function private.guard_prestador_update();

-- ---------------------------------------------------------------------------------------
-- bookings
-- ---------------------------------------------------------------------------------------
create policy "participants, case especialistas and admins read bookings" on public.bookings
  for select to authenticated
  using (
    user_id = (select auth.uid())
    or prestador_id = (select auth.uid())
    or (select private.is_admin())
    or id = any ((select private.case_booking_ids())::uuid[])
  );

-- An employee books only for themselves, only as a direct booking, only pending/scheduled.
-- Admins book anything. Especialistas book through assign_call_request (a later migration);
-- prestadores do not create bookings.
create policy "employees book for themselves, admins for anyone" on public.bookings
  for insert to authenticated
  with check (
    (select private.is_admin())
    or (
      user_id = (select auth.uid())
      and (select private.current_app_role()) = 'user'
      and booking_source = 'direct'
      and status in ('pending', 'scheduled')
      and cancelled_by is null and cancellation_reason is null and cancelled_at is null
      and starts_at > now()
    )
  );

-- Direct updates and deletes are the admin's. Everyone else changes a booking through
-- cancel_booking / complete_booking / reschedule_booking / save_meeting_link, which check
-- who is calling and which fields may change.
create policy "admins update bookings" on public.bookings
  for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete bookings" on public.bookings
  for delete to authenticated using ((select private.is_admin()));

-- Server-side defaults a client cannot forge: who created it, the employee's company, the
-- prestador's pillar when omitted.
create function private.bookings_before_insert() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  -- Security definer: current_user is the owner here, so ask the JWT who is calling.
  -- Without a JWT (seed, migrations) the given created_by stands.
  new.created_by := coalesce((select auth.uid()), new.created_by);
  if new.company_id is null or not (select private.is_admin()) then
    new.company_id := coalesce(
      (select p.company_id from public.profiles p where p.id = new.user_id),
      new.company_id
    );
  end if;
  if new.pillar is null then
    new.pillar := (select pr.pillar from public.prestadores pr where pr.id = new.prestador_id);
  end if;
  if new.meeting_type = 'presencial' and new.location is null then
    new.location := (select pr.address from public.prestadores pr where pr.id = new.prestador_id);
  end if;
  new.created_at := now();
  new.updated_at := now();
  return new;
end;
$$;
create trigger bookings_before_insert before insert on public.bookings
  for each row execute function private.bookings_before_insert();

-- ---------------------------------------------------------------------------------------
-- call_requests
-- ---------------------------------------------------------------------------------------
create policy "owners, especialistas (queue and own) and admins read call requests"
  on public.call_requests
  for select to authenticated
  using (
    user_id = (select auth.uid())
    or (select private.is_admin())
    or (
      (select private.current_app_role()) = 'especialista'
      and (especialista_id = (select auth.uid()) or status = 'open')
    )
  );
create policy "employees open requests for themselves, admins any" on public.call_requests
  for insert to authenticated
  with check (
    (select private.is_admin())
    or (
      user_id = (select auth.uid())
      and (select private.current_app_role()) = 'user'
      and status = 'open' and especialista_id is null and booking_id is null
      and assigned_at is null
    )
  );
create policy "admins update call requests" on public.call_requests
  for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete call requests" on public.call_requests
  for delete to authenticated using ((select private.is_admin()));
