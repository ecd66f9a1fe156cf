-- Foundation schema: the vocabulary every feature uses.
-- Times are instants (timestamptz), never a date plus a time without a zone.

create extension if not exists btree_gist with schema extensions;

create type public.app_role as enum ('user', 'prestador', 'especialista', 'admin');
create type public.pillar as enum (
  'saude_mental', 'bem_estar_fisico', 'assistencia_financeira', 'assistencia_juridica'
);
create type public.meeting_type as enum ('virtual', 'phone', 'presencial');
create type public.booking_status as enum ('pending', 'scheduled', 'completed', 'cancelled');
create type public.booking_source as enum ('direct', 'admin_manual', 'specialist_referral');
create type public.call_request_status as enum ('open', 'assigned', 'closed');

create schema if not exists private;
comment on schema private is
  'Helpers for policies and triggers. Not exposed through the API (not in PostgREST db-schemas).';

create table public.companies (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (char_length(name) between 1 and 200),
  address text check (char_length(address) <= 500),
  created_at timestamptz not null default now()
);

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  role public.app_role not null default 'user',
  name text not null check (char_length(name) between 1 and 200),
  email text not null check (char_length(email) <= 320),
  company_id uuid references public.companies (id) on delete set null,
  phone text check (char_length(phone) <= 40),
  time_zone text not null default 'Europe/Lisbon' check (char_length(time_zone) <= 64),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on column public.profiles.role is 'user = employee (colaborador).';

-- The provider directory. A prestador's id is their profile id, so "am I the prestador
-- of this booking" is a plain comparison with auth.uid() in policies.
create table public.prestadores (
  id uuid primary key references public.profiles (id) on delete cascade,
  pillar public.pillar not null,
  specialty text not null check (char_length(specialty) between 1 and 200),
  session_minutes integer not null default 50 check (session_minutes between 15 and 240),
  address text check (char_length(address) <= 500),
  active boolean not null default true
);

create table public.bookings (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null,
  prestador_id uuid not null,
  company_id uuid,
  pillar public.pillar not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  meeting_type public.meeting_type not null,
  status public.booking_status not null default 'scheduled',
  location text check (char_length(location) <= 500),
  cancellation_reason text check (char_length(cancellation_reason) <= 500),
  cancelled_by uuid,
  cancelled_at timestamptz,
  booking_source public.booking_source not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint bookings_user_id_fkey foreign key (user_id) references public.profiles (id),
  constraint bookings_prestador_id_fkey foreign key (prestador_id) references public.prestadores (id),
  constraint bookings_company_id_fkey foreign key (company_id) references public.companies (id),
  constraint bookings_cancelled_by_fkey foreign key (cancelled_by) references public.profiles (id),
  constraint bookings_created_by_fkey foreign key (created_by) references public.profiles (id),
  constraint bookings_ends_after_start check (ends_at > starts_at),
  constraint bookings_max_length check (ends_at - starts_at <= interval '8 hours'),
  constraint bookings_cancel_reason_when_cancelled
    check (status <> 'cancelled' or cancellation_reason is not null),
  -- Two non-cancelled sessions of one prestador never overlap: the database, not the
  -- browser, decides who gets the last slot when two people book at once.
  constraint bookings_no_overlap_per_prestador exclude using gist (
    prestador_id with =,
    tstzrange(starts_at, ends_at, '[)') with &&
  ) where (status <> 'cancelled')
);

create table public.call_requests (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null,
  pillar public.pillar not null,
  notes text not null default '' check (char_length(notes) <= 2000),
  status public.call_request_status not null default 'open',
  especialista_id uuid,
  booking_id uuid unique,
  created_at timestamptz not null default now(),
  assigned_at timestamptz,
  constraint call_requests_user_id_fkey foreign key (user_id) references public.profiles (id),
  constraint call_requests_especialista_id_fkey
    foreign key (especialista_id) references public.profiles (id),
  constraint call_requests_booking_id_fkey foreign key (booking_id) references public.bookings (id),
  constraint call_requests_assignment_consistent
    check ((status = 'open') = (especialista_id is null))
);

-- Indexes on every column a policy or a list filters on.
create index profiles_company_id_idx on public.profiles (company_id);
create index profiles_role_idx on public.profiles (role);
create index prestadores_pillar_idx on public.prestadores (pillar) where active;
create index bookings_user_id_starts_at_idx on public.bookings (user_id, starts_at);
create index bookings_prestador_id_starts_at_idx on public.bookings (prestador_id, starts_at);
create index bookings_company_id_starts_at_idx on public.bookings (company_id, starts_at);
create index bookings_starts_at_idx on public.bookings (starts_at);
create index call_requests_user_id_idx on public.call_requests (user_id);
create index call_requests_especialista_id_idx on public.call_requests (especialista_id);
create index call_requests_open_queue_idx on public.call_requests (created_at) where status = 'open';

-- updated_at is the server's clock, whatever the client sends.
create function private.touch_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

create trigger profiles_touch_updated_at before update on public.profiles
  for each row execute function private.touch_updated_at();
create trigger bookings_touch_updated_at before update on public.bookings
  for each row execute function private.touch_updated_at();

-- A signed-up auth user gets a profile. The role comes from app_metadata, which only the
-- service role can set (user_metadata is user-editable and never trusted for roles).
create function private.handle_new_auth_user() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.profiles (id, role, name, email)
  values (
    new.id,
    coalesce((new.raw_app_meta_data ->> 'app_role')::public.app_role, 'user'),
    coalesce(nullif(new.raw_user_meta_data ->> 'name', ''), split_part(new.email, '@', 1)),
    new.email
  )
  on conflict (id) do nothing;
  return new;
end;
$$;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function private.handle_new_auth_user();
