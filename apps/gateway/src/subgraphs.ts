import { portOf, type ServiceName } from '@payforward/platform';
import type { Logger } from 'pino';

export interface Subgraph {
  name: ServiceName;
  url: string;
  /**
   * Only for subgraphs that serve subscriptions: the gateway opens a WebSocket to each wsUrl,
   * and a subgraph without subscriptions would refuse it.
   */
  wsUrl?: string;
  /** Where the subgraph answers liveness: its GraphQL origin + /health. */
  healthUrl: string;
}

/** The composed subgraphs, and whether each serves subscriptions (the marketplace's `mentorDashboardChanged`, notifications' `notificationReceived`). */
const SUBGRAPHS: readonly { name: ServiceName; subscriptions: boolean }[] = [
  { name: 'identity', subscriptions: false },
  { name: 'marketplace', subscriptions: true },
  { name: 'reputation', subscriptions: false },
  { name: 'notifications', subscriptions: true },
];

/** The subgraphs composed into the public schema; `<NAME>_URL` overrides the local default. */
export function subgraphsFromEnv(env: Record<string, string | undefined> = process.env): Subgraph[] {
  return SUBGRAPHS.map(({ name, subscriptions }) => {
    const url = env[`${name.toUpperCase()}_URL`] || `http://127.0.0.1:${portOf(name, env)}/graphql`;
    return {
      name,
      url,
      ...(subscriptions ? { wsUrl: url.replace(/^http/, 'ws') } : {}),
      healthUrl: `${new URL(url).origin}/health`,
    };
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The gateway reads every subgraph's SDL once at start, so it waits for them first: polls each
 * /health with a growing delay (250 ms doubling to 5 s) until all answer or `timeoutMs` passes.
 */
export async function waitForSubgraphs(subgraphs: Subgraph[], logger: Logger, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 250;
  for (;;) {
    const down = [];
    for (const s of subgraphs) if (!(await answers(s.healthUrl))) down.push(s.name);
    if (down.length === 0) return;
    if (Date.now() + delay > deadline) throw new Error(`subgraphs not reachable after ${timeoutMs} ms: ${down.join(', ')}`);
    logger.info({ down, retryInMs: delay }, 'waiting for subgraphs');
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 5_000);
  }
}

// Only what subgraphs need: the bearer token (they verify it themselves) and the correlation id.
const FORWARDED = ['authorization', 'x-correlation-id'] as const;

export function forwardHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const forwarded: Record<string, string> = {};
  for (const name of FORWARDED) {
    const value = headers[name];
    if (typeof value === 'string') forwarded[name] = value;
  }
  return forwarded;
}
