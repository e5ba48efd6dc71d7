import { createKafkaClient } from './kafka.client.js';
import { withTimeout } from './backoff.util.js';
import type { MessagingLogger } from './messaging.logger.js';

export type KafkaHealth = { ok: true; brokers: number; clusterId: string } | { ok: false; error: string };

const quiet: MessagingLogger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Readiness probe for a service's /health: connects an admin client and asks the cluster to
 * describe itself, within `timeoutMs`. Never throws; a probe that hangs counts as down.
 */
export async function kafkaHealth(brokers: readonly string[], { timeoutMs = 3_000 }: { timeoutMs?: number } = {}): Promise<KafkaHealth> {
  // Its own client without retries: a health check reports the state now, it does not wait it out.
  const admin = createKafkaClient({ brokers, clientId: 'health-probe', logger: quiet }).admin({ retry: { retries: 0 } });
  try {
    const cluster = await withTimeout(
      (async () => {
        await admin.connect();
        return admin.describeCluster();
      })(),
      timeoutMs,
      'kafka health probe',
    );
    return { ok: true, brokers: cluster.brokers.length, clusterId: cluster.clusterId };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    void admin.disconnect().catch(() => undefined);
  }
}
