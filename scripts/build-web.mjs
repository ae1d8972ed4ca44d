#!/usr/bin/env node
// Builds the web console and portal with Vite into WEB_DIR (default dist/web).
//   node scripts/build-web.mjs            always build
//   node scripts/build-web.mjs --if-stale build only when a source is newer than the last build (npm start)
//   node scripts/build-web.mjs --out DIR  build into DIR instead of dist/web
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outAt = process.argv.indexOf('--out');
const out =
  outAt > 0 && process.argv[outAt + 1]
    ? path.resolve(process.argv[outAt + 1])
    : path.join(root, 'dist', 'web');
const stamp = path.join(out, '.build-stamp');
const sources = ['src/web', 'src/contracts', 'src/domain', 'package-lock.json'].map((p) =>
  path.join(root, p),
);

const newest = (p) => {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = s.mtimeMs;
  for (const entry of readdirSync(p)) m = Math.max(m, newest(path.join(p, entry)));
  return m;
};

if (process.argv.includes('--if-stale') && existsSync(stamp)) {
  const built = statSync(stamp).mtimeMs;
  if (Math.max(...sources.filter(existsSync).map(newest)) <= built) process.exit(0);
}
process.stdout.write('Building the web console and portal (vite)…\n');
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const r = spawnSync(
  process.execPath,
  [
    vite,
    'build',
    '--config',
    'src/web/vite.config.ts',
    '--outDir',
    out,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (r.status !== 0) process.exit(r.status ?? 1);
writeFileSync(stamp, `${new Date().toISOString()}\n`);
