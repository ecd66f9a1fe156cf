import { describe, expect, it } from 'vitest'
import {
  findLeaks,
  firstLoad,
  firstLoadComposition,
  lazyPages,
  moduleGroup,
  sizeFirstLoad,
  staticChunkClosure,
  type Manifest,
  type ModuleGraph,
} from './bundle.ts'

// index.html -> vendor; pages are lazy; UserPage and AdminPage share `sessions`.
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    isEntry: true,
    imports: ['_vendor.js'],
    dynamicImports: ['src/pages/UserPage.tsx', 'src/pages/AdminPage.tsx'],
    css: ['assets/index.css'],
  },
  '_vendor.js': { file: 'assets/vendor.js' },
  '_sessions.js': { file: 'assets/sessions.js', imports: ['_vendor.js', 'index.html'], css: ['assets/sessions.css'] },
  '_admin-table.js': { file: 'assets/admin-table.js', imports: ['_vendor.js'] },
  'src/pages/UserPage.tsx': {
    file: 'assets/UserPage.js',
    isDynamicEntry: true,
    imports: ['index.html', '_sessions.js'],
  },
  'src/pages/AdminPage.tsx': {
    file: 'assets/AdminPage.js',
    isDynamicEntry: true,
    imports: ['index.html', '_sessions.js', '_admin-table.js'],
  },
}

const graph: ModuleGraph = {
  chunks: {
    'assets/index.js': ['src/main.tsx', 'src/app/router.tsx'],
    'assets/vendor.js': ['node_modules/react/index.js'],
    'assets/sessions.js': ['src/features/sessions/api.ts'],
    'assets/admin-table.js': ['src/features/admin/Table.tsx'],
    'assets/UserPage.js': ['src/pages/UserPage.tsx'],
    'assets/AdminPage.js': ['src/pages/AdminPage.tsx'],
  },
  facades: {
    'assets/index.js': 'index.html',
    'assets/UserPage.js': 'src/pages/UserPage.tsx',
    'assets/AdminPage.js': 'src/pages/AdminPage.tsx',
  },
  imports: {
    'index.html': ['src/main.tsx'],
    'src/main.tsx': ['src/app/router.tsx', 'node_modules/react/index.js'],
    'src/app/router.tsx': ['node_modules/react/index.js'],
    'src/pages/UserPage.tsx': ['src/features/sessions/api.ts', 'node_modules/react/index.js'],
    'src/pages/AdminPage.tsx': ['src/features/sessions/api.ts', 'src/features/admin/Table.tsx'],
    'src/features/admin/Table.tsx': ['node_modules/react/index.js'],
  },
}

describe('first load', () => {
  it('entry + its static imports + the page chunk + its static imports; no dynamic imports; cycles are fine', () => {
    const load = firstLoad(manifest, 'src/pages/UserPage.tsx')
    expect(load.js).toEqual(['assets/index.js', 'assets/UserPage.js', 'assets/vendor.js', 'assets/sessions.js'])
    expect(load.css).toEqual(['assets/index.css', 'assets/sessions.css'])
    expect(load.js).not.toContain('assets/AdminPage.js')
    expect(load.js).not.toContain('assets/admin-table.js')
  })
  it('closure fails loudly on a key missing from the manifest', () => {
    expect(() => staticChunkClosure(manifest, ['nope'])).toThrow(/no chunk "nope"/)
    expect(() => firstLoad(manifest, 'src/pages/Gone.tsx')).toThrow(/no chunk/)
  })
  it('sums raw and gzip sizes of JS and CSS separately', () => {
    const sizes = Object.fromEntries(
      ['index.js', 'vendor.js', 'sessions.js', 'UserPage.js', 'index.css', 'sessions.css'].map((f, i) => [
        `assets/${f}`,
        { raw: 1000 * (i + 1), gzip: 100 * (i + 1) },
      ]),
    )
    const sized = sizeFirstLoad(firstLoad(manifest, 'src/pages/UserPage.tsx'), sizes)
    expect(sized.jsGzip).toBe(100 + 200 + 300 + 400)
    expect(sized.cssGzip).toBe(500 + 600)
    expect(sized.jsRaw).toBe(10_000)
    expect(sized.files).toHaveLength(6)
  })
})

describe('lazyPages / composition', () => {
  it('lists the entry\'s lazy pages, not its other lazy chunks', () => {
    const withDialog: Manifest = {
      ...manifest,
      'index.html': { ...manifest['index.html']!, dynamicImports: [...manifest['index.html']!.dynamicImports!, 'src/features/x/Dialog.tsx'] },
    }
    expect(lazyPages(withDialog)).toEqual(['src/pages/UserPage.tsx', 'src/pages/AdminPage.tsx'])
  })
  it('groups modules by package or feature folder, largest first', () => {
    expect(moduleGroup('node_modules/@supabase/auth-js/dist/module/x.js')).toBe('@supabase/auth-js')
    expect(moduleGroup('node_modules/react/index.js')).toBe('react')
    expect(moduleGroup('src/features/sessions/api/x.ts')).toBe('src/features/sessions')
    expect(moduleGroup('src/lib/supabase.ts')).toBe('src/lib')
    const sized: ModuleGraph = { ...graph, sizes: { 'node_modules/react/index.js': 500, 'src/main.tsx': 30, 'src/app/router.tsx': 20, 'src/pages/UserPage.tsx': 40 } }
    expect(firstLoadComposition(firstLoad(manifest, 'src/pages/UserPage.tsx'), sized)).toEqual([
      { group: 'react', bytes: 500 },
      { group: 'src/pages', bytes: 40 },
      { group: 'src/main.tsx', bytes: 30 },
      { group: 'src/app', bytes: 20 },
      { group: 'src/features/sessions', bytes: 0 },
    ])
  })
})

describe('findLeaks', () => {
  it('finds nothing when other pages stay in their own chunks', () => {
    expect(findLeaks(manifest, graph, 'src/pages/UserPage.tsx', ['src/pages/AdminPage.tsx'])).toEqual([])
  })
  it('finds another page\'s module merged into a chunk the first load downloads', () => {
    const merged: ModuleGraph = {
      ...graph,
      chunks: { ...graph.chunks, 'assets/sessions.js': ['src/features/sessions/api.ts', 'src/features/admin/Table.tsx'] },
    }
    expect(findLeaks(manifest, merged, 'src/pages/UserPage.tsx', ['src/pages/AdminPage.tsx'])).toEqual([
      { page: 'src/pages/AdminPage.tsx', kind: 'module', file: 'assets/sessions.js', module: 'src/features/admin/Table.tsx' },
    ])
  })
  it('finds another page made static (its chunk and module in the first load)', () => {
    const eager: Manifest = {
      ...manifest,
      'src/pages/UserPage.tsx': { ...manifest['src/pages/UserPage.tsx']!, imports: ['index.html', '_sessions.js', 'src/pages/AdminPage.tsx'] },
    }
    const kinds = findLeaks(eager, graph, 'src/pages/UserPage.tsx', ['src/pages/AdminPage.tsx']).map((l) => l.kind)
    expect(kinds).toContain('page-chunk')
    expect(kinds).toContain('module')
  })
  it('does not count modules the user page needs too (shared code is not a leak)', () => {
    const sharedGraph: ModuleGraph = {
      ...graph,
      imports: { ...graph.imports, 'src/pages/UserPage.tsx': [...graph.imports['src/pages/UserPage.tsx']!, 'src/features/admin/Table.tsx'] },
      chunks: { ...graph.chunks, 'assets/sessions.js': ['src/features/sessions/api.ts', 'src/features/admin/Table.tsx'] },
    }
    expect(findLeaks(manifest, sharedGraph, 'src/pages/UserPage.tsx', ['src/pages/AdminPage.tsx'])).toEqual([])
  })
})
