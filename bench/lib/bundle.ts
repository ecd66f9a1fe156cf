/**
 * Pure bundle accounting (no I/O): Vite manifest -> what a first visit to a route downloads
 * -> gzip sizes, and whether another role's page code is in it.
 *
 * First load of a route = the HTML entry chunk and its static imports (modulepreloaded by
 * index.html), plus the route's lazy page chunk and its static imports (fetched as soon as the
 * router matches), plus the CSS of all of those. Dynamic imports are NOT followed: they load
 * on a later navigation.
 */

/** One entry of `.vite/manifest.json` (build.manifest: true). */
export interface ManifestChunk {
  file: string
  src?: string
  name?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
  assets?: string[]
}
export type Manifest = Record<string, ManifestChunk>

/**
 * Module-level view of the same build, recorded by a plugin from Rolldown's chunk and module
 * info: which source modules each output file holds and each module's static imports.
 * Module ids are relative to the project root ('src/pages/UserSessionsPage.tsx',
 * 'node_modules/react/index.js'); virtual modules keep their id.
 */
export interface ModuleGraph {
  /** output file (as in manifest `file`) -> module ids rendered into it */
  chunks: Record<string, string[]>
  /** output file -> its facade module (the entry or dynamic entry it was built for) */
  facades: Record<string, string>
  /** module id -> ids of the modules it imports statically */
  imports: Record<string, string[]>
  /** module id -> bytes of code it contributes to its chunk before minification (Rolldown's renderedLength) */
  sizes?: Record<string, number>
}

export interface FirstLoad {
  /** manifest keys whose chunks are downloaded, in discovery order */
  keys: string[]
  js: string[]
  css: string[]
}

export function entryKey(manifest: Manifest): string {
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry)
  if (entries.length !== 1) {
    throw new Error(`expected exactly one entry chunk in the manifest, found ${entries.length}`)
  }
  return entries[0]![0]
}

/**
 * The router's lazy pages: the entry's dynamic imports under `pagesDir` (manifest keys, e.g.
 * 'src/pages/LoginPage.tsx'). Other lazy chunks (a dialog loaded on click) are not pages.
 */
export function lazyPages(manifest: Manifest, pagesDir = 'src/pages/'): string[] {
  return (manifest[entryKey(manifest)]!.dynamicImports ?? []).filter((k) => k.startsWith(pagesDir))
}

/** Manifest keys reachable from `roots` through static `imports` (breadth-first, no duplicates). */
export function staticChunkClosure(manifest: Manifest, roots: readonly string[]): string[] {
  const seen = new Set<string>()
  const queue = [...roots]
  while (queue.length) {
    const key = queue.shift()!
    if (seen.has(key)) continue
    const chunk = manifest[key]
    if (!chunk) throw new Error(`manifest has no chunk "${key}"`)
    seen.add(key)
    for (const dep of chunk.imports ?? []) if (!seen.has(dep)) queue.push(dep)
  }
  return [...seen]
}

/** The first load of the page whose lazy module is `pageKey` (e.g. 'src/pages/UserSessionsPage.tsx'). */
export function firstLoad(manifest: Manifest, pageKey: string): FirstLoad {
  const entry = entryKey(manifest)
  const page = manifest[pageKey]
  if (!page) throw new Error(`manifest has no chunk for "${pageKey}" (is it still lazy-loaded?)`)
  if (!(manifest[entry]!.dynamicImports ?? []).includes(pageKey)) {
    // Not lazy from the entry: it is in the entry's static graph, which we count anyway.
    if (!staticChunkClosure(manifest, [entry]).includes(pageKey)) {
      throw new Error(`"${pageKey}" is neither a dynamic import of the entry nor in its static graph`)
    }
  }
  const keys = staticChunkClosure(manifest, [entry, pageKey])
  const js = unique(keys.map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js') || f.endsWith('.mjs')))
  const css = unique(keys.flatMap((k) => [
    ...(manifest[k]!.css ?? []),
    ...(manifest[k]!.file.endsWith('.css') ? [manifest[k]!.file] : []),
  ]))
  return { keys, js, css }
}

export interface FileSize {
  raw: number
  gzip: number
}

export interface SizedFirstLoad extends FirstLoad {
  jsRaw: number
  jsGzip: number
  cssRaw: number
  cssGzip: number
  files: Array<{ file: string } & FileSize>
}

/** Totals a first load from per-file sizes (`sizes` must hold every file of `load`). */
export function sizeFirstLoad(load: FirstLoad, sizes: Readonly<Record<string, FileSize>>): SizedFirstLoad {
  const get = (file: string) => {
    const s = sizes[file]
    if (!s) throw new Error(`no size for ${file}`)
    return s
  }
  const sum = (files: string[], k: keyof FileSize) => files.reduce((acc, f) => acc + get(f)[k], 0)
  return {
    ...load,
    jsRaw: sum(load.js, 'raw'),
    jsGzip: sum(load.js, 'gzip'),
    cssRaw: sum(load.css, 'raw'),
    cssGzip: sum(load.css, 'gzip'),
    files: [...load.js, ...load.css].map((file) => ({ file, ...get(file) })),
  }
}

/** Module ids reachable from `roots` through static imports. */
export function staticModuleClosure(graph: Pick<ModuleGraph, 'imports'>, roots: readonly string[]): Set<string> {
  const seen = new Set<string>()
  const stack = [...roots]
  while (stack.length) {
    const id = stack.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    for (const dep of graph.imports[id] ?? []) if (!seen.has(dep)) stack.push(dep)
  }
  return seen
}

export interface Leak {
  /** the foreign page the leaked code belongs to (manifest key) */
  page: string
  /** the foreign page's chunk itself, or a module only that page (and other foreign pages) needs */
  kind: 'page-chunk' | 'module'
  /** output file of the first load that carries it */
  file: string
  module?: string
}

/**
 * Another page's code in `load`: its lazy chunk, or any module that only the other pages
 * need (statically reachable from that page but not from the entry or the page of `load`).
 * Module-level, so it also catches a bundler merging such code into a shared chunk.
 */
export function findLeaks(
  manifest: Manifest,
  graph: ModuleGraph,
  ownPageKey: string,
  foreignPageKeys: readonly string[],
): Leak[] {
  const load = firstLoad(manifest, ownPageKey)
  const loaded = new Set(load.js)
  const facade = (key: string) => {
    const file = manifest[key]?.file
    const id = file ? graph.facades[file] : undefined
    if (!id) throw new Error(`module graph has no facade module for "${key}" (${file ?? 'not in manifest'})`)
    return id
  }
  const own = staticModuleClosure(graph, [facade(entryKey(manifest)), facade(ownPageKey)])
  const moduleFile = new Map<string, string>()
  for (const file of load.js) for (const id of graph.chunks[file] ?? []) moduleFile.set(id, file)

  const leaks: Leak[] = []
  for (const key of foreignPageKeys) {
    const file = manifest[key]?.file
    if (file && loaded.has(file)) leaks.push({ page: key, kind: 'page-chunk', file })
    for (const id of staticModuleClosure(graph, [facade(key)])) {
      if (own.has(id)) continue
      const where = moduleFile.get(id)
      if (where) leaks.push({ page: key, kind: 'module', file: where, module: id })
    }
  }
  return leaks
}

/** 'node_modules/@supabase/auth-js/dist/x.js' -> '@supabase/auth-js'; 'src/features/auth/x.ts' -> 'src/features/auth'. */
export function moduleGroup(id: string): string {
  const parts = id.split('/')
  const nm = parts.lastIndexOf('node_modules')
  if (nm >= 0) {
    const name = parts[nm + 1] ?? id
    return name.startsWith('@') ? `${name}/${parts[nm + 2] ?? ''}` : name
  }
  if (parts[0] === 'src') return parts.slice(0, parts[1] === 'features' ? 3 : 2).join('/')
  return id
}

/**
 * What a first load is made of: bytes of rendered code (before minification and gzip) per
 * package / source folder, largest first. Not the shipped size: the ranking is what matters.
 */
export function firstLoadComposition(load: FirstLoad, graph: ModuleGraph): Array<{ group: string; bytes: number }> {
  const totals = new Map<string, number>()
  for (const file of load.js) {
    for (const id of graph.chunks[file] ?? []) {
      const g = moduleGroup(id)
      totals.set(g, (totals.get(g) ?? 0) + (graph.sizes?.[id] ?? 0))
    }
  }
  return [...totals].map(([group, bytes]) => ({ group, bytes })).sort((a, b) => b.bytes - a.bytes || a.group.localeCompare(b.group))
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)]
}
