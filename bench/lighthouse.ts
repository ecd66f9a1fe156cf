/**
 * Lighthouse 12.2.3 on the production build (`vite build` + `vite preview` against this module's
 * own local stack, as link-freshness does): mobile preset with simulated throttling (Lighthouse's
 * defaults), Debian's Chromium, 3 runs per page, the median of each metric. /login signed out,
 * then each role's page signed in as its seed user: signed in once through the login form,
 * then Lighthouse runs with disableStorageReset so the stored session is kept. The HTTP cache is
 * cleared before every run (Lighthouse's storage reset would have done it), so each run loads
 * the code cold, as a first visit of the day with a stored session.
 */
import lighthouse from 'lighthouse'
import type { Page } from 'puppeteer-core'
import type { Figure } from './lib/budget.ts'
import { lighthouseFigures, runFromLhr, type LhrLike, type LighthousePage, type LighthouseRun } from './lib/lighthouse.ts'
import type { BenchModule } from './lib/module.ts'
import { CHROMIUM_PATH, clearOrigin, signInThroughPage, withAppInChrome } from './support/chrome.ts'

const RUNS = 3

export const LIGHTHOUSE_PAGES: LighthousePage[] = [
  { id: 'login', path: '/login' },
  { id: 'user', path: '/user/sessions', email: 'joao@encontro.test' },
  { id: 'prestador', path: '/prestador/sessions', email: 'pedro@encontro.test' },
  { id: 'especialista', path: '/especialista/dashboard', email: 'rita@encontro.test' },
  { id: 'admin', path: '/admin/operations', email: 'admin@encontro.test' },
]

async function lighthouseRun(page: Page, url: string): Promise<{ run: LighthouseRun; finalUrl: string; warnings: string[] }> {
  const cdp = await page.createCDPSession()
  await cdp.send('Network.clearBrowserCache')
  await cdp.detach()
  const result = await lighthouse(
    url,
    { logLevel: 'error', output: 'json', onlyCategories: ['performance'], disableStorageReset: true },
    undefined,
    // lighthouse bundles its own puppeteer-core types: same version, same page
    page as unknown as Parameters<typeof lighthouse>[3],
  )
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
  const lhr = result.lhr
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
  return { run: runFromLhr(lhr as unknown as LhrLike), finalUrl: lhr.finalDisplayedUrl, warnings: lhr.runWarnings }
}

export const lighthouseBench: BenchModule = {
  id: 'lighthouse',
  title: 'Lighthouse (mobile, simulated throttling) on /login and each role page, signed in',
  run(ctx) {
    return withAppInChrome(ctx, async ({ app, chrome }) => {
      const page = await chrome.browser.newPage()
      const figures: Figure[] = []
      const perPage: Record<string, { runs: LighthouseRun[]; finalUrl: string; warnings: string[] }> = {}
      for (const p of LIGHTHOUSE_PAGES) {
        ctx.signal.throwIfAborted()
        await clearOrigin(page, app.url)
        if (p.email) await signInThroughPage(page, app.url, p.email, p.path)
        const runs: LighthouseRun[] = []
        let finalUrl = ''
        const warnings = new Set<string>()
        for (let i = 0; i < RUNS; i++) {
          const r = await lighthouseRun(page, `${app.url}${p.path}`)
          // A run that ended elsewhere (the login page, a redirect) measured the wrong page.
          if (new URL(r.finalUrl).pathname !== p.path) throw new Error(`Lighthouse on ${p.path} ended on ${r.finalUrl}`)
          runs.push(r.run)
          finalUrl = r.finalUrl
          for (const w of r.warnings) warnings.add(w)
          ctx.log(`${p.path} run ${i + 1}: performance ${r.run.performance}, LCP ${(r.run.lcpMs / 1000).toFixed(2)} s, TBT ${r.run.tbtMs.toFixed(0)} ms, CLS ${r.run.cls.toFixed(3)}`)
        }
        perPage[p.id] = { runs, finalUrl, warnings: [...warnings] }
        figures.push(...lighthouseFigures(p, runs))
      }
      const notes = [
        `Lighthouse 12.2.3, mobile preset (Moto G Power viewport, 4x CPU slowdown, slow 4G), simulated throttling (Lantern), ${RUNS} runs per page, median per metric. Chromium ${CHROMIUM_PATH} headless; the production build served by vite preview; the local stack on the same machine.`,
        'Role pages signed in as their seed user (João, Pedro, Rita, admin) through the login form once; disableStorageReset keeps the session and the HTTP cache is cleared before each run (cold code, stored session).',
        ...Object.entries(perPage).flatMap(([id, p]) => p.warnings.map((w) => `${id}: Lighthouse warning: ${w}`)),
      ]
      return { figures, notes, details: { pages: perPage, buildMs: app.buildMs } }
    })
  },
}
