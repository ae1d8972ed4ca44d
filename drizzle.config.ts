import { defineConfig } from 'drizzle-kit';

// One set of SQL migrations for both drivers (PGlite and PostgreSQL): generated, reviewed, committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/db/schema/*.table.ts'],
  out: './src/db/migrations',
  strict: true,
  verbose: true,
});
