/**
 * One jest run covers everything:
 *   unit   pure libs and app units, workflow timelines on the time-skipping server, replay of stored histories,
 *          and the lint rules that keep tests honest (test/lint)
 *   e2e    black-box over HTTP against the real stack (API + worker + Temporal + Postgres + SMTP)
 * Libraries are mapped to their sources; apps under e2e run from their build (npm test builds first).
 */
const libraries = ['domain', 'platform', 'persistence', 'workflows'];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: {
    ...Object.fromEntries(
      libraries.map((name) => [`^@safeguard/${name}$`, `<rootDir>/libs/${name}/src`]),
    ),
    // The test rig too, so a change to it needs no build before the specs see it.
    '^@safeguard/dev-stack$': '<rootDir>/tools/dev-stack/src',
  },
  modulePathIgnorePatterns: ['<rootDir>/.tools/', '<rootDir>/.data/'],
};

module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: [
        '<rootDir>/libs',
        '<rootDir>/apps',
        '<rootDir>/tools',
        '<rootDir>/test/replay',
        '<rootDir>/test/lint',
      ],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/timeouts.ts'],
      globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
    },
  ],
};
