import { supabase } from '@/lib/supabase'

export const meetingLinkKeys = {
  all: ['meeting-link'] as const,
  /** Display name of whoever changed a link last (`booking_links.updated_by`). */
  profileName: (profileId: string) => [...meetingLinkKeys.all, 'profile-name', profileId] as const,
}

/**
 * Name of a staff profile (prestador, especialista, admin), or null when the row is not
 * readable (RLS) or no longer exists. Throws on request failures so the query can retry.
 */
export async function fetchProfileName(profileId: string): Promise<string | null> {
  const { data, error } = await supabase.from('profiles').select('name').eq('id', profileId).maybeSingle()
  if (error) throw error
  return data?.name ?? null
}
