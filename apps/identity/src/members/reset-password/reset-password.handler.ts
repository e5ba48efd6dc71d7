import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { badInput, DomainError, memberStreamId } from '@payforward/contracts';
import { CommandSessions } from '@payforward/event-store';
import { checkPassword, INVALID_RESET_TOKEN, memberDecider } from '@payforward/identity-domain';
import { PG_POOL } from '@payforward/platform';
import { PasswordHasher } from '../../auth/password.hasher.js';
import { memberOfToken } from '../account-tokens/account-tokens.read-model.js';
import { replacePasswordHash } from '../credentials.read-model.js';
import { ResetPasswordCommand } from './reset-password.command.js';

/**
 * Checks the new password by the registration rules and the token's hash before any argon2
 * work, then one transaction: PasswordReset (the decider re-checks the token: open, not
 * expired), the new hash, the token deleted, and the session cutoff (the projector's
 * applyBlockingEvent) — every token issued until now is refused here at once, and by the other
 * services once they consume PasswordReset. The old password stops working with the commit.
 */
@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly sessions: CommandSessions,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute({ token, newPassword, correlationId }: ResetPasswordCommand): Promise<boolean> {
    try {
      checkPassword(newPassword);
    } catch (error) {
      // The rule names `password`; this mutation's argument is `newPassword`.
      if (error instanceof DomainError) throw badInput('newPassword', error.message);
      throw error;
    }
    const memberId = await memberOfToken(this.pool, 'RESET_PASSWORD', token);
    if (!memberId) throw badInput('token', INVALID_RESET_TOKEN);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.sessions.run({ actor: memberId, correlationId, causationId: null }, async (s) => {
      await s.execute(memberStreamId(memberId), memberDecider, { type: 'ResetPassword', data: { memberId, token, at: s.now.toISOString() } });
      await replacePasswordHash(s.tx, memberId, passwordHash);
    });
    return true;
  }
}
