-- Meeting links: saved by the booking's prestador, the case's especialista or an admin;
-- shown to the employee only from 5 minutes before the start until the end.
--
-- The link has its own table because RLS filters rows, not columns: the employee's policy
-- on this table carries the time window, so a direct /rest/v1 call cannot read the link
-- early (a prestador's personal room reused across sessions never leaks to the next client
-- ahead of time) or after the session. Staff always read it.

create table public.booking_links (
  booking_id uuid primary key,
  meeting_link text,
  updated_by uuid,
  updated_at timestamptz not null default now(),
  constraint booking_links_booking_id_fkey
    foreign key (booking_id) references public.bookings (id) on delete cascade,
  constraint booking_links_updated_by_fkey
    foreign key (updated_by) references public.profiles (id) on delete set null,
  -- Same rule as parseMeetingLink in the app: https only, a host of letters, digits, dots and
  -- hyphens (no credentials: no '@' before the path), no whitespace or control characters,
  -- at most 2048 characters. The app is friendlier; this is what holds when it is bypassed.
  constraint booking_links_meeting_link_https check (
    meeting_link is null
    or (
      char_length(meeting_link) <= 2048
      and meeting_link ~ '^https://[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+(:[0-9]{1,5})?([/?#][^[:space:][:cntrl:]\\]*)?$'
    )
  )
);
create index booking_links_updated_by_idx on public.booking_links (updated_by);

comment on table public.booking_links is
  'One meeting link per virtual booking, with who changed it last and when (set by trigger).';

-- The window in which the employee may read the link. Kept in one place; the app mirrors
-- it in linkWindow() (src/features/meeting-link/lib/link-window.ts).
create function private.link_window_open(p_starts_at timestamptz, p_ends_at timestamptz)
returns boolean
language sql stable set search_path = '' as $$
  select now() >= p_starts_at - interval '5 minutes' and now() < p_ends_at
$$;

-- Who may change a booking's link: its prestador, the especialista holding its call
-- request, or an admin; only while the booking is virtual and not cancelled.
create function private.can_edit_link(p_booking_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.bookings b
    where b.id = p_booking_id
      and b.meeting_type = 'virtual'
      and (
        (select private.is_admin())
        or (
          b.status in ('pending', 'scheduled')
          and (
            b.prestador_id = (select auth.uid())
            or b.id = any ((select private.case_booking_ids())::uuid[])
          )
        )
      )
  )
$$;

revoke all on function private.link_window_open(timestamptz, timestamptz) from public, anon;
revoke all on function private.can_edit_link(uuid) from public, anon;
grant execute on function private.link_window_open(timestamptz, timestamptz) to authenticated, service_role;
grant execute on function private.can_edit_link(uuid) to authenticated, service_role;

alter table public.booking_links enable row level security;
revoke all on public.booking_links from anon;

create policy "staff always, employees inside the window, read meeting links"
  on public.booking_links
  for select to authenticated
  using (
    exists (
      select 1 from public.bookings b
      where b.id = booking_id
        and (
          b.prestador_id = (select auth.uid())
          or (select private.is_admin())
          or b.id = any ((select private.case_booking_ids())::uuid[])
          or (
            b.user_id = (select auth.uid())
            and b.meeting_type = 'virtual'
            and b.status in ('pending', 'scheduled')
            and private.link_window_open(b.starts_at, b.ends_at)
          )
        )
    )
  );
create policy "prestador, case especialista and admins insert meeting links"
  on public.booking_links
  for insert to authenticated
  with check (private.can_edit_link(booking_id));
create policy "prestador, case especialista and admins update meeting links"
  on public.booking_links
  for update to authenticated
  using (private.can_edit_link(booking_id))
  with check (private.can_edit_link(booking_id));
create policy "admins delete meeting links" on public.booking_links
  for delete to authenticated using ((select private.is_admin()));

-- Audit: who changed the link and when is the server's word, never the client's.
create function private.stamp_booking_link() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'UPDATE' and new.booking_id is distinct from old.booking_id then
    raise exception 'booking_link_booking_not_editable' using errcode = '42501';
  end if;
  new.meeting_link := nullif(btrim(new.meeting_link), '');
  new.updated_by := coalesce((select auth.uid()), new.updated_by);
  -- clock_timestamp, not now(): two saves in one transaction still get distinct versions.
  new.updated_at := clock_timestamp();
  return new;
end;
$$;
create trigger booking_links_stamp before insert or update on public.booking_links
  for each row execute function private.stamp_booking_link();

-- Save (or clear, with null) a link, refusing to overwrite a change the caller has not seen.
-- p_expected_updated_at is the updated_at of the row the caller last read (null when it saw
-- no link). A stale save raises PT409 (PostgREST answers HTTP 409) with the current row as
-- JSON in `details`, so the app can show "O link foi alterado por outra pessoa" and the value.
-- Runs as the caller: the policies above decide who may write.
create function public.save_meeting_link(
  p_booking_id uuid,
  p_meeting_link text,
  p_expected_updated_at timestamptz default null
) returns public.booking_links
language plpgsql security invoker set search_path = '' as $$
declare
  v_current public.booking_links;
begin
  if not private.can_edit_link(p_booking_id) then
    raise exception 'meeting_link_not_allowed'
      using errcode = '42501',
            hint = 'Só o prestador da sessão, a especialista do caso ou um administrador podem alterar o link de uma sessão virtual ativa.';
  end if;

  select * into v_current from public.booking_links l
  where l.booking_id = p_booking_id
  for update;

  if found then
    if v_current.updated_at is distinct from p_expected_updated_at then
      raise exception 'stale_meeting_link'
        using errcode = 'PT409', detail = row_to_json(v_current)::text,
              hint = 'O link foi alterado por outra pessoa.';
    end if;
    update public.booking_links l set meeting_link = p_meeting_link
    where l.booking_id = p_booking_id
    returning * into v_current;
  else
    if p_expected_updated_at is not null then
      raise exception 'stale_meeting_link'
        using errcode = 'PT409', detail = 'null', hint = 'O link foi alterado por outra pessoa.';
    end if;
    insert into public.booking_links (booking_id, meeting_link)
    values (p_booking_id, p_meeting_link)
    on conflict (booking_id) do nothing
    returning * into v_current;
    if v_current.booking_id is null then
      -- Someone else inserted between our read and our write.
      select * into v_current from public.booking_links l where l.booking_id = p_booking_id;
      raise exception 'stale_meeting_link'
        using errcode = 'PT409', detail = row_to_json(v_current)::text,
              hint = 'O link foi alterado por outra pessoa.';
    end if;
  end if;
  return v_current;
end;
$$;

revoke all on function public.save_meeting_link(uuid, text, timestamptz) from public, anon;
grant execute on function public.save_meeting_link(uuid, text, timestamptz) to authenticated, service_role;
