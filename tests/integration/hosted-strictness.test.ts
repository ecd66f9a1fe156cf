// The local database is as strict as a hosted Supabase project where a migration could touch it
// (supabase/local/bootstrap.sql): a migration that hosted refuses must fail here too, not on deploy.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrate, withScratchDatabase } from '../../supabase/local/migrate'
import { serviceClient, stack } from './support/clients'
import { failureOf, withDb } from './support/db'
import { PEOPLE } from './support/seed'

// What hosted forbids the migration role: auth belongs to supabase_admin (schema) and
// supabase_auth_admin (tables, functions); postgres has USAGE and DML only.
const FORBIDDEN: [string, string][] = [
  ['add a column to auth.users', 'alter table auth.users add column x int'],
  ['comment on auth.users', `comment on table auth.users is 'x'`],
  ['index auth.users', 'create index probe_idx on auth.users (email)'],
  ['add a policy to auth.users', 'create policy probe on auth.users for select using (true)'],
  ['enable RLS on auth.users', 'alter table auth.users enable row level security'],
  ['replace auth.uid()', `create or replace function auth.uid() returns uuid language sql stable as $$ select null::uuid $$`],
  ['create a table in auth', 'create table auth.probe (id int)'],
  ['create a function in auth', `create function auth.probe() returns int language sql as $$ select 1 $$`],
]

describe('hosted strictness: what a migration may not do', () => {
  it('postgres (the migration role) is not a superuser and does not own auth', async () => {
    const row = await withDb('postgres', async (c) => {
      const { rows } = await c.query(`
        select r.rolsuper, r.rolbypassrls,
               (select nspowner::regrole::text from pg_namespace where nspname = 'auth') as auth_owner,
               (select relowner::regrole::text from pg_class where oid = 'auth.users'::regclass) as users_owner,
               (select proowner::regrole::text from pg_proc where oid = 'auth.uid()'::regprocedure) as uid_owner,
               has_schema_privilege('auth', 'usage') as auth_usage,
               has_schema_privilege('auth', 'create') as auth_create,
               pg_has_role('supabase_auth_admin', 'member') as auth_admin_member
          from pg_roles r where r.rolname = current_user`)
      return rows[0]
    })
    expect(row).toEqual({
      rolsuper: false,
      rolbypassrls: true,
      auth_owner: 'supabase_admin',
      users_owner: 'supabase_auth_admin',
      uid_owner: 'supabase_auth_admin',
      auth_usage: true,
      auth_create: false,
      auth_admin_member: false,
    })
  })

  it.each(FORBIDDEN)('a migration may not %s', async (_what, sql) => {
    const failure = await withDb('postgres', (c) => failureOf(c, sql))
    expect(failure?.code).toBe('42501') // insufficient_privilege / must be owner
  })

  it('what the migrations need on auth.users is allowed (trigger, foreign key, DML)', async () => {
    const failures = await withDb('postgres', async (c) => [
      await failureOf(
        c,
        `create function public.probe_trigger() returns trigger language plpgsql as $$ begin return new; end $$;
         create trigger probe after insert on auth.users for each row execute function public.probe_trigger()`,
      ),
      await failureOf(c, 'create table public.probe (user_id uuid references auth.users (id))'),
      await failureOf(c, `update auth.users set updated_at = updated_at where id = '${PEOPLE.joao.id}'`),
    ])
    expect(failures).toEqual([undefined, undefined, undefined])
  })

  it('the migration runner refuses a migration that hosted would refuse', { timeout: 60_000 }, async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'encontro-probe-'))
    try {
      await fs.writeFile(path.join(dir, '20990101000000_probe.sql'), 'alter table auth.users add column x int;\n')
      const result = await withScratchDatabase(stack().dbUrl, (url) =>
        migrate({ dbUrl: url, seed: false, migrationsDir: dir }).then(
          () => 'applied',
          (err: Error) => err.message,
        ),
      )
      expect(result).toMatch(/migration 20990101000000_probe\.sql failed: must be owner of table users/)
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })

  it('the auth tokens columns have no default, as in Supabase Auth', async () => {
    const defaults = await withDb('superuser', async (c) => {
      const { rows } = await c.query<{ column_name: string; column_default: string | null }>(
        `select column_name, column_default from information_schema.columns
          where table_schema = 'auth' and table_name = 'users'
            and column_name in ('confirmation_token', 'recovery_token', 'email_change_token_new', 'email_change')
          order by column_name`,
      )
      return rows
    })
    expect(defaults).toEqual([
      { column_name: 'confirmation_token', column_default: null },
      { column_name: 'email_change', column_default: null },
      { column_name: 'email_change_token_new', column_default: null },
      { column_name: 'recovery_token', column_default: null },
    ])
  })

  it('authenticator has hosted statement and lock timeouts (8 s)', async () => {
    const config = await withDb('superuser', async (c) => {
      const { rows } = await c.query<{ rolconfig: string[] }>(`select rolconfig from pg_roles where rolname = 'authenticator'`)
      return rows[0]!.rolconfig
    })
    expect(config).toEqual(expect.arrayContaining(['statement_timeout=8s', 'lock_timeout=8s']))
  })

  it('the auth service writes as supabase_auth_admin; the trigger on auth.users still makes the profile', async () => {
    const rights = await withDb('superuser', async (c) => {
      const { rows } = await c.query(`
        select has_table_privilege('supabase_auth_admin', 'public.profiles', 'insert') as profiles_insert,
               has_schema_privilege('supabase_auth_admin', 'private', 'usage') as private_usage`)
      return rows[0]
    })
    expect(rights).toEqual({ profiles_insert: false, private_usage: false })

    const service = serviceClient()
    const email = `strict-${Date.now()}@encontro.test`
    const { data, error } = await service.auth.admin.createUser({ email, password: 'strict-password-1', email_confirm: true })
    expect(error).toBeNull()
    try {
      // Besides this test's own connection: PostgREST (authenticator) and the auth service.
      const roles = await withDb('superuser', async (c) => {
        const { rows } = await c.query<{ usename: string }>(
          `select distinct usename from pg_stat_activity
            where backend_type = 'client backend' and pid <> pg_backend_pid() order by usename`,
        )
        return rows.map((r) => r.usename)
      })
      expect(roles).toEqual(['authenticator', 'supabase_auth_admin'])
      const profile = await service.from('profiles').select('email').eq('id', data.user!.id).single()
      expect(profile.data).toEqual({ email })
    } finally {
      await service.auth.admin.deleteUser(data.user!.id)
    }
  })
})
