import { describe, expect, it } from 'vitest'
import { detectPlatform, platformForHostname, type PlatformId } from './platform'

describe('detectPlatform', () => {
  it.each<[string, PlatformId, string]>([
    ['https://zoom.us/j/1', 'zoom', 'Zoom'],
    ['https://us02web.zoom.us/j/1', 'zoom', 'Zoom'],
    ['https://meet.google.com/abc-defg-hij', 'google_meet', 'Google Meet'],
    ['https://teams.microsoft.com/l/meetup-join/x', 'teams', 'Microsoft Teams'],
    ['https://teams.live.com/meet/1', 'teams', 'Microsoft Teams'],
    ['https://meet.jit.si/sala', 'jitsi', 'Jitsi Meet'],
    ['https://whereby.com/sala', 'whereby', 'Whereby'],
    ['https://empresa.whereby.com/sala', 'whereby', 'Whereby'],
    ['https://webex.com/meet/x', 'webex', 'Webex'],
    ['https://empresa.webex.com/meet/x', 'webex', 'Webex'],
    ['https://zoom.us.evil.com/j/1', 'other', 'Outra plataforma'],
    ['https://zoom-us.com/j/1', 'other', 'Outra plataforma'],
    ['https://evilzoom.us/j/1', 'other', 'Outra plataforma'],
    ['https://meet.google.com.evil.io/x', 'other', 'Outra plataforma'],
    ['https://calendar.google.com/x', 'other', 'Outra plataforma'],
    ['https://x.meet.google.com/x', 'other', 'Outra plataforma'],
    ['https://x.teams.microsoft.com/x', 'other', 'Outra plataforma'],
    ['https://teams.microsoft.com@evil.com/', 'other', 'Outra plataforma'],
    ['https://evil.com/?next=https://zoom.us', 'other', 'Outra plataforma'],
    ['not a url', 'other', 'Outra plataforma'],
    ['', 'other', 'Outra plataforma'],
  ])('%j -> %s', (url, id, label) => {
    expect(detectPlatform(url)).toEqual({ id, label })
  })

  it('matches hostnames case-insensitively', () => {
    expect(platformForHostname('US02WEB.Zoom.US').id).toBe('zoom')
  })
})
