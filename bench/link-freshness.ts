/**
 * Link freshness: time from the prestador's save to the employee's open page showing the
 * link, in Chromium. Budget: median <= 15 s (issue 13; the max is reported).
 *
 * A local stack (child process, fresh seed) and the app built for production (support/
 * app-server.ts). João has /user/sessions open in one browser context and Pedro his
 * /prestador/sessions in another. Each round, Pedro opens the seed's session "in 3 minutes"
 * (its link window is open), types a new link and clicks "Guardar Link" through the UI; João's
 * page, never reloaded, polls its DOM every 100 ms until that card's "Entrar na Reunião" href
 * is the new link. Freshness = João's page seeing it (Date.now() in the page) - Pedro's click
 * (Date.now() in his page, same clock). Before each save the bench waits a different share of
 * the app's 15 s change-read period (the bell's unread count: the link_saved/link_changed
 * notification makes it refresh the list), so the rounds sample the save landing early and
 * late in it. Labels are matched case-insensitively ("Guardar Link" or "Guardar link").
 */
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { parseMeetingLink } from '../src/features/meeting-link/lib/parse-meeting-link.ts'
import { CHANGE_POLL_INTERVAL_MS } from '../src/lib/poll-policy.ts'
import type { Figure } from './lib/budget.ts'
import type { BenchModule } from './lib/module.ts'
import { median } from './lib/stats.ts'
import { startBuiltApp } from './support/app-server.ts'
import { startStackProcess } from './support/stack-process.ts'

export const LINK_FRESHNESS_BUDGET_MS = 15_000
const ROUNDS = 5
const DOM_POLL_MS = 100
/** A round that has not shown the link after this long counts as a failure (Infinity). */
const ROUND_TIMEOUT_MS = 30_000
/** How often the employee's open page asks whether anything changed (src/lib/poll-policy.ts). */
const APP_REFETCH_MS = CHANGE_POLL_INTERVAL_MS
const SAVE_BUTTON = /^guardar link$/i

/** supabase/seed.sql: João's virtual session "in 3 minutes" with Pedro (its link window is open). */
const SESSION_ID = '30000000-0000-4000-8000-000000000001'
const JOAO = 'joao@encontro.test'
const PEDRO = 'pedro@encontro.test'
const PASSWORD = 'encontro-demo'
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface FreshnessRound {
  round: number
  link: string
  /** waited before the save, to move it within the app's refetch period */
  delayBeforeSaveMs: number
  /** click on "Guardar Link" -> "Link guardado." in Pedro's modal */
  saveConfirmedMs: number
  /** click on "Guardar Link" -> João's page shows the new href (Infinity: not within the timeout) */
  freshnessMs: number
}

/** Stratified delays before each save: round i waits about (i + 0.5) / ROUNDS of the refetch period. */
export function delaysBeforeSave(rounds: number, periodMs = APP_REFETCH_MS): number[] {
  const order = Array.from({ length: rounds }, (_, i) => i)
  // Interleaved (0, 2, 4, 1, 3...) so consecutive rounds do not drift the same way.
  const interleaved = [...order.filter((i) => i % 2 === 0), ...order.filter((i) => i % 2 === 1)]
  return interleaved.map((i) => Math.round(((i + 0.5) / rounds) * periodMs))
}

async function signIn(page: Page, email: string, landing: string): Promise<void> {
  await page.goto('/login')
  await page.getByLabel(/^e-?mail$/i).fill(email)
  await page.getByLabel('Palavra-passe').fill(PASSWORD)
  await page.getByRole('button', { name: 'Entrar' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  if (new URL(page.url()).pathname !== landing) await page.goto(landing)
}

async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'pt-PT', timezoneId: 'Europe/Lisbon', baseURL })
  context.setDefaultTimeout(20_000)
  return context
}

/** Pedro: open the session's modal, type the link, click "Guardar Link"; resolves with the click time and the confirmation time (page clock). */
async function pedroSaves(pedro: Page, link: string): Promise<{ clickedAt: number; confirmedAt: number }> {
  await pedro.locator(`#session-${SESSION_ID}`).getByRole('button', { name: 'Gerir sessão' }).click()
  const dialog = pedro.getByRole('dialog', { name: 'Sessão com João Silva' })
  const field = dialog.getByLabel(/^link da reunião$/i)
  await field.fill(link)
  await dialog.getByText(/^Plataforma detetada:/).waitFor()
  await pedro.evaluate(() => {
    ;(window as unknown as { __saveClickedAt?: number }).__saveClickedAt = undefined
  })
  await dialog.getByRole('button', { name: SAVE_BUTTON }).click()
  await dialog.getByRole('status').filter({ hasText: 'Link guardado.' }).waitFor()
  const confirmedAt = await pedro.evaluate(() => Date.now())
  const clickedAt = await pedro.evaluate(() => (window as unknown as { __saveClickedAt?: number }).__saveClickedAt)
  if (typeof clickedAt !== 'number') throw new Error('the click on "Guardar Link" was not recorded')
  await pedro.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
  return { clickedAt, confirmedAt }
}

/** João: resolves with the page-clock time at which the card's join link first had `href` (DOM polled every 100 ms). */
async function joaoSees(joao: Page, href: string): Promise<number> {
  const handle = await joao.waitForFunction(
    ({ id, href }) => {
      const card = document.getElementById(`session-${id}`)
      const join = Array.from(card?.querySelectorAll('a[href]') ?? []).find((a) => /entrar na reunião/i.test(a.textContent ?? ''))
      return join?.getAttribute('href') === href ? Date.now() : false
    },
    { id: SESSION_ID, href },
    { polling: DOM_POLL_MS, timeout: ROUND_TIMEOUT_MS },
  )
  return (await handle.jsonValue()) as number
}

export const linkFreshnessBench: BenchModule = {
  id: 'link-freshness',
  title: "Link freshness: prestador's save -> employee's open page (Chromium)",
  async run(ctx) {
    const t0 = performance.now()
    const stack = await startStackProcess({ dataDir: path.join(ctx.tmpDir, 'db'), seed: true })
    const stopStack = ctx.onCleanup(() => stack.stop())
    let app: Awaited<ReturnType<typeof startBuiltApp>> | undefined
    let browser: Browser | undefined
    const stopApp = ctx.onCleanup(async () => {
      await browser?.close().catch(() => {})
      await app?.stop()
    })
    try {
      ctx.log(`stack up in ${((performance.now() - t0) / 1000).toFixed(1)} s at ${stack.apiUrl}; building the app`)
      ctx.signal.throwIfAborted()
      app = await startBuiltApp({ root: ctx.root, outDir: path.join(ctx.tmpDir, 'dist'), apiUrl: stack.apiUrl, anonKey: stack.anonKey })
      ctx.log(`app built in ${(app.buildMs / 1000).toFixed(1)} s, served at ${app.url}; starting Chromium`)
      ctx.signal.throwIfAborted()
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
          '--no-first-run', '--disable-component-update', '--disable-sync'],
      })

      const joaoContext = await newContext(browser, app.url)
      const pedroContext = await newContext(browser, app.url)
      const joao = await joaoContext.newPage()
      const pedro = await pedroContext.newPage()
      await signIn(joao, JOAO, '/user/sessions')
      await signIn(pedro, PEDRO, '/prestador/sessions')
      // Both open, the seed's link on João's card, Pedro's card there.
      await joao.locator(`#session-${SESSION_ID}`).getByRole('link', { name: /^entrar na reunião$/i }).waitFor()
      await pedro.locator(`#session-${SESSION_ID}`).getByRole('button', { name: 'Gerir sessão' }).waitFor()
      // A headless page is "visible" (the app only polls while visible); say so if it is not.
      const visibility = await joao.evaluate(() => document.visibilityState)
      if (visibility !== 'visible') throw new Error(`João's page is ${visibility}: the app would not poll`)
      await pedro.evaluate(() => {
        document.addEventListener(
          'click',
          (event) => {
            const button = event.target instanceof Element ? event.target.closest('button') : null
            if (/^guardar link$/i.test(button?.textContent?.trim() ?? '')) {
              ;(window as unknown as { __saveClickedAt?: number }).__saveClickedAt = Date.now()
            }
          },
          { capture: true },
        )
      })
      let joaoNavigations = 0
      joao.on('framenavigated', (frame) => {
        if (frame === joao.mainFrame()) joaoNavigations += 1
      })

      const delays = delaysBeforeSave(ROUNDS)
      const rounds: FreshnessRound[] = []
      const stamp = Date.now().toString().slice(-6)
      for (let i = 0; i < ROUNDS; i++) {
        ctx.signal.throwIfAborted()
        const typed = `https://zoom.us/j/8${stamp}${String(i).padStart(3, '0')}?pwd=Bench${i}`
        const parsed = parseMeetingLink(typed)
        if (!parsed.ok) throw new Error(`bench link ${typed} is not valid: ${parsed.error}`)
        await new Promise((r) => setTimeout(r, delays[i]))
        // João's page starts watching before Pedro clicks.
        const seen = joaoSees(joao, parsed.url).then(
          (at) => ({ at }),
          (err: unknown) => ({ at: Number.POSITIVE_INFINITY, err }),
        )
        const { clickedAt, confirmedAt } = await pedroSaves(pedro, typed)
        const { at, err } = (await seen) as { at: number; err?: unknown }
        const round: FreshnessRound = {
          round: i + 1,
          link: parsed.url,
          delayBeforeSaveMs: delays[i]!,
          saveConfirmedMs: confirmedAt - clickedAt,
          freshnessMs: at - clickedAt,
        }
        rounds.push(round)
        ctx.log(
          `round ${round.round}: saved (confirmed ${round.saveConfirmedMs} ms), João's page showed it after ` +
            (Number.isFinite(round.freshnessMs) ? `${(round.freshnessMs / 1000).toFixed(2)} s` : `more than ${ROUND_TIMEOUT_MS / 1000} s (${String(err)})`),
        )
      }
      await joaoContext.close()
      await pedroContext.close()

      const freshness = rounds.map((r) => r.freshnessMs)
      const timedOut = freshness.filter((v) => !Number.isFinite(v)).length
      // A timed-out round makes the max Infinity (never passes); the median counts it as the largest.
      const medianMs = timedOut > ROUNDS / 2 ? Number.POSITIVE_INFINITY : median(freshness.map((v) => (Number.isFinite(v) ? v : Number.MAX_VALUE)))
      const maxMs = Math.max(...freshness)
      const budget = { op: '<=' as const, limit: LINK_FRESHNESS_BUDGET_MS / 1000 }
      const figures: Figure[] = [
        { id: 'link_freshness.median_s', label: `save -> employee's open page shows the link: median of ${ROUNDS}`, value: medianMs / 1000, unit: 's', budget },
        // The budget is the median (issue 13): at 4 requests a minute a save landing just after a poll waits the whole 15 s period plus two requests.
        { id: 'link_freshness.max_s', label: `save -> employee's open page shows the link: max of ${ROUNDS}`, value: maxMs / 1000, unit: 's' },
        { id: 'link_freshness.min_s', label: `save -> employee's open page shows the link: min of ${ROUNDS}`, value: Math.min(...freshness) / 1000, unit: 's' },
        { id: 'link_freshness.save_confirmed_ms', label: 'click on "Guardar Link" -> "Link guardado." (median)', value: median(rounds.map((r) => r.saveConfirmedMs)), unit: 'ms' },
        { id: 'link_freshness.employee_page_reloads', label: "employee page reloads during the rounds", value: joaoNavigations, unit: 'reloads', budget: { op: '<=', limit: 0 } },
      ]
      const notes = [
        `${ROUNDS} rounds on the seed's session "in 3 minutes" (link window open): Pedro saves a new link through the modal, João's /user/sessions (open, never reloaded) is polled in the DOM every ${DOM_POLL_MS} ms. ` +
          `Delays before the saves (${delays.map((d) => `${(d / 1000).toFixed(1)} s`).join(', ')}) move them across the app's ${APP_REFETCH_MS / 1000} s change-read period; freshness is about that period's remainder plus the count request and one list request.` +
          (timedOut ? ` ${timedOut} round(s) did not show the link within ${ROUND_TIMEOUT_MS / 1000} s.` : ''),
        `Production build served by vite preview; Chromium headless (${CHROMIUM_PATH}); the stack in a child process. App build ${(app.buildMs / 1000).toFixed(1)} s.`,
      ]
      return { figures, notes, details: { rounds, delaysMs: delays, buildMs: app.buildMs } }
    } finally {
      await browser?.close().catch(() => {})
      await app?.stop().catch(() => {})
      stopApp()
      await stack.stop()
      stopStack()
    }
  },
}
