import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

// One runner, several projects:
// - rules-*: pure rule tests (time window, link parsing...) run once per time zone,
//   because "times parsed in the browser's zone" is a bug class we must not reintroduce.
// - unit: components and hooks in jsdom.
// - vocabulary: docs/glossary.md's retired words must not appear in src/ or supabase/.
// - integration: supabase-js -> gateway -> PostgREST -> Postgres (RLS) against a stack
//   started by the project's global setup on free ports.
// - e2e: real Chromium (playwright-core + system chromium) against the app and its own stack.
// - budget: a production build, then the first-load size of /user/sessions against its budget
//   and no other role's page code in it (the accounting of `npm run bench`, bench/bundle.ts).
const rulesFiles = ['src/**/lib/**/*.test.ts']
const timeZones = ['Europe/Lisbon', 'America/Sao_Paulo', 'Asia/Tokyo']

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        ...timeZones.map((tz) => ({
          extends: true as const,
          test: {
            name: `rules:${tz}`,
            include: rulesFiles,
            environment: 'node',
            env: { TZ: tz },
            globals: true,
          },
        })),
        {
          extends: true as const,
          test: {
            name: 'unit',
            include: ['src/**/*.test.{ts,tsx}'],
            exclude: rulesFiles,
            environment: 'jsdom',
            env: { TZ: 'Europe/Lisbon' },
            globals: true,
            setupFiles: ['tests/setup/dom.ts'],
          },
        },
        {
          extends: true as const,
          test: {
            // docs/glossary.md's retired words, scanned in src/ and supabase/.
            name: 'vocabulary',
            include: ['tests/vocabulary/**/*.test.ts'],
            environment: 'node',
            globals: true,
          },
        },
        {
          extends: true as const,
          test: {
            name: 'integration',
            include: ['tests/integration/**/*.test.ts'],
            environment: 'node',
            globals: true,
            globalSetup: ['tests/setup/integration-stack.ts'],
            fileParallelism: false,
            testTimeout: 20_000,
            hookTimeout: 60_000,
          },
        },
        {
          extends: true as const,
          test: {
            name: 'bench',
            include: ['bench/**/*.test.ts'],
            environment: 'node',
            globals: true,
          },
        },
        {
          extends: true as const,
          test: {
            name: 'budget',
            include: ['tests/budget/**/*.test.ts'],
            environment: 'node',
            globals: true,
            testTimeout: 60_000,
            hookTimeout: 180_000,
          },
        },
        {
          extends: true as const,
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.test.ts'],
            environment: 'node',
            globals: true,
            globalSetup: ['tests/setup/e2e-app.ts'],
            fileParallelism: false,
            testTimeout: 90_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  }),
)
