// Size budget of the first loads (the employee's, the especialista's, the admin's), and no other
// role's page code in the employee's.
// Builds the app (vite build, manifest on) into a temp dir, then uses the same accounting
// as `npm run bench` (bench/lib/bundle.ts). Takes a few seconds: the build is the cost.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildForBench,
  bundleReport,
  FIRST_LOAD_BUDGET_ROUTES,
  ROLE_PAGES,
  USER_FIRST_LOAD_JS_GZIP_BUDGET_KB,
  type BundleReport,
} from '../../bench/bundle.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

describe('bundle budget', () => {
  let tmp: string
  let report: BundleReport

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'encontro-bundle-'))
    report = bundleReport(await buildForBench(root, path.join(tmp, 'dist')))
  }, 180_000)

  afterAll(async () => {
    if (tmp) await fs.rm(tmp, { recursive: true, force: true })
  })

  it.each(FIRST_LOAD_BUDGET_ROUTES)(`ships at most ${USER_FIRST_LOAD_JS_GZIP_BUDGET_KB} kB of gzipped JS on the first load of %s`, (route) => {
    const user = report.pages.find((p) => p.route === route)!
    const files = user.files.map((f) => `${f.file}: ${(f.gzip / 1000).toFixed(1)} kB`).join(', ')
    const largest = user.composition
      .slice(0, 6)
      .map((c) => `${c.group} ${(c.bytes / 1000).toFixed(0)} kB`)
      .join(', ')
    expect(
      user.jsGzip / 1000,
      `first-load JS of ${route}, kB gzip (${files}); largest parts before minification: ${largest}`,
    ).toBeLessThanOrEqual(
      USER_FIRST_LOAD_JS_GZIP_BUDGET_KB,
    )
  })

  it('keeps other roles\' pages (and every other lazy page) out of the first load of /user/sessions', () => {
    expect(report.otherPages).toEqual(expect.arrayContaining(ROLE_PAGES.slice(1).map((p) => p.key)))
    expect(report.leaks).toEqual([])
  })

  it('loads the .ics generator (ical-generator) only when "Adicionar ao calendário" is clicked', () => {
    for (const route of ['/user/sessions', '/prestador/sessions']) {
      const page = report.pages.find((p) => p.route === route)!
      const groups = page.composition.map((c) => c.group)
      // The button is on the page; the generator is not in its first load.
      expect(groups, route).toContain('src/features/calendar')
      expect(groups, route).not.toContain('ical-generator')
    }
  })

  it('keeps every role page in its own lazy chunk', () => {
    const user = report.pages.find((p) => p.route === '/user/sessions')!
    for (const page of ROLE_PAGES) {
      const own = report.pages.find((p) => p.route === page.route)!
      // The page's own chunk is in its first load, after the entry.
      expect(own.keys).toContain(page.key)
      if (page.route !== '/user/sessions') expect(user.keys).not.toContain(page.key)
    }
  })
})
