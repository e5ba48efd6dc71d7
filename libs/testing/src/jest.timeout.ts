import { jest } from '@jest/globals';

// The project's timeout (jest.config.mjs `globals`), for every test and hook of its specs; a spec's
// own jest.setTimeout or per-test timeout still wins.
const ms = (globalThis as { PAYFORWARD_TEST_TIMEOUT_MS?: unknown }).PAYFORWARD_TEST_TIMEOUT_MS;
if (typeof ms !== 'number' || ms <= 0) throw new Error('jest.config.mjs sets PAYFORWARD_TEST_TIMEOUT_MS for every project');
jest.setTimeout(ms);
