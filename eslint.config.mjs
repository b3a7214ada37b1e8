// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// Workflow code runs in Temporal's deterministic sandbox, and domain code must be importable from it.
const noIo = {
  group: [
    'node:*',
    'fs',
    'http',
    'https',
    'net',
    'crypto',
    'child_process',
    'typeorm',
    'pg',
    'nodemailer',
    '@nestjs/*',
    '@temporalio/client',
    '@temporalio/worker',
    '@safeguard/persistence',
    '@safeguard/platform',
  ],
  message: 'Workflow and domain code must stay free of I/O.',
};

// `it.only`, `describe.skip`, `test.concurrent.only`, `it.only.each`…, and the x/f shorthands.
const TEST_BLOCK = '/^(describe|it|test)$/';
const FOCUS_OR_SKIP = '/^(only|skip)$/';
const focusedOrSkippedTests = [
  {
    selector: `MemberExpression[object.name=${TEST_BLOCK}][property.name=${FOCUS_OR_SKIP}]`,
    message: 'Focused or skipped tests are not allowed: remove .only/.skip.',
  },
  {
    selector: `MemberExpression[object.object.name=${TEST_BLOCK}][property.name=${FOCUS_OR_SKIP}]`,
    message: 'Focused or skipped tests are not allowed: remove .only/.skip.',
  },
  {
    selector: 'CallExpression[callee.name=/^(x|f)(describe|it|test)$/]',
    message: 'Focused or skipped tests are not allowed: use describe/it/test.',
  },
  {
    selector: 'MemberExpression[object.name=/^(x|f)(describe|it|test)$/]',
    message: 'Focused or skipped tests are not allowed: use describe/it/test.',
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', '.tools/**', '.data/**', 'tmp/**', 'coverage/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['libs/workflows/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noIo] }] },
  },
  {
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noIo,
            {
              group: ['@temporalio/*', '@safeguard/*'],
              message: 'libs/domain is pure: no framework, no other libs.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web app reads every case record through the API, as the signed-in person: no database
    // of its own for case data, no workflow client, no second copy of any rule.
    files: ['apps/web/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@safeguard/persistence',
                '@safeguard/workflows',
                '@temporalio/*',
                'typeorm',
                '@nestjs/*',
              ],
              message: 'apps/web talks to the API over HTTP; it has no data access of its own.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // A focused or skipped test lets the suite pass while checking less than it claims.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: { 'no-restricted-syntax': ['error', ...focusedOrSkippedTests] },
  },
  {
    // The web app's enhancement script runs in the browser.
    files: ['apps/web/public/**/*.mjs'],
    languageOptions: {
      sourceType: 'module',
      globals: { document: 'readonly', navigator: 'readonly', window: 'readonly' },
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
