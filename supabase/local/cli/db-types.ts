/**
 * `npm run db:types`: regenerate src/lib/database.types.ts from supabase/migrations in a
 * throwaway local database (no running stack needed), with Supabase's type generator.
 */
import { DATABASE_TYPES_FILE, databaseTypesFromMigrations } from '../typegen.ts'
import { writeGenerated } from './common.ts'

await writeGenerated('db:types', DATABASE_TYPES_FILE, databaseTypesFromMigrations)
