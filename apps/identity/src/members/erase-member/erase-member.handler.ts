import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { DomainError, memberStreamId, type IdentityEvent } from '@payforward/contracts';
import { fold } from '@payforward/ddd';
import { PostgresEventStore } from '@payforward/event-store';
import { memberDecider, SUSPENDED_SESSION_MESSAGE, type EraseMember } from '@payforward/identity-domain';
import { PersonalDataCodec, PG_POOL } from '@payforward/platform';
import { PasswordHasher } from '../../auth/password.hasher.js';
import { MemberWriter, type MemberCommandActor } from '../member.writer.js';
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
    private readonly writer: MemberWriter,
    private readonly personalData: PersonalDataCodec,
  ) {}

  async execute({ request, correlationId }: EraseMemberCommand): Promise<boolean> {
    const memberId = (request.by === 'SELF' ? request.viewer.memberId : request.memberId).trim().toLowerCase();
    const actor: MemberCommandActor =
      request.by === 'SELF' ? { memberId, correlationId } : { memberId: request.admin.memberId, correlationId, admin: true };
    const command = (now: Date): EraseMember => ({
      type: 'EraseMember',
      data:
        request.by === 'SELF'
          ? { memberId, at: now.toISOString(), by: 'SELF' }
          : { memberId, at: now.toISOString(), by: 'ADMIN', adminId: request.admin.memberId, reason: request.reason },
    });

    if (request.by === 'SELF') await this.checkPassword(memberId, request.password);
    else await this.checkAdmin(request.admin.memberId);
    await this.preview(memberId, command(new Date()));

    await this.personalData.keys.erase(memberId);
    await this.writer.run(memberId, actor, command);
    return true;
  }

  /** The member re-enters their password: a stolen session alone cannot erase an account. */
  private async checkPassword(memberId: string, password: string): Promise<void> {
    const { rows } = await this.pool.query<{ password_hash: string }>({
      name: 'identity-erase-credentials-of',
      text: 'SELECT password_hash FROM credentials WHERE member_id = $1',
      values: [memberId],
    });
    const valid = await this.hasher.verify(rows[0]?.password_hash ?? null, password);
    if (!valid) throw new DomainError('UNAUTHENTICATED', 'That password is not right: nothing was erased.', 'password');
  }

  /** The token said ADMIN; identity's own record decides (MemberWriter checks again, under a lock). */
  private async checkAdmin(adminId: string): Promise<void> {
    const { rows } = await this.pool.query<{ roles: string[]; suspended: boolean }>({
      name: 'identity-erase-admin-of',
      text: 'SELECT roles, suspended FROM members WHERE id = $1',
      values: [adminId],
    });
    const admin = rows[0];
    if (!admin) throw new DomainError('UNAUTHENTICATED', 'Your sign-in token names no member. Sign in again.');
    if (admin.suspended) throw new DomainError('UNAUTHENTICATED', SUSPENDED_SESSION_MESSAGE);
    if (!admin.roles.includes('ADMIN')) throw new DomainError('FORBIDDEN', 'Only admins can erase members.');
  }

  /** The decision without writing it: a member who does not exist, is erased already, or a missing reason refuses here. */
  private async preview(memberId: string, command: EraseMember): Promise<void> {
    // No codec: deciding an erasure reads no personal field, so no key is fetched for it.
    const stored = await new PostgresEventStore(this.pool).readStream(memberStreamId(memberId));
    memberDecider.decide(command, fold(memberDecider, stored as unknown as IdentityEvent[]));
  }
}
