/** @type {import('jest').Config} */
const workspaces = {
  kit: 'subgraphs/kit',
  city: 'subgraphs/city',
  district: 'subgraphs/district',
  street: 'subgraphs/street',
  gateway: 'gateway',
  infra: 'infra',
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/subgraphs', '<rootDir>/gateway', '<rootDir>/infra', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Type checking is `tsc -b`'s job (the test script builds first); here each file is only transpiled.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json' }] },
  // Tests run against the sources of every workspace, not their last build.
  moduleNameMapper: Object.fromEntries(
    Object.entries(workspaces).map(([name, dir]) => [`^@supervision/${name}$`, `<rootDir>/${dir}/src/index.ts`]),
  ),
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
