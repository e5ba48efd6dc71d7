// The reputation service as the benchmark runs it: its own Nest module and classes, loaded from
// its build output (apps/reputation/dist) at run time — apps do not import each other — and
// pointed at this run's scratch topics, consumer group and database.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DynamicModule } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { createLogger, loadServiceConfig, pgSettings, type JwtConfig, type ServiceConfig } from '@payforward/platform';
import { repoRoot } from '@payforward/testing';
import type { BenchTopics } from './reputation.child.js';

export type Ctor = new (...args: any[]) => object;

export const fromReputation = async <T>(path: string): Promise<T> =>
  (await import(pathToFileURL(join(repoRoot(), 'apps/reputation/dist', path)).href)) as T;

/** ReputationModule.forRoot as main.ts calls it, on the benchmark's topics and group; admin events to the scratch admin topic. */
export async function benchReputationModule(options: { config: ServiceConfig; jwt: JwtConfig; logger: Logger; topics: BenchTopics; groupId: string; relay: boolean }): Promise<DynamicModule> {
  const { ReputationModule } = await fromReputation<{ ReputationModule: { forRoot(o: Record<string, unknown>): DynamicModule } }>('reputation.module.js');
  return ReputationModule.forRoot({
    config: options.config,
    jwt: options.jwt,
    logger: options.logger,
    groupId: options.groupId,
    topics: options.topics,
    topicFor: () => options.topics.admin,
    relay: options.relay,
  });
}

/** The module booted in this process (as the service's integration specs do): the consumer starts with init. */
export async function bootReputation(
  database: string,
  groupId: string,
  topics: BenchTopics,
  /** Runs before init, i.e. before the consumer joins its group. */
  beforeInit?: (app: NestFastifyApplication) => void,
): Promise<NestFastifyApplication> {
  const config = { ...loadServiceConfig('reputation'), database: pgSettings(database) };
  const moduleRef = await Test.createTestingModule({
    imports: [
      await benchReputationModule({
        config,
        jwt: { secret: randomUUID() + randomUUID(), expiresIn: '1h', issuer: 'payforward' },
        logger: createLogger('reputation-bench', process.env.LOG_LEVEL ?? 'warn'),
        topics,
        groupId,
        relay: false,
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ logger: false }), { logger: ['error'] });
  beforeInit?.(app);
  await app.init();
  return app;
}

/** Fingerprints of the projection's tables (ledger, flags, summaries), to compare a rebuild with the live result. */
export const TABLES_FINGERPRINT = `
  SELECT (SELECT md5(coalesce(string_agg(concat_ws('|', id, member_id, points, rule_id, rule_version, source_event_id, reason, occurred_at, request_id,
                 counterparties, qualified_by, reverses, voided_by), ',' ORDER BY id), '')) FROM reputation_ledger) AS ledger,
         (SELECT md5(coalesce(string_agg(concat_ws('|', id, kind, member_id, event_ids, member_ids, request_ids, description, raised_at, status), ',' ORDER BY id), ''))
            FROM reputation_flags) AS flags,
         (SELECT md5(coalesce(string_agg(concat_ws('|', member_id, score, level, badges, paid_forward_count), ',' ORDER BY member_id), '')) FROM reputations) AS summaries,
         (SELECT count(*)::int FROM reputation_ledger) AS entries,
         (SELECT count(*)::int FROM reputation_flags) AS flag_count,
         (SELECT count(*)::int FROM reputations WHERE score <> 0) AS scored_members`;

export interface Fingerprint {
  ledger: string;
  flags: string;
  summaries: string;
  entries: number;
  flag_count: number;
  scored_members: number;
}
