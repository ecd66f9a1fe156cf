// Direct Postgres connections to the test stack, for what only the database itself can show
// (roles, ownership, the migration history). Security answers still go through the API.
import pg from 'pg'
import { ownerUrl } from '../../../supabase/local/postgres'
import { stack } from './clients'

/** Runs fn on a connection as `postgres` (the non-superuser that runs migrations) or as the superuser. */
export async function withDb<T>(as: 'postgres' | 'superuser', fn: (c: pg.Client) => Promise<T>, url = stack().dbUrl): Promise<T> {
  const client = new pg.Client({ connectionString: as === 'postgres' ? ownerUrl(url) : url })
  client.on('error', () => {})
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** The error a statement fails with, inside a transaction that is rolled back either way. */
export async function failureOf(c: pg.Client, sql: string): Promise<{ code?: string; message: string } | undefined> {
  await c.query('begin')
  try {
    await c.query(sql)
    return undefined
  } catch (err) {
    return err as { code?: string; message: string }
  } finally {
    await c.query('rollback')
  }
}
