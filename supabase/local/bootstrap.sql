-- =============================================================================
-- LOCAL STACK ONLY. Applied as the cluster's superuser `supabase_admin` before the
-- migrations on every start of the local stack. It recreates what a hosted Supabase
-- project already has, with hosted's ownership and privileges (supabase/postgres
-- init scripts and migrations, Supabase Auth's schema), so that a migration that
-- hosted would refuse fails here too. The migrations and the seed then run as the
-- NON-superuser `postgres`, as `supabase db push` does on hosted; the auth service
-- writes as `supabase_auth_admin`. What still differs: docs/hosted-differences.md.
-- Everything here is idempotent.
-- Never apply this file to a hosted project.
-- =============================================================================

-- ---------------------------------------------------------------- roles -------
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin login noinherit createrole noreplication;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'postgres') then
    create role postgres login;
  end if;
end
$$;

-- Hosted's `postgres` after its demotion: not a superuser (supabase/postgres
-- migration demote-postgres), member of the API roles with admin option.
alter role postgres with login nosuperuser createdb createrole replication bypassrls;
grant anon, authenticated, service_role, authenticator to postgres with admin option;
-- Hosted revoked supabase_auth_admin from postgres (2025): postgres cannot act as the auth owner.
do $$
begin
  if pg_has_role('postgres', 'supabase_auth_admin', 'member') then
    revoke supabase_auth_admin from postgres;
  end if;
end
$$;

alter role service_role bypassrls;
-- Hosted since 2023 (supabase/postgres 20230529180330): the API roles inherit.
alter role anon inherit;
alter role authenticated inherit;
alter role service_role inherit;
alter role supabase_auth_admin with login noinherit createrole noreplication;
alter role supabase_auth_admin set search_path = auth;
-- Local-only passwords (the connection strings live in supabase/local/keys.ts).
alter role postgres with password 'postgres';
alter role authenticator with login noinherit password 'authenticator-local-only';
alter role supabase_auth_admin with password 'auth-admin-local-only';
grant anon, authenticated, service_role to authenticator;

-- Hosted Supabase per-role timeouts.
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';

-- Hosted Supabase: the postgres role sees the extensions schema unqualified
-- (seeds commonly call crypt()/gen_salt() without a schema).
alter role postgres set search_path = "$user", public, extensions;

-- Hosted: postgres may create schemas (and trusted extensions) in the database.
do $$
begin
  execute format('grant all on database %I to postgres', current_database());
end
$$;

-- Development marker: supabase/seed.sql refuses to run in a database without this schema,
-- so `supabase db push --include-seed` against a production project fails safe.
create schema if not exists development_database authorization supabase_admin;
comment on schema development_database is
  'Marks a local/development database: supabase/seed.sql (demo users with a public password) may run here.';

-- ----------------------------------------------------------- extensions -------
create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
-- Hosted: postgres has ALL on the extensions schema and its objects (creates extensions there).
grant all on schema extensions to postgres;
grant all on all tables in schema extensions to postgres with grant option;
grant all on all routines in schema extensions to postgres with grant option;
grant all on all sequences in schema extensions to postgres with grant option;
-- Local only: the local auth service hashes passwords with pgcrypto (Supabase Auth does it in Go).
grant usage on schema extensions to supabase_auth_admin;

-- ---------------------------------------------------------- public schema -----
grant usage on schema public to postgres, anon, authenticated, service_role;
-- The migrations create their tables in public as postgres.
grant all on schema public to postgres;
alter default privileges in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to postgres, anon, authenticated, service_role;
-- Objects the migrations create (as postgres) get the same API-role grants as on hosted.
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;

-- ----------------------------------------------------------- auth schema ------
-- A subset of GoTrue's schema: the tables/columns seeds and triggers commonly use.
-- Ownership as hosted: the schema belongs to supabase_admin, its tables and functions to
-- supabase_auth_admin; postgres has USAGE (no CREATE) and DML on the tables, so a migration
-- cannot alter, comment on, index or add policies to auth.users, nor replace auth.uid().
create schema if not exists auth authorization supabase_admin;
alter schema auth owner to supabase_admin;
grant usage on schema auth to anon, authenticated, service_role;
grant all on schema auth to supabase_auth_admin;

create table if not exists auth.users (
  instance_id uuid null,
  id uuid not null primary key,
  aud varchar(255) null,
  role varchar(255) null,
  email varchar(255) null,
  encrypted_password varchar(255) null,
  email_confirmed_at timestamptz null,
  invited_at timestamptz null,
  confirmation_token varchar(255) null,
  confirmation_sent_at timestamptz null,
  recovery_token varchar(255) null,
  recovery_sent_at timestamptz null,
  email_change_token_new varchar(255) null,
  email_change varchar(255) null,
  email_change_sent_at timestamptz null,
  last_sign_in_at timestamptz null,
  raw_app_meta_data jsonb null,
  raw_user_meta_data jsonb null,
  is_super_admin bool null,
  created_at timestamptz null,
  updated_at timestamptz null,
  phone text null unique default null,
  phone_confirmed_at timestamptz null,
  phone_change text null default '',
  phone_change_token varchar(255) null default '',
  phone_change_sent_at timestamptz null,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) null default '',
  email_change_confirm_status smallint null default 0
    check (email_change_confirm_status >= 0 and email_change_confirm_status <= 2),
  banned_until timestamptz null,
  reauthentication_token varchar(255) null default '',
  reauthentication_sent_at timestamptz null,
  is_sso_user boolean not null default false,
  deleted_at timestamptz null,
  is_anonymous boolean not null default false
);
create unique index if not exists users_email_partial_key on auth.users (email) where (is_sso_user = false);
create index if not exists users_instance_id_email_idx on auth.users (instance_id, lower(email));
create index if not exists users_instance_id_idx on auth.users (instance_id);

create table if not exists auth.identities (
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz null,
  created_at timestamptz null,
  updated_at timestamptz null,
  email text generated always as (lower(identity_data ->> 'email')) stored,
  id uuid not null default gen_random_uuid() primary key,
  constraint identities_provider_id_provider_unique unique (provider_id, provider)
);
create index if not exists identities_user_id_idx on auth.identities (user_id);
create index if not exists identities_email_idx on auth.identities (email text_pattern_ops);

create table if not exists auth.sessions (
  id uuid not null primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz null,
  updated_at timestamptz null,
  factor_id uuid null,
  aal text null,
  not_after timestamptz null,
  refreshed_at timestamp null,
  user_agent text null,
  ip inet null,
  tag text null
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);
create index if not exists sessions_not_after_idx on auth.sessions (not_after desc);

create table if not exists auth.refresh_tokens (
  instance_id uuid null,
  id bigserial primary key,
  token varchar(255) null unique,
  user_id varchar(255) null,
  revoked bool null,
  created_at timestamptz null,
  updated_at timestamptz null,
  parent varchar(255) null,
  session_id uuid null references auth.sessions (id) on delete cascade
);
create index if not exists refresh_tokens_instance_id_user_id_idx on auth.refresh_tokens (instance_id, user_id);
create index if not exists refresh_tokens_parent_idx on auth.refresh_tokens (parent);
create index if not exists refresh_tokens_session_id_revoked_idx on auth.refresh_tokens (session_id, revoked);

create table if not exists auth.audit_log_entries (
  instance_id uuid null,
  id uuid not null primary key,
  payload json null,
  created_at timestamptz null,
  ip_address varchar(64) not null default ''
);

-- Exactly as Supabase defines them (GoTrue migration 20220224000811).
create or replace function auth.uid() returns uuid
language sql stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select
  coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select
    coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
    )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to anon, authenticated, service_role;

-- Supabase Auth leaves these four without a default (the others default to ''): whoever
-- inserts a user must set them, as Supabase Auth does (a NULL here breaks its sign-in).
-- (Drops the defaults of databases bootstrapped before this was strict.)
alter table auth.users alter column confirmation_token drop default;
alter table auth.users alter column recovery_token drop default;
alter table auth.users alter column email_change_token_new drop default;
alter table auth.users alter column email_change drop default;

do $$
declare
  r record;
begin
  for r in select c.oid::regclass as rel from pg_class c
            where c.relnamespace = 'auth'::regnamespace and c.relkind in ('r', 'p')
  loop
    execute format('alter table %s owner to supabase_auth_admin', r.rel);
  end loop;
  for r in select p.oid::regprocedure as fn from pg_proc p where p.pronamespace = 'auth'::regnamespace
  loop
    execute format('alter function %s owner to supabase_auth_admin', r.fn);
  end loop;
end
$$;
-- Hosted (demote-postgres, then 2025's revoke of CREATE on auth): DML and triggers/references
-- on the auth tables, EXECUTE on its functions, USAGE only on the schema.
grant all on all tables in schema auth to postgres;
grant all on all sequences in schema auth to postgres;
grant all on all routines in schema auth to postgres;
revoke create on schema auth from postgres;
