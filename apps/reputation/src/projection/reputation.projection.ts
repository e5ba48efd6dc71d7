import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { ERASED_MEMBER_NAME, IdentityEventTypes, type EventEnvelope, type MemberRegisteredData } from '@payforward/contracts';
import { isReputationInput, NO_EFFECT_TYPES } from '@payforward/reputation-domain';
import { LOGGER, PersonalDataCodec } from '@payforward/platform';
import type { Logger } from 'pino';
import { LedgerCache, type LedgerDiff } from './ledger.cache.js';
import { announceNewFlags } from './flag.announcer.js';
import { registerMember, renameMember, writeDiff } from './ledger.writer.js';
import { lockProjectionWrites } from './projection.lock.js';
import { PROJECTION_NAME } from './projection.tables.js';
import { REPUTATION_SETTINGS, type ReputationSettings } from '../reputation.settings.js';
import { loadInputs, loadNames, storeFact, storeFacts, toInput } from './reputation.facts.js';

/**
 * Applies one consumed event, inside the consumer's transaction that also records its id as
 * processed (so a redelivery never gets here twice):
 *
 * Events that never move the ledger (most of the marketplace's) are only stored, for the
 * member history. The others:
 *
 * 1. take the projection's write lock, so partitions and instances apply one at a time;
 * 2. make sure the in-memory ledger is the one the tables hold: `projection_status.token`
 *    changes with every ledger write, and a copy with another token (another instance wrote,
 *    a rebuild swapped, a transaction failed) is reloaded from the stored facts;
 * 3. store the fact; an id already stored was applied with it, so it changes nothing;
 * 4. apply it (a late fact replays in memory and yields the difference; a name that arrives
 *    after lines quoting it re-derives them) and write the difference and a new token.
 */
@Injectable()
export class ReputationProjection {
  private cache: LedgerCache | null = null;
  private token: string | null = null;

  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly personalData: PersonalDataCodec,
    @Inject(REPUTATION_SETTINGS) private readonly settings: ReputationSettings,
  ) {}

  async apply(envelope: EventEnvelope, tx: pg.ClientBase, topic: string): Promise<void> {
    const naming = nameOf(envelope);
    const folded = isFolded(envelope);
    // Most events (requests submitted, accepted, pending slots, declines) are kept for the
    // history only: they never touch the ledger, so they need neither the lock nor the copy.
    if (!naming && !folded) {
      if (await storeFact(tx, topic, envelope)) await this.touched(tx, envelope.occurredAt);
      return;
    }
    await lockProjectionWrites(tx);
    try {
      const cache = await this.ensureCurrent(tx);
      if (!(await storeFact(tx, topic, envelope))) return;

      if (naming) {
        const renamed = cache.rename(naming.memberId, await this.ingestName(tx, envelope, naming));
        if (renamed) await this.write(tx, renamed, envelope);
      }
      if (folded) await this.write(tx, cache.apply(toInput(envelope)), envelope);
      const next = randomUUID();
      await this.touched(tx, envelope.occurredAt, next);
      // If the commit fails after this, the table keeps the old token and this copy is reloaded.
      this.token = next;
    } catch (error) {
      this.invalidate();
      throw error;
    }
  }

  /**
   * A consumed batch (new events, in delivery order) in the consumer's transaction, with the
   * same result as applying them one by one: the facts stored in one statement; when any can
   * move the ledger, under the write lock, the names first (in order), then the facts in one
   * projector pass (one replay from the earliest late fact), the difference written once.
   */
  async applyBatch(items: ReadonlyArray<{ envelope: EventEnvelope; topic: string }>, tx: pg.ClientBase): Promise<void> {
    const moves = (e: EventEnvelope) => nameOf(e) !== null || isFolded(e);
    if (!items.some((i) => moves(i.envelope))) {
      const stored = await storeFacts(tx, items);
      const latest = latestOf(items.filter((i) => stored.has(i.envelope.id.toLowerCase())));
      if (latest) await this.touched(tx, latest);
      return;
    }
    await lockProjectionWrites(tx);
    try {
      await this.ensureCurrent(tx);
      const stored = await storeFacts(tx, items);
      const news = items.filter((i) => stored.has(i.envelope.id.toLowerCase()));
      const latest = latestOf(news);
      if (!latest) return;
      if (!news.some((i) => moves(i.envelope))) return await this.touched(tx, latest);
      const names = new Map<string, string>();
      for (const { envelope } of news) {
        const naming = nameOf(envelope);
        if (naming) names.set(naming.memberId, await this.ingestName(tx, envelope, naming));
      }
      const facts = news.filter((i) => isFolded(i.envelope)).map((i) => toInput(i.envelope));
      await this.write(tx, this.cache!.applyBatch(names, facts), news[news.length - 1]!.envelope);
      const next = randomUUID();
      await this.touched(tx, latest, next);
      this.token = next;
    } catch (error) {
      this.invalidate();
      throw error;
    }
  }

  /** Writes a difference to the live tables and announces the flags it raised (the review queue's arrivals). */
  private async write(tx: pg.ClientBase, diff: LedgerDiff, cause: EventEnvelope): Promise<void> {
    await writeDiff(tx, '', diff);
    const raised = await announceNewFlags(tx, diff.flags, cause, this.settings.topicFor);
    if (raised.length > 0) this.logger.info({ flagIds: raised }, 'flags raised for review');
  }

  /** Forgets the in-memory ledger (the next event reloads it from the facts). */
  invalidate(): void {
    this.cache = null;
    this.token = null;
  }

  /** The newest event time seen, and the token of the ledger's new state when it changed. */
  private async touched(tx: pg.ClientBase, occurredAt: string, token?: string): Promise<void> {
    await tx.query({
      name: 'reputation-status-applied',
      text: `UPDATE projection_status SET token = coalesce($2, token), last_event_at = greatest(last_event_at, $3::timestamptz) WHERE name = $1`,
      values: [PROJECTION_NAME, token ?? null, occurredAt],
    });
  }

  /** The in-memory ledger, reloaded unless its token is the table's (call under the write lock). */
  private async ensureCurrent(tx: pg.ClientBase): Promise<LedgerCache> {
    const status = await tx.query<{ token: string | null }>({
      name: 'reputation-status-token',
      text: 'SELECT token FROM projection_status WHERE name = $1',
      values: [PROJECTION_NAME],
    });
    const token = status.rows[0]?.token ?? null;
    if (!this.cache || this.token !== token) this.cache = await this.load(tx);
    this.token = token;
    return this.cache;
  }

  /** Writes a name event to the member table and returns the name reasons quote. */
  private async ingestName(tx: pg.ClientBase, envelope: EventEnvelope, naming: { memberId: string; erased: boolean }): Promise<string> {
    // The fact keeps the sealed name (ADR 010); the name table and the reasons get it opened,
    // or "Erased member" once the key is gone: a rebuild then reads the same as the live lines.
    const { memberId } = naming;
    if (envelope.type === IdentityEventTypes.MemberErased) this.personalData.keys.forget(memberId);
    const displayName = naming.erased ? ERASED_MEMBER_NAME : String((await this.personalData.unsealEvent(envelope)).data.displayName);
    if (envelope.type === IdentityEventTypes.MemberRegistered) await registerMember(tx, { memberId, displayName, registeredAt: envelope.occurredAt });
    else await renameMember(tx, memberId, displayName);
    return displayName;
  }

  private async load(tx: pg.ClientBase): Promise<LedgerCache> {
    const started = Date.now();
    const [names, facts] = [await loadNames(tx), await loadInputs(tx)];
    const cache = LedgerCache.from(names, facts);
    this.logger.info({ facts: facts.length, members: names.size, ms: Date.now() - started }, 'reputation ledger loaded from the stored facts');
    return cache;
  }
}

/** Inputs the ledger folds (the others are stored for the history only). */
export const isFolded = (envelope: EventEnvelope): boolean => isReputationInput(envelope) && !NO_EFFECT_TYPES.has(envelope.type);

/** The newest event time among these (ISO strings of one clock: compared as times). */
function latestOf(items: ReadonlyArray<{ envelope: EventEnvelope }>): string | null {
  let latest: string | null = null;
  for (const { envelope } of items) if (latest === null || Date.parse(envelope.occurredAt) > Date.parse(latest)) latest = envelope.occurredAt;
  return latest;
}

/** Identity events that set the name reasons quote: registration, a profile update, erasure. */
export function nameOf(envelope: EventEnvelope): { memberId: string; erased: boolean } | null {
  switch (envelope.type) {
    case IdentityEventTypes.MemberRegistered:
    case IdentityEventTypes.MemberProfileUpdated:
      return { memberId: (envelope.data as MemberRegisteredData).memberId, erased: false };
    case IdentityEventTypes.MemberErased:
      return { memberId: (envelope.data as MemberRegisteredData).memberId, erased: true };
    default:
      return null;
  }
}
