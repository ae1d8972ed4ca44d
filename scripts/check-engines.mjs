#!/usr/bin/env node
// Fails when an installed package declares an `engines.node` range this Node does not satisfy (e.g. a
// dependency update that quietly needs Node 22 while the product runs on Node 20).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const bad = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const p = path.join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      walk(p);
      continue;
    }
    const manifest = path.join(p, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      const range = pkg.engines?.node;
      if (range && semver.validRange(range) && !semver.satisfies(process.version, range)) {
        bad.push(`${pkg.name}@${pkg.version} needs node ${range}`);
      }
    }
    if (existsSync(path.join(p, 'node_modules'))) walk(path.join(p, 'node_modules'));
  }
};
walk('node_modules');
if (bad.length > 0) {
  console.error(`Packages that do not support ${process.version}:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
console.log(`engines: every installed package supports ${process.version}`);
