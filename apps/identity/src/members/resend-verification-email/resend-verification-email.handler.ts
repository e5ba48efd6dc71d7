import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { memberStreamId } from '@payforward/contracts';
import { CommandSessions } from '@payforward/event-store';
import { memberDecider } from '@payforward/identity-domain';
import { newAccountToken } from '../account-tokens/account-tokens.read-model.js';
import { ResendVerificationEmailCommand } from './resend-verification-email.command.js';

/** Only the viewer's own stream; an address already verified is CONFLICT (the decider says so). */
@CommandHandler(ResendVerificationEmailCommand)
export class ResendVerificationEmailHandler implements ICommandHandler<ResendVerificationEmailCommand> {
  constructor(private readonly sessions: CommandSessions) {}

  async execute({ viewer, correlationId }: ResendVerificationEmailCommand): Promise<boolean> {
    const memberId = viewer.memberId;
    const token = newAccountToken();
    await this.sessions.run({ actor: memberId, correlationId, causationId: null }, async (s) => {
      await s.execute(memberStreamId(memberId), memberDecider, { type: 'ResendVerificationEmail', data: { memberId, token, at: s.now.toISOString() } });
    });
    return true;
  }
}
