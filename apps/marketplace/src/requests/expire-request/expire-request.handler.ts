import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { helpRequestStreamId } from '@payforward/contracts';
import { helpRequestDecider } from '@payforward/marketplace-domain';
import { MarketplaceWriter } from '../../shared/marketplace.writer.js';
import { followUp } from '../help-request.follow-up.js';
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
  constructor(private readonly writer: MarketplaceWriter) {}

  execute({ requestId, correlationId }: ExpireHelpRequestCommand): Promise<boolean> {
    return this.writer.run({ id: EXPIRY_ACTOR, correlationId }, async (w) => {
      const claimed = await w.tx.query({
        name: 'marketplace-claim-deadline',
        text: 'SELECT 1 FROM request_deadlines WHERE request_id = $1 AND due_at <= $2 FOR UPDATE SKIP LOCKED',
        values: [requestId, w.now],
      });
      if (claimed.rows.length === 0) return false;
      const stream = helpRequestStreamId(requestId);
      const { state, version } = await w.load(stream, helpRequestDecider);
      if (state.status !== 'SUBMITTED') {
        // A due time outliving its request (nothing should leave one behind): drop it, expire nothing.
        await w.tx.query({ name: 'marketplace-drop-deadline', text: 'DELETE FROM request_deadlines WHERE request_id = $1', values: [requestId] });
        return false;
      }
      const events = helpRequestDecider.decide({ type: 'ExpireHelpRequest', data: { requestId, now: w.now } }, state);
      await w.append(stream, version, events);
      await followUp(w, events);
      return true;
    });
  }
}
