import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Runs a benchmark's `main` when its file is the one node was started with (not when `npm run bench` imports it),
 * printing the stack and exiting 1 on failure.
 */
export const runIfMain = (moduleUrl: string, main: () => Promise<void>): void => {
  if (moduleUrl !== pathToFileURL(path.resolve(process.argv[1] ?? '')).href) return;
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
};
