import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimitedField, RateRule } from './edge.config.js';

/**
 * How many times each rate-limited root mutation field occurs in a document: every alias, every
 * operation of the document (not only the one that would run), fields reached through fragment
 * spreads and inline fragments. Counting what is written, not what would execute, can only
 * over-count (two identical unaliased selections merge into one call): safe for a limit.
 */
export function countLimitedFields(document: DocumentNode, fields: ReadonlySet<string>, into = new Map<string, number>()): Map<string, number> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const walk = (set: SelectionSetNode, spreading: ReadonlySet<string>): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (fields.has(selection.name.value)) into.set(selection.name.value, (into.get(selection.name.value) ?? 0) + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, spreading);
      } else {
        const fragment = fragments.get(selection.name.value);
        // A cycle is invalid GraphQL (refused later by graphql-js); it must not hang the count.
        if (fragment && !spreading.has(fragment.name.value)) walk(fragment.selectionSet, new Set([...spreading, fragment.name.value]));
      }
    }
  };
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation') walk(d.selectionSet, new Set());
  return into;
}

export interface RateRefusal {
  rule: RateRule;
  retryAfterSeconds: number;
}

const TABLE = 'rate_limits';

/**
 * The counters behind the rate limits, in the gateway's own Postgres database so that every gateway
 * instance shares them (docs/adr/007-graphql-edge-limits.md). If Postgres fails mid-flight, an
 * in-memory limiter with the same numbers takes over for that instance (rate-limiter-flexible's
 * insurance limiter), so an outage neither opens the gate nor fails every login.
 */
export class RateLimits {
  readonly fields: ReadonlySet<LimitedField>;

  private constructor(private readonly limiters: { rule: RateRule; limiter: RateLimiterAbstract }[]) {
    this.fields = new Set(limiters.map((l) => l.rule.field));
  }

  static async create(pool: pg.Pool, rules: readonly RateRule[]): Promise<RateLimits> {
    const limiters: { rule: RateRule; limiter: RateLimiterAbstract }[] = [];
    for (const [index, rule] of rules.entries()) {
      const options = { points: rule.points, duration: rule.durationSeconds, keyPrefix: `${rule.field}:${rule.per}` };
      const insuranceLimiter = new RateLimiterMemory(options);
      // The first limiter creates the shared table (and reports a failure); the others find it there.
      let limiter!: RateLimiterPostgres;
      await new Promise<void>((resolve, reject) => {
        limiter = new RateLimiterPostgres(
          { ...options, storeClient: pool, storeType: 'pool', tableName: TABLE, tableCreated: index > 0, insuranceLimiter },
          (error) => (error ? reject(error) : resolve()),
        );
      });
      limiters.push({ rule, limiter });
    }
    return new RateLimits(limiters);
  }

  /**
   * Takes `count` points per occurrence from every matching rule, before anything runs. The first rule
   * that is out of points refuses the whole request; points already taken by earlier rules stay taken
   * (a refused attempt is still an attempt).
   */
  async consume(counts: ReadonlyMap<string, number>, who: { ip: string; memberId: string | null }): Promise<RateRefusal | null> {
    for (const { rule, limiter } of this.limiters) {
      const count = counts.get(rule.field) ?? 0;
      const key = rule.per === 'ip' ? who.ip : who.memberId;
      if (count === 0 || !key) continue;
      try {
        await limiter.consume(key, count);
      } catch (outcome) {
        if (!(outcome instanceof RateLimiterRes)) throw outcome;
        return { rule, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
      }
    }
    return null;
  }
}
