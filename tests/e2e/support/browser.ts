// Real Chromium (Debian's package) driven by playwright-core: no browser downloads here.
import fs from 'node:fs/promises'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { inject } from 'vitest'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../test-results/e2e')

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
  })
}

export async function newContext(browser: Browser, { viewport }: { viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'pt-PT', timezoneId: 'Europe/Lisbon', baseURL: inject('appUrl'), ...(viewport ? { viewport } : {}) })
  context.setDefaultTimeout(15_000)
  return context
}

export async function signIn(page: Page, email: string, password = 'encontro-demo'): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Palavra-passe').fill(password)
  await page.getByRole('button', { name: 'Entrar' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sair', exact: true }).click()
  await page.waitForURL((url) => url.pathname.startsWith('/login'))
}

/** Saves test-results/e2e/<name>.png. Whole page by default; `fullPage: false` for the viewport (e.g. an open modal). */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string> {
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage })
  return file
}

/** A fresh context signed in as `person` and on `path`; the context goes to `contexts` so the file can close it. */
export async function signedInPageIn(
  browser: Browser,
  contexts: BrowserContext[],
  person: { email: string; password: string },
  path: string,
): Promise<Page> {
  const context = await newContext(browser)
  contexts.push(context)
  const page = await context.newPage()
  await signIn(page, person.email, person.password)
  if (new URL(page.url()).pathname !== path) await page.goto(path)
  return page
}
