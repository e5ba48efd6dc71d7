import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { badInput, memberStreamId } from '@payforward/contracts';
import { CommandSessions } from '@payforward/event-store';
import { INVALID_VERIFICATION_TOKEN, memberDecider } from '@payforward/identity-domain';
import { PG_POOL } from '@payforward/platform';
import { memberOfToken } from '../account-tokens/account-tokens.read-model.js';
import { VerifyEmailCommand } from './verify-email.command.js';

/**
 * The token's hash names the member; their decider checks it is the open one and not expired,
 * and EmailVerified (projected inline) sets `email_verified` and deletes the token: single use.
 */
@CommandHandler(VerifyEmailCommand)
export class VerifyEmailHandler implements ICommandHandler<VerifyEmailCommand> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly sessions: CommandSessions,
  ) {}

  async execute({ token, correlationId }: VerifyEmailCommand): Promise<boolean> {
    const memberId = await memberOfToken(this.pool, 'VERIFY_EMAIL', token);
    if (!memberId) throw badInput('token', INVALID_VERIFICATION_TOKEN);
    await this.sessions.run({ actor: memberId, correlationId, causationId: null }, async (s) => {
      await s.execute(memberStreamId(memberId), memberDecider, { type: 'VerifyEmail', data: { memberId, token, at: s.now.toISOString() } });
    });
    return true;
  }
}
