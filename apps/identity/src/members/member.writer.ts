import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { Logger } from 'pino';
import { DomainError, memberStreamId, type IdentityEvent } from '@payforward/contracts';
import { PostgresEventStore, WrongExpectedVersionError } from '@payforward/event-store';
import { memberDecider, SUSPENDED_SESSION_MESSAGE, type MemberCommand, type MemberState } from '@payforward/identity-domain';
import { applyBlockingEvent, inTransaction, LOGGER, PersonalDataCodec, PG_POOL, ViewerAuthenticator } from '@payforward/platform';
import type { Member } from './member.type.js';
import { findMemberById, projectMemberEvent } from './members.read-model.js';

/** Who runs a command on a member stream, for the events' metadata. */
export interface MemberCommandActor {
  memberId: string;
  correlationId: string;
  /** Admin commands: the acting admin is checked in the database too (see `run`). */
  admin?: boolean;
}

const ATTEMPTS = 5;

/**
 * Runs one command on a member's stream in one transaction: read the stream, decide, append
 * with the version read (events + outbox rows), project the events into `members` and
 * `blocked_members`. A stream that moved meanwhile (WrongExpectedVersionError aborts the
 * transaction) sends the whole attempt back to the start, where it decides again.
 */
@Injectable()
export class MemberWriter {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly auth: ViewerAuthenticator,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly personalData: PersonalDataCodec,
  ) {}

  /** The member after the command (unchanged when the decision was to record nothing). */
  async run(memberId: string, actor: MemberCommandActor, command: (now: Date) => MemberCommand): Promise<Member> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { member, events } = await inTransaction(this.pool, (tx) => this.attempt(tx, memberId, actor, command));
        // This process's cached "not blocked" answer must not outlive the suspension it just committed.
        if (events.length > 0) this.auth.blocked.forget(memberId);
        return member;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (attempt >= ATTEMPTS) {
          this.logger.warn({ err: error, memberId }, 'member write kept conflicting; giving up');
          throw new DomainError('CONFLICT', 'This member changed at the same moment; please try again.');
        }
      }
    }
  }

  private async attempt(tx: pg.PoolClient, memberId: string, actor: MemberCommandActor, command: (now: Date) => MemberCommand) {
    if (actor.admin) await this.lockAndCheckAdmin(tx, actor.memberId, memberId);
    const now = new Date();
    // Personal fields are sealed with the member's key on append and opened on read (ADR 010).
    const store = new PostgresEventStore(tx, { clock: () => now, codec: this.personalData });
    const streamId = memberStreamId(memberId);
    const stored = await store.readStream(streamId);
    const version = stored.length > 0 ? stored[stored.length - 1]!.version : 0;
    // Stored events carry the envelope's extra fields; evolve only reads type and data.
    const state = (stored as unknown as IdentityEvent[]).reduce<MemberState>(memberDecider.evolve, memberDecider.initialState());
    const events = memberDecider.decide(command(now), state);
    if (events.length > 0) {
      const metadata = { actor: actor.memberId, correlationId: actor.correlationId, causationId: null };
      await store.append(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata })),
        version,
      );
      for (const [i, event] of events.entries()) {
        await projectMemberEvent(tx, event, { version: version + i + 1, occurredAt: now });
        await applyBlockingEvent(tx, event as { type: string; data: Record<string, unknown> });
      }
    }
    const member = await findMemberById(tx, memberId);
    // Unreachable for an existing stream (the decider refuses unknown members with NOT_FOUND).
    if (!member) throw new DomainError('NOT_FOUND', 'No such member.', 'memberId');
    return { member, events };
  }

  /**
   * The token said ADMIN; identity's own record decides. Both rows are locked in id order, so
   * two admins suspending each other at once run one after the other and the second finds
   * itself suspended: there is always an admin left to reinstate the other.
   */
  private async lockAndCheckAdmin(tx: pg.PoolClient, adminId: string, memberId: string): Promise<void> {
    const { rows } = await tx.query<{ id: string; roles: string[]; suspended: boolean }>({
      name: 'identity-lock-admin-and-member',
      text: 'SELECT id, roles, suspended FROM members WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      values: [[...new Set([adminId, memberId].filter(isUuid))]],
    });
    const admin = rows.find((row) => row.id === adminId);
    if (!admin) throw new DomainError('UNAUTHENTICATED', 'Your sign-in token names no member. Sign in again.');
    if (admin.suspended) throw new DomainError('UNAUTHENTICATED', SUSPENDED_SESSION_MESSAGE);
    if (!admin.roles.includes('ADMIN')) throw new DomainError('FORBIDDEN', 'Only admins can do this.');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);
