import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { helpRequestStreamId } from '@payforward/contracts';
import { helpRequestDecider } from '@payforward/marketplace-domain';
import { CommandSessions } from '@payforward/event-store';
import { followUp } from '../help-request.follow-up.js';
import { claimDueDeadline, dropDeadline } from '../request-deadlines.read-model.js';
import { ExpireHelpRequestCommand } from './expire-request.command.js';

export const EXPIRY_ACTOR = 'system:expiry-scheduler';

/**
 * Expires one request whose due time has come, in one transaction: claim the due time with
 * FOR UPDATE SKIP LOCKED (another instance's scan, or a member answering the request right
 * now, holds it: leave it to them), then HelpRequestExpired with the domain's guidance and the
 * seeker's pending slot freed. Nobody is penalized: no other event is written.
 */
@CommandHandler(ExpireHelpRequestCommand)
export class ExpireHelpRequestHandler implements ICommandHandler<ExpireHelpRequestCommand> {
  constructor(private readonly sessions: CommandSessions) {}

  execute({ requestId, correlationId }: ExpireHelpRequestCommand): Promise<boolean> {
    return this.sessions.run({ actor: EXPIRY_ACTOR, correlationId, causationId: null }, async (s) => {
      if (!(await claimDueDeadline(s.tx, requestId, s.now))) return false;
      const stream = helpRequestStreamId(requestId);
      const { state, version } = await s.load(stream, helpRequestDecider);
      if (state.status !== 'SUBMITTED') {
        // A due time outliving its request (nothing should leave one behind): drop it, expire nothing.
        await dropDeadline(s.tx, requestId);
        return false;
      }
      const events = helpRequestDecider.decide({ type: 'ExpireHelpRequest', data: { requestId, now: s.now } }, state);
      await s.append(stream, version, events);
      await followUp(s, events);
      return true;
    });
  }
}
