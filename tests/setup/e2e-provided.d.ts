// What tests/setup/e2e-app.ts provides to e2e tests, beside `stack`.
import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the Vite dev server the e2e project started, e.g. http://127.0.0.1:5174 */
    appUrl: string
  }
}
