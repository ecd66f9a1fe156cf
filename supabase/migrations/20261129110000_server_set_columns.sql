-- Data the client must not choose (issue 10, finding 3). Each rule holds for every client
-- write through the API, whatever the app sends; tests/integration/server-set-columns.test.ts
-- sends the forged values itself.
--
-- "Client" below means the statement runs as `authenticated` or `anon` (PostgREST's roles for
-- signed-in people and visitors). Security-definer functions (cancel_booking, assign_call_request,
-- ...) run as their owner and set these columns themselves; migrations, the seed and bulk loads
-- run without a JWT and may set them (the seed backdates its queue).

-- ---------------------------------------------------------------------------------------
-- Text helpers
-- ---------------------------------------------------------------------------------------

-- Bidirectional controls (ALM, LRM, RLM, embeddings, overrides, isolates): they make shown text
-- differ from the stored text ("Ana" that reads as someone else's name in a list).
create function private.has_bidi_control(p_text text) returns boolean
language sql immutable parallel safe set search_path = '' as $$
  select p_text ~ '[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]'
$$;

-- At least one character a person can see: not only whitespace (NBSP and other Unicode spaces
-- included), zero-width / format characters, fillers or controls.
create function private.has_visible_text(p_text text) returns boolean
language sql immutable parallel safe set search_path = '' as $$
  select p_text ~ '[^[:space:]\u0001-\u001F\u007F-\u00A0\u00AD\u034F\u061C\u115F\u1160\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u2800\u3000\u3164\uFEFF\uFFA0]'
$$;

-- Whether the statement comes from a client role (see the header).
create function private.client_statement() returns boolean
language sql stable parallel safe set search_path = '' as $$
  select current_user in ('authenticated', 'anon')
$$;

-- Whether the statement belongs to an API request (PostgREST sets the JWT claims for every
-- request, anon and service_role included), as opposed to a migration, the seed or a bulk load.
create function private.api_request() returns boolean
language sql stable parallel safe set search_path = '' as $$
  select nullif(current_setting('request.jwt.claims', true), '') is not null
$$;

-- ---------------------------------------------------------------------------------------
-- Audit columns: the server's clock and the signed-in person, never the client's word
-- ---------------------------------------------------------------------------------------
create function private.server_sets_audit_columns() returns trigger
language plpgsql set search_path = '' as $$
declare
  v_uid uuid := (select auth.uid());
  v_old jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) end;
begin
  if not private.client_statement() then
    return new;
  end if;
  -- created_at / updated_at on whichever of them the table has (missing keys are ignored).
  new := jsonb_populate_record(new, jsonb_build_object(
    'created_at', coalesce(v_old -> 'created_at', to_jsonb(now())),
    'updated_at', to_jsonb(now())
  ));

  if tg_table_name = 'bookings' then
    if tg_op = 'UPDATE' then
      new.created_by := old.created_by;
      if new.location is distinct from old.location
         and not ((select private.is_admin()) or old.prestador_id = v_uid) then
        raise exception 'location_not_allowed'
          using errcode = '42501', hint = 'Só o prestador da sessão ou um administrador podem alterar o local.';
      end if;
    end if;
    -- Who cancelled and when: whoever moved it to cancelled, at that moment.
    if new.status <> 'cancelled' then
      new.cancelled_by := null;
      new.cancelled_at := null;
    elsif tg_op = 'INSERT' or old.status <> 'cancelled' then
      new.cancelled_by := v_uid;
      new.cancelled_at := now();
    else
      new.cancelled_by := old.cancelled_by;
      new.cancelled_at := old.cancelled_at;
    end if;
  elsif tg_table_name = 'call_requests' then
    -- assigned_at is when an especialista took it (assign_call_request sets it as the owner).
    if new.especialista_id is null then
      new.assigned_at := null;
    elsif tg_op = 'INSERT' or new.especialista_id is distinct from old.especialista_id then
      new.assigned_at := now();
    else
      new.assigned_at := old.assigned_at;
    end if;
  elsif tg_table_name = 'notifications' then
    -- Marking as read records when; a second "read" keeps the first moment.
    if new.read_at is not null then
      new.read_at := coalesce(old.read_at, now());
    end if;
  end if;
  return new;
end;
$$;

create trigger companies_server_sets_audit_columns before insert or update on public.companies
  for each row execute function private.server_sets_audit_columns();
create trigger profiles_server_sets_audit_columns before insert or update on public.profiles
  for each row execute function private.server_sets_audit_columns();
-- Runs after bookings_before_insert (triggers fire in name order).
create trigger bookings_server_sets_audit_columns before insert or update on public.bookings
  for each row execute function private.server_sets_audit_columns();
create trigger call_requests_server_sets_audit_columns before insert or update on public.call_requests
  for each row execute function private.server_sets_audit_columns();
create trigger notifications_server_sets_audit_columns before update on public.notifications
  for each row execute function private.server_sets_audit_columns();
-- booking_links: updated_by / updated_at are already stamped by private.stamp_booking_link.

-- ---------------------------------------------------------------------------------------
-- A booking's company is its employee's company; its location is the prestador's or an admin's
-- ---------------------------------------------------------------------------------------
-- The company a booking of this employee belongs to. Through the API an employee without one
-- cannot be booked (a session nobody's company pays for); bulk loads may leave it empty.
create function private.booking_company(p_user_id uuid) returns uuid
language plpgsql stable security definer set search_path = '' as $$
declare
  v_company uuid := (select p.company_id from public.profiles p where p.id = p_user_id);
begin
  if v_company is null and private.api_request() then
    raise exception 'booking_employee_without_company'
      using errcode = '22023',
            hint = 'Este colaborador não está associado a nenhuma empresa. Um administrador tem de indicar a empresa no perfil antes de marcar sessões.';
  end if;
  return v_company;
end;
$$;

create or replace function private.bookings_before_insert() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_uid uuid := (select auth.uid());
begin
  -- Security definer: current_user is the owner here, so ask the JWT who is calling.
  -- Without a JWT (seed, migrations) the given created_by stands.
  new.created_by := coalesce(v_uid, new.created_by);
  -- Always the employee's own company, whoever books (admins included).
  new.company_id := private.booking_company(new.user_id);
  if new.pillar is null then
    new.pillar := (select pr.pillar from public.prestadores pr where pr.id = new.prestador_id);
  end if;
  -- Employees and especialistas do not choose the place: a presencial session is at the
  -- prestador's address (the prestador or an admin may change it later).
  if v_uid is not null and not (select private.is_admin()) and v_uid is distinct from new.prestador_id then
    new.location := null;
  end if;
  if new.meeting_type = 'presencial' and new.location is null then
    new.location := (select pr.address from public.prestadores pr where pr.id = new.prestador_id);
  end if;
  new.created_at := now();
  new.updated_at := now();
  return new;
end;
$$;

-- Moving a booking to another employee (admins only) moves it to that employee's company.
create function private.bookings_company_follows_employee() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.user_id is distinct from old.user_id or new.company_id is distinct from old.company_id then
    new.company_id := private.booking_company(new.user_id);
  end if;
  return new;
end;
$$;
create trigger bookings_company_follows_employee before update on public.bookings
  for each row execute function private.bookings_company_follows_employee();

-- The prestador (or an admin) sets the place of an active presencial session.
create function public.set_session_location(p_booking_id uuid, p_location text)
returns public.bookings
language plpgsql security definer set search_path = '' as $$
declare
  v_booking public.bookings;
  v_location text := btrim(coalesce(p_location, ''));
begin
  select * into v_booking from public.bookings b where b.id = p_booking_id;
  if not found or (select auth.uid()) is null
     or not ((select private.is_admin()) or v_booking.prestador_id = (select auth.uid())) then
    raise exception 'location_not_allowed'
      using errcode = '42501', hint = 'Só o prestador da sessão ou um administrador podem alterar o local.';
  end if;
  if v_booking.meeting_type <> 'presencial' or v_booking.status not in ('pending', 'scheduled') then
    raise exception 'location_not_presencial'
      using errcode = '22023', hint = 'Só uma sessão presencial ativa tem local.';
  end if;
  if not private.has_visible_text(v_location) then
    raise exception 'location_required' using errcode = '22023', hint = 'Indique o local da sessão.';
  end if;
  if char_length(v_location) > 500 then
    raise exception 'location_too_long'
      using errcode = '22023', hint = 'O local pode ter no máximo 500 caracteres.';
  end if;
  update public.bookings b set location = v_location where b.id = p_booking_id
  returning * into v_booking;
  return v_booking;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- profiles.time_zone is a real IANA zone
-- ---------------------------------------------------------------------------------------
-- The zone names of this server's tz database, copied once: looking a name up in
-- pg_timezone_names reads the whole tz directory on every call. posix/ and right/ duplicates
-- and pseudo-zones are left out: browsers (Intl) do not know them.
create table private.time_zones (name text primary key);
insert into private.time_zones (name)
select name from pg_timezone_names
where name !~ '^(posix|right)/' and name not in ('localtime', 'posixrules', 'Factory');
revoke all on private.time_zones from public, anon, authenticated;

create function private.is_time_zone(p_name text) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from private.time_zones z where z.name = p_name)
$$;

create function private.check_profile_time_zone() returns trigger
language plpgsql set search_path = '' as $$
begin
  if not private.is_time_zone(new.time_zone) then
    raise exception 'time_zone_invalid'
      using errcode = '22023',
            detail = format('%s is not a time zone of the IANA database.', new.time_zone),
            hint = 'Escolha um fuso horário válido.';
  end if;
  return new;
end;
$$;

-- Rows written before this rule: an unknown zone broke every booking with that person.
do $$
declare
  v_fixed integer;
begin
  update public.profiles p set time_zone = 'Europe/Lisbon' where not private.is_time_zone(p.time_zone);
  get diagnostics v_fixed = row_count;
  if v_fixed > 0 then
    raise notice 'profiles: % unknown time zone(s) reset to the default zone', v_fixed;
  end if;
end;
$$;

create trigger profiles_time_zone_valid before insert or update of time_zone on public.profiles
  for each row execute function private.check_profile_time_zone();

-- ---------------------------------------------------------------------------------------
-- Names without bidi controls; reasons with visible characters
-- ---------------------------------------------------------------------------------------
alter table public.profiles add constraint profiles_name_visible_without_bidi_controls
  check (private.has_visible_text(name) and not private.has_bidi_control(name));
alter table public.companies add constraint companies_name_visible_without_bidi_controls
  check (private.has_visible_text(name) and not private.has_bidi_control(name));
alter table public.bookings add constraint bookings_cancellation_reason_visible
  check (cancellation_reason is null or private.has_visible_text(cancellation_reason));
alter table public.prestador_blocked_dates add constraint prestador_blocked_dates_reason_visible
  check (reason is null or private.has_visible_text(reason));

-- cancel_booking answers an invisible reason like an empty one (the app shows it on the field).
-- Keeps the rules of 20261129100100_staff_actions: staff give a reason, the employee may leave
-- it empty (stored as null) and may cancel only before the session starts.
create or replace function public.cancel_booking(p_booking_id uuid, p_reason text)
returns public.bookings
language plpgsql security definer set search_path = '' as $$
declare
  v_booking public.bookings := private.booking_for_caller(p_booking_id, true);
  -- The booking's employee acting as such (an admin is staff, whoever the booking is for).
  v_employee boolean := v_booking.user_id = (select auth.uid()) and not (select private.is_admin());
  v_reason text := btrim(coalesce(p_reason, ''));
begin
  if not private.has_visible_text(v_reason) then
    if not v_employee then
      raise exception 'cancel_reason_required'
        using errcode = '22023', hint = 'Indique o motivo do cancelamento.';
    end if;
    v_reason := '';
  end if;
  if char_length(v_reason) > 500 then
    raise exception 'cancel_reason_too_long'
      using errcode = '22023', hint = 'O motivo pode ter no máximo 500 caracteres.';
  end if;
  if v_booking.status not in ('pending', 'scheduled') then
    raise exception 'booking_not_active'
      using errcode = '22023', hint = 'Esta sessão já não está ativa.';
  end if;
  if v_employee and now() >= v_booking.starts_at then
    raise exception 'booking_already_started'
      using errcode = '22023', hint = 'A sessão já começou: já não pode ser cancelada.';
  end if;
  update public.bookings b
  set status = 'cancelled', cancellation_reason = nullif(v_reason, ''),
      cancelled_by = (select auth.uid()), cancelled_at = now()
  where b.id = p_booking_id
  returning * into v_booking;
  return v_booking;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- Privileges: helpers for the roles whose statements reach them, nothing for anon
-- ---------------------------------------------------------------------------------------
revoke all on function private.has_bidi_control(text), private.has_visible_text(text),
  private.client_statement(), private.api_request(), private.server_sets_audit_columns(),
  private.bookings_company_follows_employee(), private.is_time_zone(text),
  private.check_profile_time_zone(), private.booking_company(uuid) from public, anon;
grant execute on function private.has_bidi_control(text), private.has_visible_text(text),
  private.client_statement(), private.api_request(), private.server_sets_audit_columns(),
  private.bookings_company_follows_employee(), private.is_time_zone(text),
  private.check_profile_time_zone(), private.booking_company(uuid) to authenticated, service_role;
revoke all on function public.set_session_location(uuid, text) from public, anon;
grant execute on function public.set_session_location(uuid, text) to authenticated, service_role;
