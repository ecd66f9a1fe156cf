import type { Enums, Tables } from '@/lib/database.types'

export type AppRole = Enums<'app_role'>

/** The signed-in person's own profile, as the app needs it. */
export type Profile = Pick<Tables<'profiles'>, 'id' | 'role' | 'name' | 'email' | 'company_id' | 'time_zone'>
