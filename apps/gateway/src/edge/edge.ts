import { createDatabase, JwtTokens, loadJwtConfig, type ServiceConfig } from '@payforward/platform';
import pg from 'pg';
import type { EdgeConfig } from './edge.config.js';
import { RateLimits } from './rate-limits.js';

/** What the edge needs at run time: its settings, the shared rate-limit counters and the token verifier. */
export interface Edge {
  config: EdgeConfig;
  rateLimits: RateLimits;
  tokens: JwtTokens;
  close(): Promise<void>;
}

/**
 * Creates the gateway's own small database (`GATEWAY_DATABASE`, default `payforward_gateway`) when
 * missing, like the services do for theirs, and the rate-limit table in it.
 */
export async function startEdge(service: ServiceConfig, config: EdgeConfig): Promise<Edge> {
  const tokens = new JwtTokens(loadJwtConfig());
  await createDatabase(service.database);
  const pool = new pg.Pool({ ...service.database, max: 4 });
  try {
    const rateLimits = await RateLimits.create(pool, config.rateLimits);
    return { config, rateLimits, tokens, close: () => pool.end() };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
