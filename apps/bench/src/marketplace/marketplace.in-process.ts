// Contender: the marketplace's own Nest module booted in this process with @nestjs/testing (as
// its integration specs do), configured as the benchmark's marketplace service is (outbox relay
// on, scratch topics; see marketplace.dist.ts), and the commands sent straight to CommandBus —
// built exactly as the GraphQL resolvers build them. No HTTP, no GraphQL, no token check.
//
//   node marketplace.in-process.js pairs|race
//   env: BENCH_DATABASE (migrated), BENCH_TOPIC_PREFIX, BENCH_CLIENTS, BENCH_SECONDS, BENCH_WARMUP,
//        BENCH_RACE_OFFERS, BENCH_RACE_REQUESTS, BENCH_RACE_CAPACITY, KAFKA_BROKERS, PG*
// Prints {"phase":…} lines around the measured window, then one {"result":…} line.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type pg from 'pg';
import { DomainError } from '@payforward/contracts';
import { createLogger, loadServiceConfig, pgSettings, PG_POOL } from '@payforward/platform';
import { benchMarketplaceModule, fromMarketplace, type Ctor } from './marketplace.dist.js';
import { runPairs, runRace, GOAL, MESSAGE, newMemberId, offerInput, type MarketplaceApi } from './marketplace.workload.js';

interface Actor {
  id: string;
  correlationId: string;
}

const { RequestHelpCommand } = await fromMarketplace<{ RequestHelpCommand: Ctor }>('requests/request-help/request-help.command.js');
const { RequestHelpInput } = await fromMarketplace<{ RequestHelpInput: Ctor }>('requests/request-help/request-help.input.js');
const { AcceptRequestCommand } = await fromMarketplace<{ AcceptRequestCommand: Ctor }>('requests/accept-request/accept-request.command.js');
const { PublishOfferCommand } = await fromMarketplace<{ PublishOfferCommand: Ctor }>('offers/publish-offer/publish-offer.command.js');
const { PublishOfferInput } = await fromMarketplace<{ PublishOfferInput: Ctor }>('offers/publish-offer/publish-offer.input.js');

const mode = process.argv[2];
const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const topicPrefix = env('BENCH_TOPIC_PREFIX');
const config = { ...loadServiceConfig('marketplace'), database: pgSettings(env('BENCH_DATABASE')) };

const moduleRef = await Test.createTestingModule({
  imports: [
    await benchMarketplaceModule({
      config,
      jwt: { secret: randomUUID() + randomUUID(), expiresIn: '1h', issuer: 'payforward' },
      logger: createLogger('marketplace-bench', 'warn'),
      topicPrefix,
    }),
  ],
}).compile();
const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ logger: false }), { logger: ['error'] });
await app.init();
const bus = app.get(CommandBus);
const pool = app.get<pg.Pool>(PG_POOL);

const actor = (memberId: string): Actor => ({ id: memberId, correlationId: randomUUID() });

const api: MarketplaceApi = {
  member: async () => ({ id: newMemberId(), token: '' }),
  async publishOffer(mentor, capacity, period) {
    const input = Object.assign(new PublishOfferInput(), offerInput(capacity, period));
    const offer = await bus.execute<object, { id: string }>(new PublishOfferCommand(actor(mentor.id), input));
    return offer.id;
  },
  async requestHelp(seeker, offerId) {
    const input = Object.assign(new RequestHelpInput(), { offerId, message: MESSAGE, goal: GOAL });
    const request = await bus.execute<object, { id: string }>(new RequestHelpCommand(actor(seeker.id), input));
    return request.id;
  },
  async acceptRequest(mentor, requestId) {
    try {
      const request = await bus.execute<object, { status: string }>(new AcceptRequestCommand(actor(mentor.id), requestId, null));
      return { status: request.status };
    } catch (error) {
      if (error instanceof DomainError) return { refused: error.code };
      throw error;
    }
  },
};

const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
try {
  if (mode === 'pairs') {
    const result = await runPairs(api, {
      clients: Number(env('BENCH_CLIENTS', '16')),
      seconds: Number(env('BENCH_SECONDS', '2')),
      warmup: Number(env('BENCH_WARMUP', '1')),
      phase: (phase) => print({ phase }),
    });
    print({ result });
  } else if (mode === 'race') {
    const result = await runRace(api, {
      offers: Number(env('BENCH_RACE_OFFERS', '5')),
      requests: Number(env('BENCH_RACE_REQUESTS', '100')),
      capacity: Number(env('BENCH_RACE_CAPACITY', '3')),
      setupConcurrency: 16,
      acceptedInDatabase: async (offerId) =>
        (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM help_requests WHERE offer_id = $1 AND status = 'ACCEPTED'", [offerId])).rows[0]!.n,
    });
    print({ result });
  } else {
    throw new Error(`unknown mode "${mode}" (pairs|race)`);
  }
} finally {
  await app.close();
}
