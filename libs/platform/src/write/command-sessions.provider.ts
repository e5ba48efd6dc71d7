import type { Provider } from '@nestjs/common';
import type pg from 'pg';
import type { Logger } from 'pino';
import { CommandSessions, retryPolicyFromEnv, type InlineProjector } from '@payforward/event-store';
import { PersonalDataCodec } from '@payforward/crypto-shredding';
import { PG_POOL } from '../database/database.module.js';
import { LOGGER } from '../logging/pino.logger.js';

/** What differs between services' write sides; everything else (pool, retry policy, logging) is the same everywhere. */
export interface WriteSideOptions {
  /** The service's inline read model, run in each write's transaction. */
  projector?: InlineProjector;
  /** Where each event type is published (default: the contracts' registry). */
  topicFor?: (type: string) => string;
  /** Seal personal data in events with the member's key (ADR 010). */
  sealPersonalData?: boolean;
  /** The time each write decides at (specs move it). */
  clock?: () => Date;
}

/** Provide it (useValue / useFactory) beside commandSessionsProvider. */
export const WRITE_SIDE = Symbol('WRITE_SIDE');

/**
 * CommandSessions for a service (ADR 013): its pool, the one retry policy with the
 * WRITE_RETRY_* overrides from the environment, and the service's WRITE_SIDE options.
 */
export const commandSessionsProvider: Provider = {
  provide: CommandSessions,
  inject: [PG_POOL, LOGGER, PersonalDataCodec, WRITE_SIDE],
  useFactory: (pool: pg.Pool, logger: Logger, personalData: PersonalDataCodec, side: WriteSideOptions) =>
    new CommandSessions(pool, {
      retry: retryPolicyFromEnv(process.env),
      store: { topicFor: side.topicFor, codec: side.sealPersonalData ? personalData : undefined },
      projector: side.projector,
      clock: side.clock,
      onGiveUp: ({ attempts, elapsedMs, error }) => logger.warn({ err: error, attempts, elapsedMs }, 'write kept conflicting; giving up'),
    }),
};
