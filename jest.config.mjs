// Jest runs in ESM mode (NestJS 12 is ESM-only); @swc/jest transpiles with decorator metadata.
// Three projects so each layer can be run alone: unit (pure), int (real Postgres/Kafka), e2e (gateway).
import { readFileSync } from 'node:fs';

const swc = JSON.parse(readFileSync(new URL('./.swcrc', import.meta.url), 'utf8'));
delete swc.$schema;

const base = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['node'] },
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper: {
    '^@payforward/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // A test master key and key database for specs run without infra/env.sh (ADR 010).
  setupFiles: ['<rootDir>/libs/testing/src/jest.env.ts'],
  rootDir: import.meta.dirname,
};

// Explicit per-project timeouts: no spec may depend on jest's 5 s default, which a slow or shared
// machine misses (a fresh-clone run hit it on the 64-writer race). Race and load specs set their own.
// (`testTimeout` is global-only in jest: per project it is ignored, hence a setup file reading a global.)
const timeout = (ms) => ({ globals: { PAYFORWARD_TEST_TIMEOUT_MS: ms }, setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest.timeout.ts'] });
export default {
  projects: [
    { ...base, displayName: 'unit', ...timeout(10_000), testMatch: ['<rootDir>/{apps,libs}/**/*.unit.spec.ts'] },
    { ...base, displayName: 'int', ...timeout(60_000), testMatch: ['<rootDir>/{apps,libs}/**/*.int.spec.ts'], slowTestThreshold: 30 },
    { ...base, displayName: 'e2e', ...timeout(120_000), testMatch: ['<rootDir>/{apps,libs}/**/*.e2e.spec.ts'], slowTestThreshold: 60 },
    // The web client in Debian's Chromium (playwright-core) against a whole stack; infra/test.sh phase `browser`.
    { ...base, displayName: 'browser', ...timeout(300_000), testMatch: ['<rootDir>/apps/web/browser/**/*.browser.spec.ts'], slowTestThreshold: 120 },
  ],
};
