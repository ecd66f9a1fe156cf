// Sessions that end by themselves, in real Chromium against a stack of this file's own whose
// access tokens live only a few seconds (the e2e stack keeps GoTrue's 3600 s). The app keeps
// talking to the fault proxy; the proxy sends its traffic to this stack for the file.
//
// (a) An access token that really expired (tab in the background, nothing refreshed it) is
//     refreshed silently: reads and saves go on, nothing typed is lost, no visit to /login.
// (b) A revoked refresh token ends the session: the person lands on /login with "A sua sessão
//     terminou. Inicie sessão novamente." and, once signed in, is back on the page they had
//     open — both when it happens with the page open and on a later visit (reload).
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { LOOPBACK_CLIENTS, startStack, type RunningStack } from '../../supabase/local/stack'
import { BOOKING, PEOPLE } from '../integration/support/seed'
import { launchBrowser, newContext, screenshot, signIn } from './support/browser'
import { faults } from './support/faults'
import { openSessionModal, sessionCard } from './support/forms'
import { bookingInDb, sql } from './support/people'

/** Access-token lifetime of this file's stack, seconds. */
const TTL_SECONDS = 4
const SESSION_ENDED = 'A sua sessão terminou. Inicie sessão novamente.'

let browser: Browser
let stack: RunningStack
let dataDir: string
const contexts: BrowserContext[] = []

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'encontro-e2e-auth-'))
  await fs.chmod(dataDir, 0o755)
  ;[browser, stack] = await Promise.all([
    launchBrowser(),
    startStack({
      dataDir: path.join(dataDir, 'db'),
      pgPort: 'free',
      apiPort: 'free',
      durable: false,
      quiet: true,
      accessTokenTtlSeconds: TTL_SECONDS,
      rateLimitExempt: LOOPBACK_CLIENTS,
    }),
  ])
  await faults.target(stack.apiUrl)
})

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close().catch(() => {})
})

afterAll(async () => {
  await faults.target(null)
  await browser?.close()
  await stack?.stop()
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true }).catch(() => {})
})

async function freshPage(): Promise<Page> {
  const context = await newContext(browser)
  contexts.push(context)
  return context.newPage()
}

/** Every path the page's main frame showed, to prove /login was (or was not) visited. */
function trackPaths(page: Page): string[] {
  const seen: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) seen.push(new URL(frame.url()).pathname)
  })
  return seen
}

/**
 * The tab goes to the background (as when the laptop sleeps or another tab is in front):
 * supabase-js stops its refresh timer and TanStack Query its polling. `visible` brings it back.
 */
async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((s) => {
    if (s === 'hidden') {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
    } else {
      delete (document as unknown as Record<string, unknown>).visibilityState
      delete (document as unknown as Record<string, unknown>).hidden
    }
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
  }, state)
}

/** `expires_at` (seconds) of the session supabase-js keeps in localStorage, or null. */
async function storedExpiry(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('sb-') && k.endsWith('-auth-token'))
    if (!key) return null
    return (JSON.parse(localStorage.getItem(key) ?? 'null') as { expires_at?: number } | null)?.expires_at ?? null
  })
}

/** Hidden until the stored access token has really expired (server-side too), then visible again. */
async function sleepPastExpiry(page: Page, { wake = true } = {}): Promise<void> {
  await setVisibility(page, 'hidden')
  const exp = await storedExpiry(page)
  expect(exp).not.toBeNull()
  await page.waitForTimeout(Math.max(0, exp! * 1000 - Date.now()) + 1_500)
  expect((await storedExpiry(page))! * 1000, 'the stored access token has expired').toBeLessThan(Date.now())
  if (wake) await setVisibility(page, 'visible')
}

const ANA = { email: 'ana@encontro.test', password: 'encontro-demo', id: PEOPLE.ana.id }
const MARIA_SESSION = BOOKING.mariaWithAna

describe('(a) an expired access token is refreshed silently', () => {
  it('after the token expired in a background tab, a read and a save (with what was typed) succeed; /login is never shown', async () => {
    const page = await freshPage()
    await signIn(page, ANA.email, ANA.password)
    await page.waitForURL('**/prestador/sessions')
    const paths = trackPaths(page)
    const mark = await faults.mark()

    // A read after the expiry: the page loads again with the expired session from storage.
    await sleepPastExpiry(page, { wake: false })
    await page.reload()
    await sessionCard(page, MARIA_SESSION).waitFor()

    // A save after the expiry, with the text typed before it.
    const dialog = await openSessionModal(page, MARIA_SESSION, 'Maria Costa')
    const link = 'https://meet.google.com/xyz-abcd-efg'
    await dialog.getByLabel('Link da reunião').fill(link)
    await sleepPastExpiry(page)
    expect(await dialog.getByLabel('Link da reunião').inputValue()).toBe(link)
    await dialog.getByRole('button', { name: 'Guardar link' }).click()
    await dialog.getByText('Link guardado.').waitFor()
    expect((await bookingInDb(MARIA_SESSION, stack)).meeting_link).toBe(link)

    expect(paths.filter((p) => p.startsWith('/login'))).toEqual([])
    expect(new URL(page.url()).pathname).toBe('/prestador/sessions')
    const log = await faults.log(mark)
    // The refresh token was used (more than once: the token lives 4 s)...
    expect(log.filter((e) => e.url.startsWith('/auth/v1/token?grant_type=refresh_token') && e.outcome === 200).length).toBeGreaterThan(0)
    // ...and no API call was refused for an expired or missing session.
    expect(log.filter((e) => e.outcome === 401 || e.outcome === 403)).toEqual([])
    // Every data request after the sign-in carried a user token that was still valid when sent.
    const rest = log.filter((e) => e.url.startsWith('/rest/v1/') && e.method !== 'OPTIONS')
    expect(rest.length).toBeGreaterThan(0)
    for (const e of rest) {
      expect(e.tokenRole, e.url).toBe('authenticated')
      expect(e.tokenExp! * 1000, e.url).toBeGreaterThan(e.at - 1_000)
    }
  })
})

describe('(b) a revoked refresh token ends the session', () => {
  const wanted = `/prestador/sessions#session-${MARIA_SESSION}`

  it('with the page open: back in the tab, /login says the session ended; signing in reopens the page', async () => {
    const page = await freshPage()
    await signIn(page, ANA.email, ANA.password)
    await page.goto(wanted)
    await sessionCard(page, MARIA_SESSION).waitFor()

    // Signed out everywhere by the server (e.g. an admin, a password change): sessions gone.
    await sql('delete from auth.sessions where user_id = $1', [ANA.id], stack)
    await sleepPastExpiry(page)

    await page.waitForURL((url) => url.pathname === '/login', { timeout: 30_000 })
    expect(new URL(page.url()).searchParams.get('next')).toBe(wanted)
    await page.getByText(SESSION_ENDED).waitFor()
    await screenshot(page, 'auth-session-ended')

    await page.getByLabel('E-mail').fill(ANA.email)
    await page.getByLabel('Palavra-passe').fill(ANA.password)
    await page.getByRole('button', { name: 'Entrar' }).click()
    await page.waitForURL((url) => url.pathname === '/prestador/sessions')
    expect(new URL(page.url()).hash).toBe(`#session-${MARIA_SESSION}`)
    await sessionCard(page, MARIA_SESSION).waitFor()
    expect(await page.getByText(SESSION_ENDED).count()).toBe(0)
  })

  it('on the next visit (reload): /login says the session ended; signing in reopens the page', async () => {
    const page = await freshPage()
    await signIn(page, ANA.email, ANA.password)
    await page.goto(wanted)
    await sessionCard(page, MARIA_SESSION).waitFor()

    // The refresh tokens are revoked, as Supabase Auth does on a reuse outside the reuse interval
    // (dated before it: a token revoked moments ago may still be reused); the tab sleeps past the expiry.
    await sql(
      `update auth.refresh_tokens set revoked = true, updated_at = now() - interval '1 minute' where user_id = $1`,
      [ANA.id],
      stack,
    )
    await sleepPastExpiry(page, { wake: false })
    // A new page load of the same address (goto would only follow the #hash).
    await page.reload()

    await page.waitForURL((url) => url.pathname === '/login')
    expect(new URL(page.url()).searchParams.get('next')).toBe(wanted)
    await page.getByText(SESSION_ENDED).waitFor()

    await page.getByLabel('E-mail').fill(ANA.email)
    await page.getByLabel('Palavra-passe').fill(ANA.password)
    await page.getByRole('button', { name: 'Entrar' }).click()
    await page.waitForURL((url) => url.pathname === '/prestador/sessions')
    expect(new URL(page.url()).hash).toBe(`#session-${MARIA_SESSION}`)
    await sessionCard(page, MARIA_SESSION).waitFor()
  })

  it('"Sair" is not a session that ended by itself: plain /login, no message', async () => {
    const page = await freshPage()
    await signIn(page, ANA.email, ANA.password)
    await page.waitForURL('**/prestador/sessions')
    await page.getByRole('button', { name: 'Sair', exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    expect(new URL(page.url()).search).toBe('')
    await page.getByRole('button', { name: 'Entrar' }).waitFor()
    expect(await page.getByText(SESSION_ENDED).count()).toBe(0)
  })
})
