// A standalone outbox relay: `node libs/messaging/dist/bin/outbox-relay.main.js`.
// Env: DATABASE_URL (or PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE), KAFKA_BROKERS,
// RELAY_BATCH_SIZE, RELAY_POLL_INTERVAL_MS, RELAY_CLIENT_ID, LOG_LEVEL. Runs until SIGTERM/SIGINT.
// RELAY_TEST_HOLD_AFTER_BATCH=n (tests only): after the n-th acknowledged batch, print its event ids
// on stdout as `relay-test-held <json>` and hold it unmarked forever, so a crash spec can kill it there.
import { OutboxRelay } from '../outbox.relay.js';
import { kafkaBrokersFromEnv } from '../kafka.client.js';
import { defaultMessagingLogger } from '../messaging.logger.js';
import type { OutboxRow } from '../outbox.session.js';

/** The line the relay prints when it holds a batch for a crash test (RELAY_TEST_HOLD_AFTER_BATCH). */
const HELD_MARKER = 'relay-test-held';

const env = process.env;
const logger = defaultMessagingLogger();
const positive = (name: string): number | undefined => {
  const n = Number(env[name]);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

const holdAfter = positive('RELAY_TEST_HOLD_AFTER_BATCH');
let acknowledged = 0;
const holdForTest = async (rows: readonly OutboxRow[]): Promise<void> => {
  if (++acknowledged !== holdAfter) return;
  process.stdout.write(`${HELD_MARKER} ${JSON.stringify(rows.map((row) => row.event_id))}\n`);
  await new Promise<never>(() => undefined);
};

// An empty config lets node-postgres read the PG* variables itself.
const relay = new OutboxRelay({
  database: env.DATABASE_URL ? env.DATABASE_URL : {},
  kafka: { brokers: kafkaBrokersFromEnv(env), clientId: env.RELAY_CLIENT_ID ?? 'outbox-relay' },
  batchSize: positive('RELAY_BATCH_SIZE'),
  pollIntervalMs: positive('RELAY_POLL_INTERVAL_MS'),
  logger,
  afterSend: holdAfter ? holdForTest : undefined,
});

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'outbox relay: stopping');
  relay.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: String(error) }, 'outbox relay: stop failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

await relay.start();
logger.info({ brokers: kafkaBrokersFromEnv(env) }, 'outbox relay: started');
