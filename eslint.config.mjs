// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const repoRoot = dirname(fileURLToPath(import.meta.url));

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
  ],
  message: 'Workflow and domain code must stay free of I/O.',
};

const LIBS = ['libs/domain', 'libs/persistence', 'libs/platform', 'libs/workflows'];

/**
 * Where code lives and what it may import: the "may import" column of docs/architecture.md
 * ("Where code lives"), which test/lint/boundaries.spec.ts holds this table to.
 *   mayImport   the folders whose code this folder's code may import. A folder with an entry point
 *               (`entry`: libs and tools, `@safeguard/<name>`) is imported through it only, never by
 *               a path into its src or dist; an app has none, so whoever may import it does so by path.
 *               Specs (`*.spec.ts`) may also import SPECS_MAY_ALSO_IMPORT.
 *   restricted  no-restricted-imports patterns for the folder's code other than specs: what it may
 *               not use from outside the repository.
 */
const LAYOUT = {
  'libs/domain': {
    entry: true,
    mayImport: [],
    restricted: [noIo, { group: ['@temporalio/*'], message: 'libs/domain is pure: no framework.' }],
  },
  'libs/workflows': {
    entry: true,
    mayImport: ['libs/domain'],
    restricted: [
      noIo,
      {
        group: ['@temporalio/*', '!@temporalio/workflow', '!@temporalio/common'],
        message:
          'Workflow code runs in the deterministic sandbox: of Temporal, only @temporalio/workflow and @temporalio/common.',
      },
    ],
  },
  'libs/persistence': { entry: true, mayImport: ['libs/domain'] },
  'libs/platform': { entry: true, mayImport: [] },
  'apps/web': {
    mayImport: ['libs/domain', 'libs/platform'],
    restricted: [
      {
        // The web app reads every case record through the API, as the signed-in person: no
        // database of its own for case data, no workflow client, no second copy of any rule.
        group: ['@temporalio/*', 'typeorm', '@nestjs/*'],
        message: 'apps/web talks to the API over HTTP; it has no data access of its own.',
      },
    ],
  },
  'apps/api': { mayImport: LIBS },
  'apps/worker': { mayImport: LIBS },
  'tools/dev-stack': { entry: true, mayImport: ['libs/domain'] },
  'test/e2e': { mayImport: [...LIBS, 'tools/dev-stack', 'apps/api', 'apps/worker'] },
  'test/replay': { mayImport: ['libs/workflows', 'tools/dev-stack'] },
  'test/lint': { mayImport: [] },
  'test/support': { mayImport: [] },
  bench: { mayImport: [...LIBS, 'tools/dev-stack', 'apps/api'] },
};
const SPECS_MAY_ALSO_IMPORT = ['tools/dev-stack'];
const SPEC_FILE = /\.(e2e-)?spec\.[cm]?[jt]s$/;
const CODE_FILES = '**/*.{ts,mts,cts,js,mjs,cjs}';

/** The LAYOUT folder a file is in (the innermost), from its absolute path. */
function folderOf(/** @type {string} */ file) {
  const path = relative(repoRoot, file).split(sep).join('/');
  return Object.keys(LAYOUT)
    .filter((folder) => path === folder || path.startsWith(`${folder}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** The workspaces (apps/*, libs/*, tools/*) are named `@safeguard/<folder name>`. */
const packageOf = (/** @type {string} */ folder) => `@safeguard/${folder.split('/').pop()}`;
const folderOfPackage = new Map(
  Object.keys(LAYOUT)
    .filter((folder) => /^(apps|libs|tools)\//.test(folder))
    .map((folder) => [packageOf(folder), folder]),
);

/** @type {import('eslint').Rule.RuleModule} */
const mayImportRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the "may import" column of docs/architecture.md.' },
    schema: [],
  },
  create(context) {
    const from = folderOf(context.filename);
    if (!from) return {};
    const allowed = new Set(LAYOUT[from].mayImport);
    if (SPEC_FILE.test(context.filename)) SPECS_MAY_ALSO_IMPORT.forEach((f) => allowed.add(f));

    /** @param {any} node @param {unknown} specifier */
    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      let to;
      let byEntryPoint = false;
      if (specifier.startsWith('.')) {
        to = folderOf(resolve(dirname(context.filename), specifier));
        if (to === from) return;
      } else if (specifier.startsWith('@safeguard/')) {
        to = folderOfPackage.get(specifier.split('/').slice(0, 2).join('/'));
        byEntryPoint = to !== undefined && specifier === packageOf(to);
      }
      if (!to) return;
      if (to === from) {
        const message = `Inside ${from}, import its files by relative path, not through ${specifier}.`;
        context.report({ node, message });
      } else if (!allowed.has(to)) {
        const message = `${from} may not import ${to} (docs/architecture.md, "Where code lives").`;
        context.report({ node, message });
      } else if (LAYOUT[to].entry && !byEntryPoint) {
        const message = `Import ${to} through its entry point '${packageOf(to)}', not a path into its files.`;
        context.report({ node, message });
      }
    }

    /** @param {any} node */
    const source = (node) => node.source && check(node, node.source.value);
    return {
      ImportDeclaration: source,
      ExportNamedDeclaration: source,
      ExportAllDeclaration: source,
      ImportExpression: source,
      /** @param {any} node */
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
          check(node, node.arguments[0]?.value);
        }
      },
      /** @param {any} node */
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference.type === 'TSExternalModuleReference') {
          check(node, node.moduleReference.expression.value);
        }
      },
      /** @param {any} node */
      TSImportType(node) {
        check(node, node.argument?.literal?.value);
      },
    };
  },
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
    // One rule for every import between the repository's folders, read from LAYOUT.
    files: [CODE_FILES],
    plugins: { safeguard: { rules: { 'may-import': mayImportRule } } },
    rules: { 'safeguard/may-import': 'error' },
  },
  ...Object.entries(LAYOUT)
    .filter(([, { restricted }]) => restricted)
    .map(([folder, { restricted }]) => ({
      files: [`${folder}/${CODE_FILES}`],
      ignores: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: restricted }] },
    })),
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
