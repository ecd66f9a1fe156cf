import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { fileURLToPath, URL } from 'node:url'

export default defineConfig({
  plugins: [react(), tailwindcss()],
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
