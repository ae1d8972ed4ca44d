import { defineConfig } from 'vitest/config';

// Browser journeys in real Chromium (Debian's, driven by playwright-core). Each file starts its own server on a
// fresh database (PGlite, or PostgreSQL when DATABASE_URL is set) serving the built console and portal.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    sequence: { concurrent: false },
  },
});
