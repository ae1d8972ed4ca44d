import { defineConfig } from 'vitest/config';

// Crash safety (npm run test:crash): the real server as a child process, killed with SIGKILL mid-load and restarted,
// on PostgreSQL (when DATABASE_URL is set: a fresh database next to it) and on PGlite (a data directory under .tmp).
// One database at a time: each run starts its own server processes.
export default defineConfig({
  test: {
    include: ['test/crash/**/*.crash.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    sequence: { concurrent: false },
  },
});
