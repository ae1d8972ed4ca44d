import { defineConfig } from 'vitest/config';

// Unit tests (src/domain), integration tests on a real database (src/app, *.int.test.ts), HTTP tests through
// app.inject (src/api, *.route.test.ts) and CLI tests. Every file gets its own database (test/global-setup.ts):
// PGlite by default, PostgreSQL when DATABASE_URL is set.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    sequence: { concurrent: false },
  },
});
