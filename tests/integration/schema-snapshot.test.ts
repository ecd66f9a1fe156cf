// supabase/schema/current.sql is generated (npm run db:snapshot): the SQL in force after every
// migration, in one place. A migration without a regenerated snapshot fails here.
import fs from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { withScratchDatabase } from '../../supabase/local/migrate'
import { SCHEMA_SNAPSHOT_FILE, schemaSnapshot } from '../../supabase/local/schema-snapshot'
import { stack } from './support/clients'

describe('schema snapshot', () => {
  it('supabase/schema/current.sql matches the migrations (run `npm run db:snapshot` if not)', { timeout: 60_000 }, async () => {
    const generated = await withScratchDatabase(stack().dbUrl, schemaSnapshot)
    const committed = await fs.readFile(SCHEMA_SNAPSHOT_FILE, 'utf8')
    expect(committed).toBe(generated)
  })

  it('holds every policy and the link-window rule', async () => {
    const committed = await fs.readFile(SCHEMA_SNAPSHOT_FILE, 'utf8')
    expect(committed).toMatch(/create policy "[^"]+" on public\.booking_links/)
    expect(committed).toMatch(/CREATE OR REPLACE FUNCTION public\.save_meeting_link/)
  })
})
