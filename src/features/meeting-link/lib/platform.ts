// Which video platform a meeting link points to, decided from the parsed hostname only.
//
// Matching is exact-host or "dot + domain" suffix, never substring/prefix, so lookalikes
// such as zoom.us.evil.com, evilzoom.us, zoom-us.com or meet.google.com.evil.io are
// "other". The label is a hint for people, not a trust decision.

export type PlatformId = 'zoom' | 'google_meet' | 'teams' | 'jitsi' | 'whereby' | 'webex' | 'other'

export type Platform = { id: PlatformId; label: string }

export const PLATFORMS = {
  zoom: { id: 'zoom', label: 'Zoom' },
  google_meet: { id: 'google_meet', label: 'Google Meet' },
  teams: { id: 'teams', label: 'Microsoft Teams' },
  jitsi: { id: 'jitsi', label: 'Jitsi Meet' },
  whereby: { id: 'whereby', label: 'Whereby' },
  webex: { id: 'webex', label: 'Webex' },
  other: { id: 'other', label: 'Outra plataforma' },
} as const satisfies Record<PlatformId, Platform>

type HostRule = { id: Exclude<PlatformId, 'other'>; host: string; subdomains: boolean }

const HOST_RULES: readonly HostRule[] = [
  // Zoom serves meetings from per-cluster subdomains (us02web.zoom.us, ...).
  { id: 'zoom', host: 'zoom.us', subdomains: true },
  // google.com hosts countless other services: only the Meet host itself counts.
  { id: 'google_meet', host: 'meet.google.com', subdomains: false },
  { id: 'teams', host: 'teams.microsoft.com', subdomains: false },
  { id: 'teams', host: 'teams.live.com', subdomains: false },
  { id: 'jitsi', host: 'meet.jit.si', subdomains: false },
  // Whereby and Webex give each organisation its own subdomain.
  { id: 'whereby', host: 'whereby.com', subdomains: true },
  { id: 'webex', host: 'webex.com', subdomains: true },
]

/** Platform for an already-parsed, lowercase hostname (as `URL#hostname` gives it). */
export function platformForHostname(hostname: string): Platform {
  const host = hostname.toLowerCase()
  for (const rule of HOST_RULES) {
    if (host === rule.host || (rule.subdomains && host.endsWith(`.${rule.host}`))) {
      return PLATFORMS[rule.id]
    }
  }
  return PLATFORMS.other
}

/** Platform of a URL string; anything that does not parse as a URL is "other". */
export function detectPlatform(url: string): Platform {
  let hostname: string
  try {
    hostname = new URL(url).hostname
  } catch {
    return PLATFORMS.other
  }
  return platformForHostname(hostname)
}
