// The browser's Notification API, for the 5-minute notice only, and only after the person
// pressed "Ativar alertas do navegador": permission is asked on that click, never on load.
// Their choice is remembered in localStorage (per browser); the permission is the browser's.

const PREFERENCE_KEY = 'encontro.browser-alerts'

export type BrowserAlertsState = 'unsupported' | 'denied' | 'off' | 'on'

function api(): typeof Notification | null {
  return typeof window !== 'undefined' && 'Notification' in window ? window.Notification : null
}

function preferenceOn(): boolean {
  try {
    return window.localStorage.getItem(PREFERENCE_KEY) === 'on'
  } catch {
    return false
  }
}

function setPreference(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(PREFERENCE_KEY, 'on')
    else window.localStorage.removeItem(PREFERENCE_KEY)
  } catch {
    // Storage unavailable (private mode): alerts stay on for this page only.
  }
}

export function browserAlertsState(): BrowserAlertsState {
  const N = api()
  if (!N) return 'unsupported'
  if (N.permission === 'denied') return 'denied'
  return N.permission === 'granted' && preferenceOn() ? 'on' : 'off'
}

/** Call from a click handler: asks the browser's permission (if not yet given) and turns alerts on. */
export async function enableBrowserAlerts(): Promise<BrowserAlertsState> {
  const N = api()
  if (!N) return 'unsupported'
  let permission: NotificationPermission = N.permission
  if (permission === 'default') {
    try {
      permission = await N.requestPermission()
    } catch {
      permission = 'default'
    }
  }
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'off'
  setPreference(true)
  return 'on'
}

export function disableBrowserAlerts(): void {
  setPreference(false)
}

/** Shows a system notification if alerts are on; `tag` makes the system replace rather than stack. */
export function showBrowserAlert(title: string, body: string, tag: string): boolean {
  const N = api()
  if (!N || browserAlertsState() !== 'on') return false
  try {
    new N(title, { body, tag })
    return true
  } catch {
    // Some browsers (Android Chrome) only allow notifications from a service worker.
    return false
  }
}
