// What tests/setup/integration-stack.ts provides to integration tests via inject('stack').
import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    stack: {
      apiUrl: string
      anonKey: string
      serviceRoleKey: string
      /** superuser connection string of the test cluster */
      dbUrl: string
    }
  }
}
