/**
 * Idle cost: API requests a minute from an open /user/sessions that nobody touches. Budget <= 4.
 *
 * The production build against this module's own local stack (fresh seed: João has a virtual
 * session "in 3 minutes", so every link-window rule that polls is active). João signs in through
 * the login form; once his page has loaded and settled, every request Chromium sends to the API
 * origin during IDLE_SECONDS is counted (puppeteer's request events), by method and path.
 */
import type { HTTPRequest } from 'puppeteer-core'
import type { Figure } from './lib/budget.ts'
import type { BenchModule } from './lib/module.ts'
import { signInThroughPage, withAppInChrome } from './support/chrome.ts'

export const IDLE_REQUESTS_BUDGET_PER_MINUTE = 4
const IDLE_SECONDS = 120
/** after the page loaded: its first requests (profile, list, the 5-minute notice) are not idle cost */
const SETTLE_SECONDS = 5

export const idleRequestsBench: BenchModule = {
  id: 'idle-requests',
  title: 'Idle cost: API requests a minute from an open /user/sessions nobody touches (Chromium)',
  run(ctx) {
    return withAppInChrome(ctx, async ({ stack, app, chrome }) => {
      const page = await chrome.browser.newPage()
      await signInThroughPage(page, app.url, 'joao@encontro.test', '/user/sessions')
      await page.waitForSelector('[id^="session-"]', { timeout: 30_000 })
      const visibility = await page.evaluate(() => document.visibilityState)
      if (visibility !== 'visible') throw new Error(`the page is ${visibility}: the app would not poll`)
      await new Promise((r) => setTimeout(r, SETTLE_SECONDS * 1000))

      const apiOrigin = new URL(stack.apiUrl).origin
      const seen: Array<{ atMs: number; what: string }> = []
      let preflights = 0
      const start = performance.now()
      const onRequest = (req: HTTPRequest) => {
        const url = new URL(req.url())
        if (url.origin !== apiOrigin) return
        // CORS preflights (the API is another origin) are counted apart: the browser caches them.
        if (req.method() === 'OPTIONS') return void preflights++
        seen.push({ atMs: Math.round(performance.now() - start), what: `${req.method()} ${url.pathname}` })
      }
      page.on('request', onRequest)
      ctx.log(`João's /user/sessions open and settled; counting API requests for ${IDLE_SECONDS} s`)
      for (let s = 0; s < IDLE_SECONDS; s += 5) {
        ctx.signal.throwIfAborted()
        await new Promise((r) => setTimeout(r, 5000))
      }
      page.off('request', onRequest)
      const navigations = new URL(page.url()).pathname
      if (navigations !== '/user/sessions') throw new Error(`the page left /user/sessions (now ${page.url()})`)

      const perMinute = seen.length / (IDLE_SECONDS / 60)
      const byWhat = new Map<string, number>()
      for (const r of seen) byWhat.set(r.what, (byWhat.get(r.what) ?? 0) + 1)
      const figures: Figure[] = [
        {
          id: 'idle.user_sessions.requests_per_minute',
          label: `open /user/sessions, untouched for ${IDLE_SECONDS} s: API requests a minute`,
          value: perMinute,
          unit: 'req/min',
          budget: { op: '<=', limit: IDLE_REQUESTS_BUDGET_PER_MINUTE },
        },
        { id: 'idle.user_sessions.preflights_per_minute', label: '  CORS preflights (OPTIONS), not counted above', value: preflights / (IDLE_SECONDS / 60), unit: 'req/min' },
        ...[...byWhat].map(([what, n]) => ({
          id: `idle.user_sessions.${what.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`,
          label: `  of which ${what}`,
          value: n / (IDLE_SECONDS / 60),
          unit: 'req/min',
        })),
      ]
      const notes = [
        `Seed data (João's virtual session "in 3 minutes": link window open, every polling rule active). ${SETTLE_SECONDS} s after the page showed its sessions, requests to ${apiOrigin} counted for ${IDLE_SECONDS} s: ${seen.length} (at ${seen.map((r) => `${(r.atMs / 1000).toFixed(1)} s`).join(', ') || 'none'}).`,
      ]
      return { figures, notes, details: { requests: seen, idleSeconds: IDLE_SECONDS } }
    })
  },
}
