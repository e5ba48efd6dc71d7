/**
 * Jest `setupFiles`: what every spec process needs in its environment and a bare `npx jest` does
 * not have (infra/test.sh sources infra/env.sh first). Personal data is sealed with per-member keys
 * wrapped by ENCRYPTION_MASTER_KEY (ADR 010): specs get a fixed test key unless one is set, and a
 * key database of their own (KEYS_DATABASE), never the local run's payforward_keys.
 */
process.env.ENCRYPTION_MASTER_KEY ||= Buffer.from('payforward test master key: 32 b').toString('base64');
process.env.KEYS_DATABASE ||= 'pf_test_keys';
