import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deleteKafkaResources } from './kafka-cleanup.js';
import { uniqueSuffix } from './env.js';
import { dropDatabase, freePorts, graphqlRequest, repoRoot, runNodeScript, spawnService, type ServiceProcess } from './services.js';

/**
 * The whole system from its builds, for end-to-end specs through the gateway: identity,
 * marketplace, reputation and notifications on fresh databases of their own, consumer groups of their own
 * (so a run neither steals from nor is skipped by another run or the local stack), and the
 * gateway in front. The gateway cannot start inside Jest (ADR 001), so every service is a child
 * process: `npx nx run-many -t build` first.
 */
export type StackService = 'identity' | 'marketplace' | 'reputation' | 'notifications';

export interface Stack {
  suffix: string;
  /** http://127.0.0.1:<port>/graphql of the gateway. */
  graphqlUrl: string;
  /** ws://127.0.0.1:<port>/graphql of the gateway (subscriptions). */
  wsUrl: string;
  databases: Record<StackService, string>;
  /** The gateway's own database (rate-limit counters), fresh for the stack like the services'. */
  gatewayDatabase: string;
  /** The key database (per-member data keys, ADR 010), fresh for the stack, with its own master key. */
  keysDatabase: string;
  /** With `logDir`: where each service's whole output goes (`<dir>/<service>.log`). */
  logFiles: Record<string, string>;
  /** The first admin identity bootstraps (PAYFORWARD_ADMIN_*). */
  admin: { email: string; password: string };
  env: Record<string, string>;
  services: ServiceProcess[];
  /** A GraphQL operation through the gateway; `errors` are returned, not thrown. */
  gql: <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string) => ReturnType<typeof graphqlRequest<T>>;
  /** Stops every service, drops the databases and deletes the consumer groups and dead-letter topics. */
  stop(): Promise<void>;
}

const SERVICES: StackService[] = ['identity', 'marketplace', 'reputation', 'notifications'];

export interface StackOptions {
  env?: Record<string, string>;
  timeoutMs?: number;
  /** A directory for the services' complete logs (the ServiceProcess output keeps only the last lines). */
  logDir?: string;
}

export async function startStack({ env: extra = {}, timeoutMs = 150_000, logDir }: StackOptions = {}): Promise<Stack> {
  for (const app of [...SERVICES, 'gateway']) {
    if (!existsSync(join(repoRoot(), `apps/${app}/dist/main.js`))) throw new Error(`apps/${app} is not built: run npx nx run-many -t build`);
  }
  const suffix = uniqueSuffix();
  const databases = Object.fromEntries(SERVICES.map((s) => [s, `pf_e2e_${s}_${suffix}`])) as Record<StackService, string>;
  const groups = {
    REPUTATION_CONSUMER_GROUP: `reputation.e2e.${suffix}`,
    IDENTITY_CONTACT_GRANTS_GROUP: `identity.contact-grants.e2e.${suffix}`,
    MARKETPLACE_CONSUMER_GROUP: `marketplace.e2e.${suffix}`,
    NOTIFICATIONS_CONSUMER_GROUP: `notifications.e2e.${suffix}`,
    // The daily digest writes mail on a timer, not on an event: after 08:00 UTC it would change rows under the
    // mutation fuzz's feet. Digests are int-tested (email.int.spec.ts); e2e stacks scan for them once a day.
    DIGEST_SCAN_INTERVAL_MS: '86400000',
  };
  // Distinct by construction: two services on one port let the gateway compose one subgraph twice
  // and another not at all ("Unknown type PublishOfferInput" in a CI run).
  const [GATEWAY_PORT, IDENTITY_PORT, MARKETPLACE_PORT, REPUTATION_PORT, NOTIFICATIONS_PORT] = await freePorts(5);
  const ports = { GATEWAY_PORT, IDENTITY_PORT, MARKETPLACE_PORT, REPUTATION_PORT, NOTIFICATIONS_PORT } as Record<string, number>;
  const admin = { email: `admin-${suffix}@example.com`, password: `admin password ${suffix}` };
  const gatewayDatabase = `pf_e2e_gateway_${suffix}`;
  const keysDatabase = `pf_e2e_keys_${suffix}`;
  if (logDir) mkdirSync(logDir, { recursive: true });
  const logFiles: Record<string, string> = logDir ? Object.fromEntries([...SERVICES, 'gateway'].map((s) => [s, join(logDir, `${s}.log`)])) : {};
  const env: Record<string, string> = {
    // Every spec's members register, log in and ask for help from 127.0.0.1: the gateway's per-address and
    // per-member rate limits would stop a spec's own setup. A spec about the limits passes its own numbers.
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    RATE_LIMIT_REGISTER_PER_HOUR: '100000',
    RATE_LIMIT_REQUEST_HELP_PER_HOUR: '100000',
    RATE_LIMIT_REQUEST_HELP_PER_HOUR_PER_IP: '100000',
    RATE_LIMIT_PASSWORD_RESET_PER_HOUR: '100000',
    RATE_LIMIT_RESET_PASSWORD_PER_HOUR: '100000',
    RATE_LIMIT_VERIFY_EMAIL_PER_HOUR: '100000',
    RATE_LIMIT_VERIFICATION_EMAIL_PER_HOUR: '100000',
    // The no-enumeration floor of requestPasswordReset (ADR 019) would only slow specs that call it many times (the fuzz).
    PASSWORD_RESET_RESPONSE_MS: '0',
    GATEWAY_DATABASE: gatewayDatabase,
    JWT_SECRET: `e2e-secret-${suffix}-0123456789abcdef0123456789`,
    ENCRYPTION_MASTER_KEY: randomBytes(32).toString('base64'),
    KEYS_DATABASE: keysDatabase,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    IDENTITY_DATABASE: databases.identity,
    MARKETPLACE_DATABASE: databases.marketplace,
    REPUTATION_DATABASE: databases.reputation,
    NOTIFICATIONS_DATABASE: databases.notifications,
    PAYFORWARD_ADMIN_EMAIL: admin.email,
    PAYFORWARD_ADMIN_PASSWORD: admin.password,
    ...groups,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    ...extra,
  };
  const services: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(services.splice(0).reverse().map((s) => s.stop()));
    await Promise.all([...Object.values(databases), gatewayDatabase, keysDatabase].map(dropDatabase));
    const groupIds = Object.values(groups);
    await deleteKafkaResources({ topics: groupIds.map((g) => `dlq.${g}.v1`), groups: groupIds });
  };
  try {
    await Promise.all(SERVICES.map((s) => runNodeScript(`${s} migrate`, `apps/${s}/dist/migrate.js`, env)));
    // Subgraphs first: the gateway reads their SDL when it starts.
    const health = (s: string, port: number) => `http://127.0.0.1:${port}/health`;
    const portOf = { identity: ports.IDENTITY_PORT, marketplace: ports.MARKETPLACE_PORT, reputation: ports.REPUTATION_PORT, notifications: ports.NOTIFICATIONS_PORT };
    const started = await Promise.allSettled(
      SERVICES.map((s) => spawnService(s, `apps/${s}/dist/main.js`, env, health(s, portOf[s]), timeoutMs, logFiles[s])),
    );
    for (const r of started) if (r.status === 'fulfilled') services.push(r.value);
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    services.push(await spawnService('gateway', 'apps/gateway/dist/main.js', env, health('gateway', ports.GATEWAY_PORT), timeoutMs, logFiles.gateway));
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  const graphqlUrl = `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`;
  return {
    suffix,
    graphqlUrl,
    wsUrl: graphqlUrl.replace(/^http/, 'ws'),
    databases,
    gatewayDatabase,
    keysDatabase,
    logFiles,
    admin,
    env,
    services,
    gql: (query, variables = {}, token) => graphqlRequest(graphqlUrl, query, variables, token),
    stop,
  };
}
