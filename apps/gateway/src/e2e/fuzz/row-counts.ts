import kafkajs from 'kafkajs';
import pg from 'pg';
import { TOPIC_SPECS } from '@payforward/contracts';
import { kafkaBrokers, pgConfig, waitFor, type Stack } from '@payforward/testing';

/**
 * What a refused call must not change, and when the stack is quiet enough to look.
 *
 * RowCounts: the row count of every table of every database of the stack (the four services',
 * the gateway's and the key database), listed afresh each time so a table created on first use is
 * seen. The one exclusion changes on every request, refused or not, by design:
 * - gateway `rate_limits`: the edge counts each attempt before the operation runs (ADR 007).
 *
 * Quiescence: a served call has consequences that land later (outbox → Kafka → the other
 * services' consumers, a projection rebuild). Before the next refusal is judged, the stack must be
 * quiet: no unpublished outbox row, no uncommitted message for the stack's consumer groups, no
 * rebuild running, and all of that unchanged across two reads.
 */
const EXCLUDED = new Set(['gateway.rate_limits']);

export class RowCounts {
  private readonly pools: Map<string, pg.Pool>;

  constructor(stack: Stack) {
    const databases = { ...stack.databases, gateway: stack.gatewayDatabase, keys: stack.keysDatabase };
    this.pools = new Map(Object.entries(databases).map(([name, database]) => [name, new pg.Pool({ ...pgConfig(), database, max: 1 })]));
  }

  pool(name: string): pg.Pool {
    return this.pools.get(name)!;
  }

  /** `database.table` → rows, for every table but the excluded ones. */
  async take(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const [name, pool] of this.pools) {
      const { rows: tables } = await pool.query<{ t: string }>(
        `SELECT format('%I.%I', schemaname, tablename) AS t FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
      );
      const counted = tables.map(({ t }) => t).filter((t) => !EXCLUDED.has(`${name}.${t.replace(/^public\./, '')}`));
      if (counted.length === 0) continue;
      const { rows } = await pool.query<{ t: string; n: number }>(counted.map((t, i) => `SELECT $${i + 1}::text AS t, count(*)::int AS n FROM ${t}`).join(' UNION ALL '), counted);
      for (const { t, n } of rows) counts.set(`${name}.${t.replace(/^public\./, '')}`, n);
    }
    return counts;
  }

  /** The tables whose counts differ ("identity.es_events 3 → 4"), including ones that appeared or vanished. */
  static changed(before: Map<string, number>, after: Map<string, number>): string[] {
    const tables = [...new Set([...before.keys(), ...after.keys()])].sort();
    return tables.filter((t) => before.get(t) !== after.get(t)).map((t) => `${t} ${before.get(t) ?? 'absent'} → ${after.get(t) ?? 'absent'}`);
  }

  async end(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.end()));
  }
}

export class Quiescence {
  private readonly admin = new kafkajs.Kafka({ clientId: 'fuzz-quiescence', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING }).admin();
  private readonly groups: string[];

  constructor(
    private readonly stack: Stack,
    private readonly counts: RowCounts,
    private readonly adminToken: () => string,
  ) {
    this.groups = ['IDENTITY_CONTACT_GRANTS_GROUP', 'MARKETPLACE_CONSUMER_GROUP', 'REPUTATION_CONSUMER_GROUP', 'NOTIFICATIONS_CONSUMER_GROUP'].map((key) => stack.env[key]!);
  }

  connect(): Promise<void> {
    return this.admin.connect();
  }

  disconnect(): Promise<void> {
    return this.admin.disconnect();
  }

  /** Waits until the stack is quiet (see above); throws with the last state after `timeoutMs`. */
  async settle(timeoutMs = 60_000): Promise<void> {
    let last = '';
    await waitFor(
      async () => {
        const first = await this.state();
        last = first.summary;
        if (!first.quiet) return false;
        return (await this.state()).key === first.key;
      },
      { timeoutMs, intervalMs: 100, what: 'a quiet stack' },
    ).catch((error: Error) => {
      throw new Error(`${error.message} (last seen: ${last})`);
    });
  }

  private async state(): Promise<{ quiet: boolean; key: string; summary: string }> {
    const unpublished: number[] = [];
    // Notifications only consumes: it has no outbox.
    for (const name of ['identity', 'marketplace', 'reputation']) {
      const { rows } = await this.counts.pool(name).query<{ n: number }>('SELECT count(*)::int AS n FROM es_outbox WHERE published_at IS NULL');
      unpublished.push(rows[0]!.n);
    }
    const topics = new Set(await this.admin.listTopics());
    const names = TOPIC_SPECS.map((t) => t.name).filter((t) => topics.has(t));
    const ends = new Map<string, number>();
    for (const topic of names) for (const p of await this.admin.fetchTopicOffsets(topic)) ends.set(`${topic}/${p.partition}`, Number(p.high));
    let lag = 0;
    const committed: string[] = [];
    for (const groupId of this.groups) {
      for (const { topic, partitions } of await this.admin.fetchOffsets({ groupId, topics: names })) {
        for (const p of partitions) {
          // A partition the group never committed is one it does not read (or has read nothing of).
          if (Number(p.offset) < 0) continue;
          lag += Math.max(0, ends.get(`${topic}/${p.partition}`)! - Number(p.offset));
          committed.push(`${groupId}:${topic}/${p.partition}=${p.offset}`);
        }
      }
    }
    const projections = await this.stack.gql<{ projections: { rebuilding: boolean }[] }>('{ projections { rebuilding } }', {}, this.adminToken());
    const rebuilding = projections.data?.projections.some((p) => p.rebuilding) ?? true;
    const quiet = unpublished.every((n) => n === 0) && lag === 0 && !rebuilding;
    return { quiet, key: JSON.stringify([unpublished, [...ends], committed, rebuilding]), summary: `unpublished ${unpublished.join('/')}, lag ${lag}, rebuilding ${rebuilding}` };
  }
}
