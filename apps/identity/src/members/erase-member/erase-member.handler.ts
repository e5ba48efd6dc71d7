import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { DomainError, memberStreamId, type IdentityEvent } from '@payforward/contracts';
import { fold } from '@payforward/ddd';
import { CommandSessions, PostgresEventStore } from '@payforward/event-store';
import { memberDecider, type EraseMember } from '@payforward/identity-domain';
import { PersonalDataCodec, PG_POOL } from '@payforward/platform';
import { PasswordHasher } from '../../auth/password.hasher.js';
import { passwordHashOf } from '../credentials.read-model.js';
import { checkAdmin, lockAndCheckAdmin, memberAfterCommand } from '../members.read-model.js';
import { EraseMemberCommand, type ErasureRequest } from './erase-member.command.js';

/**
 * Erasure by crypto-shredding (ADR 010), in this order:
 *
 * 1. everything that can refuse is checked first (password or admin, the member exists and is
 *    not erased, the reason), so a refusal shreds nothing;
 * 2. the member's data key is deleted (a tombstone stays): from here on every sealed copy of
 *    their personal data — event store, outbox, Kafka, other services' stored facts, backups of
 *    them — reads as a placeholder, and no write can seal anything for them again;
 * 3. one transaction appends MemberErased and scrubs identity's own tables (profile row,
 *    password hash, e-mail reservation, contact grants) and blocks the member's tokens here.
 *    Every other service does the same for its read models when it consumes the event.
 *
 * The key store is another database, so 2 and 3 are not one transaction: if 3 fails, the data
 * is already unreadable and the caller gets an error; asking again completes the erasure.
 */
@CommandHandler(EraseMemberCommand)
export class EraseMemberHandler implements ICommandHandler<EraseMemberCommand> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly hasher: PasswordHasher,
    private readonly sessions: CommandSessions,
    private readonly personalData: PersonalDataCodec,
  ) {}

  async execute({ request, correlationId }: EraseMemberCommand): Promise<boolean> {
    const memberId = (request.by === 'SELF' ? request.viewer.memberId : request.memberId).trim().toLowerCase();
    const actorId = request.by === 'SELF' ? memberId : request.admin.memberId;
    const command = (now: Date): EraseMember => ({
      type: 'EraseMember',
      data:
        request.by === 'SELF'
          ? { memberId, at: now.toISOString(), by: 'SELF' }
          : { memberId, at: now.toISOString(), by: 'ADMIN', adminId: request.admin.memberId, reason: request.reason },
    });

    if (request.by === 'SELF') await this.checkPassword(memberId, request.password);
    else await checkAdmin(this.pool, request.admin.memberId, 'Only admins can erase members.');
    await this.preview(memberId, command(new Date()));

    await this.personalData.keys.erase(memberId);
    await this.sessions.run({ actor: actorId, correlationId, causationId: null }, async (s) => {
      // The check above is repeated under a lock (see lockAndCheckAdmin).
      if (request.by === 'ADMIN') await lockAndCheckAdmin(s.tx, actorId, memberId);
      await s.execute(memberStreamId(memberId), memberDecider, command(s.now));
      return memberAfterCommand(s.tx, memberId);
    });
    return true;
  }

  /** The member re-enters their password: a stolen session alone cannot erase an account. */
  private async checkPassword(memberId: string, password: string): Promise<void> {
    const valid = await this.hasher.verify(await passwordHashOf(this.pool, memberId), password);
    if (!valid) throw new DomainError('UNAUTHENTICATED', 'That password is not right: nothing was erased.', 'password');
  }

  /** The decision without writing it: a member who does not exist, is erased already, or a missing reason refuses here. */
  private async preview(memberId: string, command: EraseMember): Promise<void> {
    // No codec: deciding an erasure reads no personal field, so no key is fetched for it.
    const stored = await new PostgresEventStore(this.pool).readStream(memberStreamId(memberId));
    memberDecider.decide(command, fold(memberDecider, stored as unknown as IdentityEvent[]));
  }
}
