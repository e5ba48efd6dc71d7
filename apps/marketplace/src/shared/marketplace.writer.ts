import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { Logger } from 'pino';
import { DomainError } from '@payforward/contracts';
import { WrongExpectedVersionError } from '@payforward/event-store';
import { inTransaction, LOGGER, PersonalDataCodec, PG_POOL } from '@payforward/platform';
import { metadataOf, type Actor } from './actor.js';
import { CLOCK, type Clock } from './clock.js';
import { DASHBOARD_CHANNEL } from './dashboard.channel.js';
import { MARKETPLACE_SETTINGS, type MarketplaceSettings } from './marketplace.settings.js';
import { WriteSession } from './write-session.js';

/**
 * Attempts per write. Sized for the worst contention we promise to handle: 100 concurrent
 * accepts on one capacity ledger. Each round one of them wins the ledger's next version, and
 * once the capacity is used up the rest are refused without writing, so real runs need far
 * fewer; the bound only stops a pathological livelock.
 */
export const MAX_WRITE_ATTEMPTS = 150;

const DEADLOCK = '40P01';
const SERIALIZATION_FAILURE = '40001';

const retryable = (error: unknown): boolean => {
  if (error instanceof WrongExpectedVersionError) return true;
  const code = (error as { code?: unknown })?.code;
  return code === DEADLOCK || code === SERIALIZATION_FAILURE;
};

/** Full jitter over a window growing 2 → 64 ms: racing writers spread out instead of colliding again in lockstep. */
const backoffMs = (attempt: number): number => Math.random() * 2 ** Math.min(attempt + 1, 6);

/**
 * Runs marketplace writes: each attempt is one transaction (events + outbox + read model +
 * dashboard notification); a stream that moved under it (expected-version conflict) or a
 * deadlock sends the attempt back to the start, where it re-reads and decides again.
 */
@Injectable()
export class MarketplaceWriter {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(MARKETPLACE_SETTINGS) private readonly settings: MarketplaceSettings,
    private readonly personalData: PersonalDataCodec,
  ) {}

  async run<T>(actor: Actor, work: (session: WriteSession) => Promise<T>, { attempts = MAX_WRITE_ATTEMPTS } = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(this.pool, async (tx) => {
          const session = new WriteSession(tx, this.clock.now(), metadataOf(actor), this.settings.topicFor, this.personalData);
          const result = await work(session);
          // NOTIFY is delivered only if this transaction commits: listeners never see a write that rolled back.
          for (const mentorId of session.mentorsToNotify) {
            await tx.query({ name: 'marketplace-notify-dashboard', text: 'SELECT pg_notify($1, $2)', values: [DASHBOARD_CHANNEL, mentorId] });
          }
          return result;
        });
      } catch (error) {
        if (!retryable(error)) throw error;
        if (attempt >= attempts) {
          this.logger.warn({ err: error, attempts }, 'write kept conflicting; giving up');
          throw new DomainError('CONFLICT', 'Too many changes to this at once; please try again.');
        }
        await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
      }
    }
  }
}
