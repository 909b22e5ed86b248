import type { Config } from 'jest'

// ESM throughout (kysely 0.29 is ESM-only): ts-jest compiles each test file as an ES module and
// `npm test` runs Jest with --experimental-vm-modules. Imports are written with the `.js`
// extension NodeNext requires; the mapper points them back at the `.ts` sources.
const config: Config = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@kysely-autogen/core$': '<rootDir>/packages/core/src/index.ts',
    '^@kysely-autogen/core/runtime$': '<rootDir>/packages/core/src/runtime.ts',
    '^@kysely-autogen/core/model-reader$': '<rootDir>/packages/core/src/models/read-models-on-thread.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
  testMatch: ['<rootDir>/packages/*/test/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  testTimeout: 120_000,
  // Builds the CLI (its tests spawn the binary) and type-checks everything once per run.
  globalSetup: '<rootDir>/packages/cli/test/global-setup.ts',
}

export default config
