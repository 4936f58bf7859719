import { defineConfig } from 'vitest/config';

// Three projects so each kind of test can be run alone (npm run test:unit|sql|e2e).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'cli/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'sql',
          include: ['tests/sql/**/*.test.ts', 'tests/cli/**/*.test.ts'],
          globalSetup: ['tests/support/sqlGlobalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite + PostGIS is CPU-heavy; the machines have two cores.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // The embedded app, then the shared (Supabase) one with its stand-in project.
          globalSetup: ['tests/e2e/appServerGlobalSetup.ts', 'tests/e2e/sharedAppGlobalSetup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
