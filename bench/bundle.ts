/**
 * Bundle budget: production build (Vite, manifest on) into a temp dir, then the gzip size of
 * the JS and CSS of each role page's first load, and a module-level check that no other role's
 * page code ships with /user/sessions. The accounting itself is in lib/bundle.ts.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import zlib from 'node:zlib'
import type { Plugin } from 'vite'
import type { Figure } from './lib/budget.ts'
import {
  findLeaks,
  firstLoad,
  firstLoadComposition,
  lazyPages,
  sizeFirstLoad,
  type FileSize,
  type Leak,
  type Manifest,
  type ModuleGraph,
  type SizedFirstLoad,
} from './lib/bundle.ts'
import type { BenchModule } from './lib/module.ts'

/** Budget: first load of /user/sessions, JS, gzip, kB = 1000 bytes (as Vite prints sizes). */
export const USER_FIRST_LOAD_JS_GZIP_BUDGET_KB = 185
/** Pages held to the same first-load budget (issue 13: the admin's and the especialista's too). */
export const FIRST_LOAD_BUDGET_ROUTES = ['/user/sessions', '/especialista/dashboard', '/admin/operations']

export const ROLE_PAGES = [
  { route: '/user/sessions', key: 'src/pages/UserSessionsPage.tsx' },
  { route: '/prestador/sessions', key: 'src/pages/PrestadorSessionsPage.tsx' },
  { route: '/especialista/dashboard', key: 'src/pages/EspecialistaDashboardPage.tsx' },
  { route: '/admin/operations', key: 'src/pages/AdminOperationsPage.tsx' },
] as const

/** gzip level 9 with node's zlib: deterministic; Vite's own "gzip:" column differs by about 1%. */
export function gzipSize(buf: Buffer): number {
  return zlib.gzipSync(buf, { level: 9 }).length
}

function moduleGraphPlugin(root: string, out: ModuleGraph): Plugin {
  const rel = (id: string) => (path.isAbsolute(id) ? path.relative(root, id).split(path.sep).join('/') : id)
  return {
    name: 'encontro-bench-module-graph',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue
        out.chunks[item.fileName] = item.moduleIds.map(rel)
        out.sizes ??= {}
        for (const [id, m] of Object.entries(item.modules)) out.sizes[rel(id)] = (out.sizes[rel(id)] ?? 0) + m.renderedLength
        if (item.facadeModuleId) out.facades[item.fileName] = rel(item.facadeModuleId)
      }
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id)
        if (info) out.imports[rel(id)] = info.importedIds.map(rel)
      }
    },
  }
}

export interface BenchBuild {
  outDir: string
  manifest: Manifest
  graph: ModuleGraph
  sizes: Record<string, FileSize>
  buildMs: number
}

/** `vite build` of the app (the project's vite.config.ts) into outDir, with manifest + module graph. */
export async function buildForBench(root: string, outDir: string): Promise<BenchBuild> {
  const { build } = await import('vite')
  const graph: ModuleGraph = { chunks: {}, facades: {}, imports: {}, sizes: {} }
  const t0 = performance.now()
  // A production build whoever calls us: vitest sets NODE_ENV=test, and Vite (and the React
  // plugin) would then ship React's development build.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      root,
      configFile: path.join(root, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      // chunkSizeWarningLimit: we report sizes ourselves, against the budget
      build: { outDir, emptyOutDir: true, manifest: true, reportCompressedSize: false, chunkSizeWarningLimit: 100_000 },
      plugins: [moduleGraphPlugin(root, graph)],
    })
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
  const buildMs = performance.now() - t0
  const manifest = JSON.parse(await fs.readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest
  const sizes: Record<string, FileSize> = {}
  const files = new Set(Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]))
  for (const file of files) {
    const buf = await fs.readFile(path.join(outDir, file))
    sizes[file] = { raw: buf.length, gzip: gzipSize(buf) }
  }
  return { outDir, manifest, graph, sizes, buildMs }
}

export interface BundleReport {
  pages: Array<{ route: string; key: string; composition: Array<{ group: string; bytes: number }> } & SizedFirstLoad>
  /** the lazy pages checked against the first load of /user/sessions */
  otherPages: string[]
  /** their own code found in the first load of /user/sessions */
  leaks: Leak[]
}

export function bundleReport(b: Pick<BenchBuild, 'manifest' | 'graph' | 'sizes'>): BundleReport {
  const pages = ROLE_PAGES.map((p) => {
    const load = firstLoad(b.manifest, p.key)
    return { ...p, ...sizeFirstLoad(load, b.sizes), composition: firstLoadComposition(load, b.graph) }
  })
  // Every other lazy page of the router, not just the four above: other roles' pages (including
  // ones added later), the employee's other pages, login and 404. None of their own code
  // belongs in the first load of /user/sessions.
  const user = ROLE_PAGES[0]
  const otherPages = lazyPages(b.manifest).filter((k) => k !== user.key)
  const leaks = findLeaks(b.manifest, b.graph, user.key, otherPages)
  return { pages, otherPages, leaks }
}

const kB = (bytes: number) => bytes / 1000

export const bundleBench: BenchModule = {
  id: 'bundle',
  title: 'Bundle: first-load JS/CSS per role page (gzip)',
  async run(ctx) {
    const outDir = path.join(ctx.root, '.local', 'bench-dist')
    ctx.log(`vite build -> ${path.relative(ctx.root, outDir)}`)
    const b = await buildForBench(ctx.root, outDir)
    const report = bundleReport(b)
    const figures: Figure[] = []
    for (const p of report.pages) {
      const budgeted = FIRST_LOAD_BUDGET_ROUTES.includes(p.route)
      figures.push({
        id: `bundle.first_load.${p.route}.js_gzip_kb`,
        label: `${p.route} first load JS (gzip)`,
        value: kB(p.jsGzip),
        unit: 'kB',
        ...(budgeted ? { budget: { op: '<=', limit: USER_FIRST_LOAD_JS_GZIP_BUDGET_KB } } : {}),
      })
      figures.push({
        id: `bundle.first_load.${p.route}.css_gzip_kb`,
        label: `${p.route} first load CSS (gzip)`,
        value: kB(p.cssGzip),
        unit: 'kB',
      })
    }
    figures.push({
      id: 'bundle.user_sessions.other_pages_code',
      label: '/user/sessions first load: modules only other pages need',
      value: report.leaks.length,
      unit: 'modules',
      budget: { op: '<=', limit: 0 },
    })
    const user = report.pages[0]!
    const top = user.composition.slice(0, 8).map((c) => `${c.group} ${kB(c.bytes).toFixed(1)}`).join(', ')
    const notes = [
      `/user/sessions downloads ${user.js.length} JS files and ${user.css.length} CSS file(s): ${user.files.map((f) => `${f.file} ${kB(f.gzip).toFixed(1)}`).join(', ')} (kB gzip); raw JS ${kB(user.jsRaw).toFixed(1)} kB.`,
      `Largest parts of that first load (kB of rendered code before minification and gzip): ${top}.`,
      `Checked for code of ${report.otherPages.length} other lazy pages: ${report.otherPages.map((k) => k.replace(/^src\/pages\//, '')).join(', ')}.`,
      ...report.leaks.map((l) => `LEAK: ${l.kind === 'page-chunk' ? l.file : l.module} (${l.page}) in ${l.file}`),
    ]
    return {
      figures,
      notes,
      details: {
        buildMs: Math.round(b.buildMs),
        gzip: 'node zlib level 9; kB = 1000 bytes',
        pages: report.pages.map((p) => ({
          route: p.route,
          jsGzip: p.jsGzip,
          jsRaw: p.jsRaw,
          cssGzip: p.cssGzip,
          cssRaw: p.cssRaw,
          files: p.files,
          composition: p.composition,
        })),
        otherPages: report.otherPages,
        leaks: report.leaks,
      },
    }
  },
}
