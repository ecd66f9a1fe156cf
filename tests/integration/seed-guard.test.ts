// supabase/seed.sql creates demo users with a public password: it must refuse a database that
// is not marked as a development one, so `supabase db push --include-seed` against production fails safe.
import { describe, expect, it } from 'vitest'
import { supabaseCli } from '../../supabase/local/supabase-cli'
import { withScratchDatabase } from '../../supabase/local/migrate'
import { stack } from './support/clients'
import { withDb } from './support/db'

const users = (url: string) =>
  withDb('superuser', async (c) => Number((await c.query('select count(*) as n from auth.users')).rows[0].n), url)

describe('seed guard', () => {
  it('db push --include-seed fails without the development marker and seeds with it', { timeout: 120_000 }, async () => {
    await withScratchDatabase(stack().dbUrl, async (url) => {
      // The scratch database is migrated (not seeded); take away what the local bootstrap marks it with.
      await withDb('superuser', (c) => c.query('drop schema development_database'), url)
      const refused = await supabaseCli(['db', 'push', '--include-seed'], url).then(
        () => 'seeded',
        (err: Error) => err.message,
      )
      expect(refused).toMatch(/seed\.sql refused: this database is not marked as a development database/)
      expect(await users(url)).toBe(0)

      await withDb('postgres', (c) => c.query('create schema development_database'), url)
      await supabaseCli(['db', 'push', '--include-seed'], url)
      expect(await users(url)).toBe(6)
    })
  })
})
