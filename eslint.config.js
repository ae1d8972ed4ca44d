// ESLint flat config: typescript-eslint strict rules plus the project's own bans.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'dist', 'coverage', 'src/db/migrations', '.tmp', '*.cjs'] },
  js.configs.recommended,
  {
    // Plain Node scripts (bin/, scripts/).
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message: 'Use a literal union or an `as const` map, not a TS enum.',
        },
      ],
    },
  },
  {
    // Only src/config/env.ts reads process.env (STYLE.md).
    files: ['src/**/*.ts'],
    ignores: ['src/config/env.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/config/env.ts.' },
      ],
    },
  },
  {
    // The domain is pure: no clocks, no randomness.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time is an argument in the domain (STYLE.md).' },
        { object: 'Math', property: 'random', message: 'Randomness is an argument in the domain.' },
        { object: 'process', property: 'env', message: 'The domain does not read configuration.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in.' },
        { selector: 'TSEnumDeclaration', message: 'Use a literal union or an `as const` map.' },
      ],
    },
  },
);
