/**
 * Layer rules from STYLE.md, enforced in CI (`npm run lint`):
 *   domain ← app ← api | jobs | channels | cli ;  db only from app ;  web only contracts + pure domain.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain must not import I/O, frameworks or other layers (functional core).',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: '\\.test\\.ts$' },
      to: {
        dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'local'],
        pathNot: ['^src/domain/'],
      },
    },
    {
      name: 'db-only-from-app',
      comment: 'src/db is reached only through use-cases in src/app (and tests).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/db/', '\\.test\\.ts$'] },
      to: { path: '^src/db/' },
    },
    {
      name: 'web-imports-contracts-and-domain-only',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(app|db|api|jobs|channels|cli|config)/' },
    },
    {
      name: 'contracts-are-shared',
      comment: 'contracts are imported by the web: only zod and pure domain.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^src/(app|db|api|jobs|channels|cli|config|web)/' },
    },
    {
      name: 'app-does-not-know-adapters',
      comment: 'use-cases do not import the HTTP layer, jobs, channels or the CLI.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(api|jobs|channels|cli|web)/' },
    },
    {
      name: 'db-does-not-import-upwards',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(app|api|jobs|channels|cli|web|contracts)/' },
    },
    {
      name: 'no-barrel-files',
      comment: 'No index.ts barrels inside src/ (STYLE.md).',
      severity: 'error',
      from: {},
      to: { path: '^src/.*index[.]tsx?$' },
    },
    {
      name: 'no-barrel-files-exporting',
      comment: 'An index.ts inside src/ that imports anything is a barrel.',
      severity: 'error',
      from: { path: '^src/.*index[.]tsx?$' },
      to: {},
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
