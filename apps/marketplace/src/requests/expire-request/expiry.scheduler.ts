import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type pg from 'pg';
import type { Logger } from 'pino';
import { LOGGER, PG_POOL } from '@payforward/platform';
import { CLOCK, type Clock } from '../../shared/clock.js';
import { ExpireHelpRequestCommand } from './expire-request.command.js';

export const EXPIRY_SETTINGS = Symbol('EXPIRY_SETTINGS');

export interface ExpirySettings {
  /** How often the scan runs (EXPIRY_SCAN_INTERVAL_MS, default 30 s); 0 = only when runOnce() is called. */
  scanIntervalMs: number;
}

const BATCH = 100;

/**
 * Expires requests left unanswered for 7 days. Driven by durable state only: the due times in
 * `request_deadlines`, written with each submission and removed when the request leaves
 * SUBMITTED. Nothing lives in memory, so a restart merely delays the next scan; several
 * instances may scan at once (each request is claimed with SKIP LOCKED by its handler).
 * Time comes from the injected clock, so specs move it instead of waiting a week.
 */
@Injectable()
export class ExpiryScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    @Inject(EXPIRY_SETTINGS) private readonly settings: ExpirySettings,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly commands: CommandBus,
  ) {}

  onApplicationBootstrap() {
    if (this.settings.scanIntervalMs > 0) this.schedule();
  }

  async beforeApplicationShutdown() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One scan: expires every request due by the clock's now; returns how many this run expired. */
  runOnce(): Promise<number> {
    // Overlapping calls share one scan rather than racing each other for the same rows.
    this.running ??= this.scan().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(async () => {
      try {
        const expired = await this.runOnce();
        if (expired > 0) this.logger.info({ expired }, 'expired unanswered help requests');
      } catch (error) {
        this.logger.warn({ err: error }, 'expiry scan failed; retrying at the next interval');
      }
      if (!this.stopped) this.schedule();
    }, this.settings.scanIntervalMs);
    this.timer.unref();
  }

  private async scan(): Promise<number> {
    const correlationId = `expiry-${randomUUID()}`;
    let expired = 0;
    let failed = 0;
    for (let after: string | null = null; !this.stopped; ) {
      const { rows }: { rows: { request_id: string }[] } = await this.pool.query<{ request_id: string }>({
        name: 'marketplace-due-requests',
        text: `SELECT request_id FROM request_deadlines WHERE due_at <= $1 AND ($2::uuid IS NULL OR request_id > $2)
               ORDER BY request_id LIMIT ${BATCH}`,
        values: [this.clock.now(), after],
      });
      for (const { request_id } of rows) {
        try {
          if (await this.commands.execute(new ExpireHelpRequestCommand(request_id, correlationId))) expired++;
        } catch (error) {
          failed++;
          this.logger.warn({ err: error, requestId: request_id }, 'could not expire a help request; the next scan retries');
        }
      }
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1]!.request_id;
    }
    if (failed > 0) this.logger.warn({ failed, expired }, 'expiry scan finished with failures');
    return expired;
  }
}
