#!/usr/bin/env node
// The `closeloop` command: runs the TypeScript sources through tsx (esbuild), so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
