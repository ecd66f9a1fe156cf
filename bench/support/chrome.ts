/**
 * Debian's Chromium started by chrome-launcher (the way Lighthouse expects it) with puppeteer-core
 * on the same debugging port, the seed users signed in through the app's own login form, and
 * the whole setup (stack, production build, Chromium) for the benchmarks that drive pages.
 */
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'
import type { BenchContext } from '../lib/module.ts'
import { startBuiltApp, type RunningApp } from './app-server.ts'
import { startStackProcess, type ChildStack } from './stack-process.ts'

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

export interface AppInChrome {
  stack: ChildStack
  app: RunningApp
  chrome: RunningChrome
}

/**
 * A local stack (fresh seed), the app built for production against it and Chromium, for a
 * benchmark that drives pages: `use` gets them all, everything is stopped afterwards (also on
 * Ctrl-C through the runner's cleanups).
 */
export async function withAppInChrome<T>(ctx: BenchContext, use: (env: AppInChrome) => Promise<T>): Promise<T> {
  const t0 = performance.now()
  const stack = await startStackProcess({ dataDir: path.join(ctx.tmpDir, 'db'), seed: true })
  let app: RunningApp | undefined
  let chrome: RunningChrome | undefined
  const stopAll = async () => {
    await chrome?.stop()
    await app?.stop().catch(() => {})
    await stack.stop()
  }
  const unregister = ctx.onCleanup(stopAll)
  try {
    ctx.log(`stack up in ${((performance.now() - t0) / 1000).toFixed(1)} s; building the app`)
    app = await startBuiltApp({ root: ctx.root, outDir: path.join(ctx.tmpDir, 'dist'), apiUrl: stack.apiUrl, anonKey: stack.anonKey })
    ctx.log(`app built in ${(app.buildMs / 1000).toFixed(1)} s at ${app.url}; starting Chromium`)
    ctx.signal.throwIfAborted()
    chrome = await launchChrome()
    return await use({ stack, app, chrome })
  } finally {
    await stopAll()
    unregister()
  }
}
