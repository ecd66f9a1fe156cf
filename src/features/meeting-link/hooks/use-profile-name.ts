import { useQuery } from '@tanstack/react-query'
import { fetchProfileName, meetingLinkKeys } from '../api/profile-name'

/** Name of a staff profile (who changed a link last); data is null when unknown/not readable. */
export function useProfileName(profileId: string | null) {
  return useQuery({
    queryKey: meetingLinkKeys.profileName(profileId ?? ''),
    queryFn: () => fetchProfileName(profileId ?? ''),
    enabled: profileId !== null,
    // Names rarely change; one request per person per page view is plenty.
    staleTime: 10 * 60_000,
  })
}
