/**
 * `npm run db:snapshot`: write supabase/schema/current.sql, the policies, functions, triggers,
 * constraints and grants in force after every migration, from a throwaway local database.
 */
import { SCHEMA_SNAPSHOT_FILE, schemaSnapshotFromMigrations } from '../schema-snapshot.ts'
import { writeGenerated } from './common.ts'

await writeGenerated('db:snapshot', SCHEMA_SNAPSHOT_FILE, schemaSnapshotFromMigrations)
