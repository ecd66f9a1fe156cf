import { supabase } from '@/lib/supabase'
import type { Profile } from '../types'

export const authKeys = {
  all: ['auth'] as const,
  profiles: () => [...authKeys.all, 'profile'] as const,
  profile: (userId: string) => [...authKeys.profiles(), userId] as const,
}

export const PROFILE_COLUMNS = 'id, role, name, email, company_id, time_zone' as const

/** The profile row of `userId`, or null when there is none (RLS hides it or it was never created). */
export async function fetchProfile(userId: string): Promise<Profile | null> {
  const { data, error } = await supabase.from('profiles').select(PROFILE_COLUMNS).eq('id', userId).maybeSingle()
  if (error) throw error
  return data
}
