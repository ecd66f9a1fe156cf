// What tests/setup/e2e-app.ts provides to e2e tests, beside `stack`.
import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Vite dev server the e2e project started, e.g. http://127.0.0.1:5174 */
    appUrl: string
    /** The inbox (maildev) of the e2e stack: recovery and invitation e-mails. */
    mailUrl: string
    /** The fault proxy the app talks to (see supabase/local/fault-proxy.ts and tests/e2e/support/faults.ts). */
    faults: {
      /** What the app uses as VITE_SUPABASE_URL. */
      apiUrl: string
      /** JSON control API: PUT/DELETE /faults, GET /log, PUT/DELETE /target. */
      controlUrl: string
      /** The app's per-request deadline in this run (VITE_API_TIMEOUT_MS). */
      apiTimeoutMs: number
    }
  }
}
