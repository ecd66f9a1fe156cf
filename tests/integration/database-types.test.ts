// src/lib/database.types.ts is generated (npm run db:types): it must be exactly what Supabase's
// generator makes of the migrations, so a migration without regenerated types fails here.
import fs from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { withScratchDatabase } from '../../supabase/local/migrate'
import { DATABASE_TYPES_FILE, generateDatabaseTypes } from '../../supabase/local/typegen'
import { stack } from './support/clients'

describe('generated database types', () => {
  it('src/lib/database.types.ts matches the migrations (run `npm run db:types` if not)', { timeout: 60_000 }, async () => {
    const generated = await withScratchDatabase(stack().dbUrl, generateDatabaseTypes)
    const committed = await fs.readFile(DATABASE_TYPES_FILE, 'utf8')
    expect(committed).toBe(generated)
  })
})
