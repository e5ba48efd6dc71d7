import { kafkaHealth } from '@payforward/messaging';
import type { ReadinessCheck } from './health.checks.js';

/** Kafka is usable when a fresh admin client can describe the cluster. */
export const kafkaCheck = (brokers: readonly string[]): ReadinessCheck => ({
  name: 'kafka',
  async check() {
    const health = await kafkaHealth(brokers);
    if (!health.ok) throw new Error(health.error);
    return health;
  },
});
