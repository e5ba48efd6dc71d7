import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { LedgerEntry, ReputationInput } from '@payforward/reputation-domain';
import { LOGGER, PG_POOL } from '@payforward/platform';
import { LedgerCache } from '../projection/ledger.cache.js';
import { insertRegisteredMembers, upsertEntries, upsertFlags, upsertSummaries, writeDiff } from '../projection/ledger.writer.js';
import { lockProjectionWrites, PROJECTION_LOCK_NAMESPACE, REBUILD_LOCK } from '../projection/projection.lock.js';
import { createNextTablesSql, dropNextTablesSql, PROJECTION_NAME, swapTablesSql } from '../projection/projection.tables.js';
import { ReputationProjection } from '../projection/reputation.projection.js';
import { countFactsAfter, lastFactSeq, loadInputs, loadNames } from '../projection/reputation.facts.js';
import { REPUTATION_SETTINGS, type ReputationSettings } from '../reputation.settings.js';

class RebuildAborted extends Error {
  override readonly name = 'RebuildAborted';
}

/**
 * Rebuilds the ledger, flags and summaries from the stored facts into `_next` tables while
 * the live ones keep serving reads and taking new events, then swaps them in:
 *
 * 1. snapshot: the facts stored so far (by arrival number) and the names, derived in memory;
 * 2. written to the `_next` tables in batches of facts, with progress in `projection_status`;
 * 3. one transaction under the projection's write lock: whatever arrived meanwhile (facts,
 *    names) is caught up by re-deriving and writing the difference, the tables are swapped,
 *    and the token changes so every live copy reloads.
 *
 * A session advisory lock held for the whole rebuild makes it one at a time across instances
 * and is what `rebuilding` reports (it goes with the connection if the process dies).
 */
@Injectable()
export class ProjectionRebuilder implements BeforeApplicationShutdown {
  private running?: Promise<void>;
  private aborted = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(REPUTATION_SETTINGS) private readonly settings: ReputationSettings,
    private readonly projection: ReputationProjection,
  ) {}

  /** Starts a rebuild in the background; false when one is already running (here or elsewhere). */
  async start(): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [PROJECTION_LOCK_NAMESPACE, REBUILD_LOCK]);
      if (!rows[0]!.ok) {
        client.release();
        return false;
      }
      await client.query(
        `UPDATE projection_status SET rebuild_started_at = now(), rebuild_finished_at = NULL, rebuilt_events = 0, rebuild_total_events = 0, rebuild_error = NULL
          WHERE name = $1`,
        [PROJECTION_NAME],
      );
    } catch (error) {
      client.release(error as Error); // a session that may hold the lock is not reused
      throw error;
    }
    this.aborted = false;
    this.running = this.run(client);
    return true;
  }

  /** Resolves when the rebuild this process runs (if any) has ended. */
  async settled(): Promise<void> {
    await this.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.aborted = true;
    await this.running;
  }

  private async run(client: pg.PoolClient): Promise<void> {
    let broken: Error | undefined;
    const started = Date.now();
    try {
      const total = await this.rebuild(client);
      this.logger.info({ facts: total, ms: Date.now() - started }, 'reputation projection rebuilt and swapped');
    } catch (error) {
      this.logger[error instanceof RebuildAborted ? 'warn' : 'error']({ err: error }, 'reputation rebuild failed; the live tables stay');
      await client.query('ROLLBACK').catch(() => undefined);
      await client.query(dropNextTablesSql()).catch((e: Error) => (broken = e));
      await client
        .query('UPDATE projection_status SET rebuild_error = $2, rebuild_finished_at = now() WHERE name = $1', [PROJECTION_NAME, String((error as Error).message)])
        .catch((e: Error) => (broken = e));
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [PROJECTION_LOCK_NAMESPACE, REBUILD_LOCK]).catch((e: Error) => (broken = e));
      client.release(broken);
    }
  }

  private async rebuild(client: pg.PoolClient): Promise<number> {
    await client.query(createNextTablesSql());
    const snapshot = await lastFactSeq(client);
    const names = await loadNames(client);
    const facts = await loadInputs(client, { uptoSeq: snapshot });
    const cache = LedgerCache.from(names, facts);
    await this.writeInBatches(client, facts, cache.ledger().entries);
    await upsertFlags(client, '_next', cache.ledger().flags);
    await upsertSummaries(client, '_next', cache.summaries());

    await client.query('BEGIN');
    await lockProjectionWrites(client);
    const [namesNow, arrived] = [await loadNames(client), await countFactsAfter(client, snapshot)];
    if (arrived > 0 || !sameNames(names, namesNow)) {
      await writeDiff(client, '_next', cache.catchUp(namesNow, await loadInputs(client)));
    }
    await insertRegisteredMembers(client, '_next');
    await client.query(swapTablesSql());
    await client.query(
      `UPDATE projection_status SET token = $2, rebuild_finished_at = now(), rebuilt_events = rebuild_total_events WHERE name = $1`,
      [PROJECTION_NAME, randomUUID()],
    );
    await client.query('COMMIT');
    this.projection.invalidate();
    return facts.length;
  }

  /** Entries grouped by the fact they came from, written fact batch by fact batch: progress counts facts. */
  private async writeInBatches(client: pg.PoolClient, facts: readonly ReputationInput[], entries: readonly LedgerEntry[]): Promise<void> {
    const bySource = new Map<string, LedgerEntry[]>();
    for (const entry of entries) {
      const list = bySource.get(entry.sourceEventId);
      if (list) list.push(entry);
      else bySource.set(entry.sourceEventId, [entry]);
    }
    const size = this.settings.rebuildBatchSize;
    await this.progress(client, 0, facts.length);
    for (let done = 0; done < facts.length; ) {
      const batch = facts.slice(done, done + size);
      await upsertEntries(client, '_next', batch.flatMap((f) => bySource.get(f.id) ?? []));
      done += batch.length;
      await this.progress(client, done, facts.length);
    }
  }

  private async progress(client: pg.PoolClient, rebuilt: number, total: number): Promise<void> {
    if (this.aborted) throw new RebuildAborted('the service is stopping');
    await client.query('UPDATE projection_status SET rebuilt_events = $2, rebuild_total_events = $3 WHERE name = $1', [PROJECTION_NAME, rebuilt, total]);
    await this.settings.rebuildCheckpoint?.({ rebuilt, total });
    if (this.aborted) throw new RebuildAborted('the service is stopping');
  }
}

const sameNames = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean =>
  a.size === b.size && [...a].every(([id, name]) => b.get(id) === name);
