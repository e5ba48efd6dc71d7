import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { DomainError, helpRequestStreamId, offerStreamId, seekerPendingStreamId, type RelationshipEvidence } from '@payforward/contracts';
import { helpRequestDecider, offerDecider, offerSnapshotOf, seekerPendingDecider, type SubmitHelpRequest } from '@payforward/marketplace-domain';
import { findMember } from '../../members/members.read-model.js';
import { evidenceBetween, isBlocked } from '../../relationships/relationships.read-model.js';
import { isUuid, knownId } from '../../shared/ids.js';
import { CommandSessions } from '@payforward/event-store';
import { metadataOf } from '../../shared/actor.js';
import type { HelpRequest } from '../help-request.type.js';
import { findHelpRequest } from '../help-requests.read-model.js';
import { RequestHelpCommand } from './request-help.command.js';

/**
 * Submitting, in one transaction: the request is decided first (every input rule, blocks,
 * the referral's relationship), so refused input never touches the seeker's pending stream;
 * then a pending slot is taken on `seeker-pending-<seekerId>` with its expected version —
 * concurrent submits by one seeker serialize there and exactly three get through — and the
 * new request stream is created with its due time for the expiry scan.
 */
@CommandHandler(RequestHelpCommand)
export class RequestHelpHandler implements ICommandHandler<RequestHelpCommand> {
  constructor(private readonly sessions: CommandSessions) {}

  execute({ actor, input }: RequestHelpCommand): Promise<HelpRequest> {
    const offerId = knownId(input.offerId, 'input.offerId', 'offer');
    const requestId = uuidv7();
    return this.sessions.run(metadataOf(actor), async (s) => {
      const offer = offerSnapshotOf((await s.load(offerStreamId(offerId), offerDecider)).state);
      if (!offer) throw new DomainError('NOT_FOUND', 'No such offer.', 'input.offerId');
      // Nobody could answer a request to an erased mentor (ADR 010); their offers are retired in the listing too.
      if ((await findMember(s.tx, offer.mentorId))?.erased) throw new DomainError('FORBIDDEN', 'This mentor’s account was erased.', 'input.offerId');
      const introTargetId = typeof input.introTargetId === 'string' ? input.introTargetId.trim().toLowerCase() : null;
      let relationship: RelationshipEvidence | null = null;
      if (offer.kind === 'REFERRAL') relationship = await evidenceBetween(s.tx, offer.mentorId, actor.id);
      const introTarget = offer.kind === 'INTRO' && isUuid(introTargetId) ? await findMember(s.tx, introTargetId) : null;
      // An erased member cannot be introduced to anyone: to the domain they are no member at all.
      const introTargetExists = introTarget !== null && !introTarget.erased;
      const command: SubmitHelpRequest = {
        type: 'SubmitHelpRequest',
        data: {
          requestId,
          seekerId: actor.id,
          offer,
          message: input.message,
          goal: input.goal,
          introTargetId,
          seekerBlocked: await isBlocked(s.tx, offer.mentorId, actor.id),
          relationship,
          introTargetExists,
          now: s.now,
        },
      };
      const events = helpRequestDecider.decide(command, helpRequestDecider.initialState());
      await s.execute(seekerPendingStreamId(actor.id), seekerPendingDecider, {
        type: 'TakePendingSlot',
        data: { seekerId: actor.id, requestId, mentorId: offer.mentorId, now: s.now },
      });
      await s.append(helpRequestStreamId(requestId), 0, events);
      return (await findHelpRequest(s.tx, requestId))!;
    });
  }
}
