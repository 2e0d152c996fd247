// One jest run for every test: shared unit tests, client unit tests, the client's hook and
// component tests (jsdom), server API tests against the embedded database, the embedded
// database's own tests (tests/db), the security suites (permission matrix, fuzzing, log
// scan), the fault test (tests/reliability, R13), the build checks and the browser tests.
// `npm test` (tools/test.js) builds what they need first.

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2021',
    },
    module: { type: 'commonjs' },
  },
];

/** Component and hook tests: TSX with React's automatic runtime. */
const swcTsx = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2021' },
    module: { type: 'commonjs' },
  },
];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: { '^@citycare/shared$': '<rootDir>/shared/src/index.ts' },
  rootDir: __dirname,
};

module.exports = {
  // API tests boot the app and talk to a real database; a busy 2-core machine can take seconds.
  testTimeout: 30_000,
  globalSetup: '<rootDir>/tests/support/global-setup.js',
  globalTeardown: '<rootDir>/tests/support/global-teardown.js',
  projects: [
    { ...common, displayName: 'shared', testMatch: ['<rootDir>/shared/src/**/*.test.ts'] },
    { ...common, displayName: 'client', testMatch: ['<rootDir>/client/**/*.test.ts'] },
    {
      ...common,
      displayName: 'client-dom',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/client/**/*.test.tsx'],
      transform: { '^.+\\.tsx?$': swcTsx },
      moduleNameMapper: {
        ...common.moduleNameMapper,
        '^@tarojs/components$': '<rootDir>/client/test-support/taro-components.tsx',
        '\\.css$': '<rootDir>/client/test-support/style-stub.js',
      },
    },
    { ...common, displayName: 'server', testMatch: ['<rootDir>/server/src/**/*.test.ts'] },
    { ...common, displayName: 'db', testMatch: ['<rootDir>/tests/db/**/*.test.ts'] },
    { ...common, displayName: 'security', testMatch: ['<rootDir>/tests/security/**/*.test.ts'] },
    // Two real API processes on one database (several API processes, issue 12).
    { ...common, displayName: 'cluster', testMatch: ['<rootDir>/tests/cluster/**/*.test.ts'] },
    { ...common, displayName: 'reliability', testMatch: ['<rootDir>/tests/reliability/**/*.test.ts'] },
    { ...common, displayName: 'build', testMatch: ['<rootDir>/tests/build/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};
