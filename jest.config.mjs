import { swcOptions } from './scripts/swc-options.mjs';

const transform = { '^.+\\.ts$': ['@swc/jest', { ...swcOptions(), swcrc: false }] };
const common = {
  transform,
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@okienko/(domain|routing)$': '<rootDir>/libs/$1/src/index.ts',
    '^@okienko/migrations$': '<rootDir>/migrations/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  // Two test files at a time: every end-to-end file starts its own product (database, Redis prefix, free ports) in
  // its worker's product host, so files share nothing but the host's loaded code. (Jest's default, half the cores,
  // would be one worker on a two-core machine; three at a time is faster here but leaves the browser suites' timing
  // races more room.)
  maxWorkers: 2,
  // The end-to-end suites start the whole product and talk to it over real connections: on a busy machine (two test
  // files at a time, a browser) one step can take longer than jest's default of 5 s without anything being wrong. The
  // limit only stops a test that hangs; how fast things are is measured by the benchmarks, never asserted.
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/*/src/**/__tests__/**/*.spec.ts',
        '<rootDir>/apps/api/src/**/__tests__/**/*.spec.ts',
        '<rootDir>/scripts/**/__tests__/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'mail',
      testMatch: ['<rootDir>/test/mail/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
