import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { fileURLToPath, URL } from 'node:url'

/** The lazy page of each path (as src/app/router.tsx routes them), for routeModulePreload. */
const PAGE_OF_PATH: Record<string, string> = {
  '/login': 'src/pages/LoginPage.tsx',
  '/user/sessions': 'src/pages/UserSessionsPage.tsx',
  '/prestador/sessions': 'src/pages/PrestadorSessionsPage.tsx',
  '/especialista/dashboard': 'src/pages/EspecialistaDashboardPage.tsx',
  '/admin/operations': 'src/pages/AdminOperationsPage.tsx',
}

/**
 * The router only asks for a page's chunk once the entry has run. A few lines in index.html
 * preload the opened path's page chunk (and the chunks it imports) while the entry still
 * downloads: one round trip less before the first screen.
 */
function routeModulePreload(): Plugin {
  return {
    name: 'route-modulepreload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk')
        const byFile = new Map(chunks.map((c) => [c.fileName, c]))
        const entry = chunks.find((c) => c.isEntry)
        const closure = (file: string, into = new Set<string>()): Set<string> => {
          if (into.has(file)) return into
          into.add(file)
          for (const dep of byFile.get(file)?.imports ?? []) closure(dep, into)
          return into
        }
        const loaded = entry ? closure(entry.fileName) : new Set<string>()
        const files: Record<string, string[]> = {}
        for (const [path, page] of Object.entries(PAGE_OF_PATH)) {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(page))
          if (chunk) files[path] = [...closure(chunk.fileName)].filter((f) => !loaded.has(f)).map((f) => `/${f}`)
        }
        const script = `(function(m){(m[location.pathname]||[]).forEach(function(h){var l=document.createElement('link');l.rel='modulepreload';l.href=h;document.head.appendChild(l)})})(${JSON.stringify(files)})`
        return [{ tag: 'script', children: script, injectTo: 'head-prepend' }]
      },
    },
  }
}

export default defineConfig({
  plugins: [react(), tailwindcss(), routeModulePreload()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // Only the names (months, days...) of date-fns' pt locale instead of the whole locale
      // object, which cannot be tree-shaken (its parsing patterns and relative formats cost
      // ~1.6 kB gz on every session page). date-fns does not export the file (its "exports"
      // map), hence the alias; the pinned version and a test (format-session-time.test.ts)
      // check that it is `pt.localize` itself.
      'date-fns/locale/pt/_lib/localize': fileURLToPath(
        new URL('./node_modules/date-fns/locale/pt/_lib/localize.js', import.meta.url),
      ),
    },
  },
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
})
