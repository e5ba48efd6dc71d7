import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { REPUTATION_ADMIN_STREAM_ID } from '@payforward/contracts';
import { handleCommand, PostgresEventStore } from '@payforward/event-store';
import { PG_POOL, type Viewer } from '@payforward/platform';
import { REPUTATION_SETTINGS, type ReputationSettings } from '../reputation.settings.js';
import { adminStreamDecider, type AdminCommand } from '@payforward/reputation-domain';

/**
 * Appends admin decisions to the `reputation-admin` stream (event + outbox row in one
 * statement; the outbox relay publishes them to `reputation.admin.v1`). The projection reads
 * them back from the topic like any other input, so the ledger, a rebuild and the audit trail
 * all see the same decisions.
 */
@Injectable()
export class AdminStreamWriter {
  private readonly store: PostgresEventStore;

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(REPUTATION_SETTINGS) private readonly settings: ReputationSettings,
  ) {
    this.store = new PostgresEventStore(pool, { topicFor: settings.topicFor });
  }

  /** Decides and appends; returns the appended event's id. */
  async decide(command: AdminCommand, admin: Viewer, correlationId: string): Promise<string> {
    const metadata = { actor: admin.memberId, correlationId, causationId: null };
    // Every decision shares the stream, so concurrent admins may race for its next version: retried, re-decided.
    const { nextExpectedVersion } = await handleCommand(this.store, REPUTATION_ADMIN_STREAM_ID, adminStreamDecider, command, metadata, { retries: 20 });
    const [appended] = await this.store.readStream(REPUTATION_ADMIN_STREAM_ID, { fromVersion: nextExpectedVersion });
    return appended!.id;
  }

  /**
   * Read-your-writes for the admin: waits (bounded) until the projection applied the event,
   * i.e. its id is in processed_events for the live group. False when it has not yet.
   */
  async projected(eventId: string): Promise<boolean> {
    const deadline = Date.now() + this.settings.adminReadYourWritesMs;
    for (;;) {
      const { rowCount } = await this.pool.query({
        name: 'reputation-admin-projected',
        text: 'SELECT 1 FROM processed_events WHERE consumer_group = $1 AND event_id = $2',
        values: [this.settings.groupId, eventId],
      });
      if (rowCount === 1) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
