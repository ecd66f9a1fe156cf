/**
 * Debian's Chromium started by chrome-launcher (the way Lighthouse expects it) with puppeteer-core
 * on the same debugging port, and the seed users signed in through the app's own login form.
 */
import * as chromeLauncher from 'chrome-launcher'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** --no-sandbox: the benchmarks run as root in a container. */
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
/** supabase/seed.sql's local demo password */
export const SEED_PASSWORD = 'encontro-demo'

export interface RunningChrome {
  port: number
  browser: Browser
  stop(): Promise<void>
}

export async function launchChrome(): Promise<RunningChrome> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' })
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null })
    let stopping: Promise<void> | undefined
    return {
      port: chrome.port,
      browser,
      stop() {
        stopping ??= (async () => {
          await browser.disconnect().catch(() => {})
          chrome.kill()
        })()
        return stopping
      },
    }
  } catch (err) {
    chrome.kill()
    throw err
  }
}

/** Signs in through /login like a person; the session stays in the profile's localStorage. */
export async function signInThroughPage(page: Page, appUrl: string, email: string, landing: string): Promise<void> {
  await page.goto(`${appUrl}/login`, { waitUntil: 'networkidle0' })
  await page.locator('input[type="email"]').fill(email)
  await page.locator('input[type="password"]').fill(SEED_PASSWORD)
  await page.locator('button[type="submit"]').click()
  await page.waitForFunction(() => !location.pathname.startsWith('/login'), { timeout: 30_000 })
  if (new URL(page.url()).pathname !== landing) await page.goto(`${appUrl}${landing}`, { waitUntil: 'networkidle0' })
}

/** Forgets the stored session (and anything else the origin kept), without the app's sign-out request. */
export async function clearOrigin(page: Page, appUrl: string): Promise<void> {
  await page.goto('about:blank')
  const cdp = await page.createCDPSession()
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(appUrl).origin, storageTypes: 'all' })
  await cdp.detach()
}
