/**
 * The app as a browser gets it, against a given local stack: a production `vite build` (the
 * project's vite.config.ts) into a temp dir with VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY
 * pointing at that stack, served by `vite preview` on a free loopback port (SPA fallback, so
 * /user/sessions loads index.html). Like tests/setup/e2e-app.ts, but built, not the dev
 * server: no on-demand compilation or dependency re-optimisation (and page reload) while a
 * benchmark measures.
 */
import path from 'node:path'
import type { PreviewServer } from 'vite'

export interface RunningApp {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string
  buildMs: number
  stop(): Promise<void>
}

/** Sets env vars for the duration of `fn` (Vite reads them when it resolves its config), then puts them back. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  Object.assign(process.env, vars)
  try {
    return await fn()
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

export async function startBuiltApp(opts: {
  root: string
  outDir: string
  apiUrl: string
  anonKey: string
  /** more VITE_* settings baked into the build */
  env?: Record<string, string>
}): Promise<RunningApp> {
  const { build, preview } = await import('vite')
  const configFile = path.join(opts.root, 'vite.config.ts')
  const t0 = performance.now()
  // NODE_ENV=production: under a test runner (NODE_ENV=test) React's development build would ship.
  await withEnv(
    { VITE_SUPABASE_URL: opts.apiUrl, VITE_SUPABASE_ANON_KEY: opts.anonKey, NODE_ENV: 'production', ...opts.env },
    () =>
      build({
        root: opts.root,
        configFile,
        mode: 'production',
        logLevel: 'warn',
        build: { outDir: opts.outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 100_000 },
      }),
  )
  const buildMs = performance.now() - t0
  const server: PreviewServer = await preview({
    root: opts.root,
    configFile,
    logLevel: 'warn',
    build: { outDir: opts.outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  })
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '')
  if (!url) {
    await server.close()
    throw new Error('vite preview: no local URL')
  }
  let stopping: Promise<void> | undefined
  return {
    url,
    buildMs,
    stop() {
      stopping ??= server.close()
      return stopping
    },
  }
}
