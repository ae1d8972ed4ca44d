/**
 * `npm run bench`: every benchmark that exists so far, on freshly generated data, then the data is dropped.
 *
 *   npm run bench -- [--complaints 1000000] [--seed 42] [--database-url …] [--pglite dir] [--iterations 300]
 *                    [--keep] [--skip-data]
 *
 * --keep leaves the generated database for further runs (then `npm run bench:queue` alone); --skip-data measures
 * a database generated earlier. Results go to bench/results/ (see docs/performance.md).
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateData } from './generate-data';
import { describeTarget, dropTarget, resolveTarget } from './lib/bench-target';
import { runQueueBench } from './queue';

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      complaints: { type: 'string' },
      seed: { type: 'string', default: '42' },
      now: { type: 'string' },
      'database-url': { type: 'string' },
      pglite: { type: 'string' },
      iterations: { type: 'string', default: '300' },
      keep: { type: 'boolean', default: false },
      'skip-data': { type: 'boolean', default: false },
    },
  });
  const target = resolveTarget({ databaseUrl: values['database-url'], pglite: values.pglite });
  const complaints = Number(values.complaints ?? (target.driver === 'pglite' ? 100_000 : 1_000_000));
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  if (!values['skip-data'])
    await generateData({
      target,
      complaints,
      customers: Math.max(1000, Math.round(complaints / 5)),
      products: 2000,
      seed: Number(values.seed),
      now: values.now ? new Date(values.now) : today,
      jobs: target.driver === 'pglite' ? 1 : Math.max(1, Math.min(4, os.cpus().length)),
      batchSize: 20_000,
      reuse: false,
    });
  process.stdout.write('\n');
  try {
    await runQueueBench({ target, iterations: Number(values.iterations), warmup: 20, pageSize: 50 });
  } finally {
    if (!values.keep && (await dropTarget(target)))
      process.stdout.write(`dropped ${describeTarget(target)} (--keep to keep it)\n`);
  }
};

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href)
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
