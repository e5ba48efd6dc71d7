import type { OfferEvent } from '@payforward/contracts';
import type { Decider } from '@payforward/ddd';
import { evolveOffer, initialOfferState, type OfferState } from './offer.state.js';
import { pauseOffer, type PauseOffer } from './pause-offer.js';
import { publishOffer, type PublishOffer } from './publish-offer.js';
import { resumeOffer, type ResumeOffer } from './resume-offer.js';
import { retireOffer, type RetireOffer } from './retire-offer.js';
import { updateOffer, type UpdateOffer } from './update-offer.js';

/**
 * Commands on the offer aggregate (stream `offer-<offerId>`). `actorId` is the signed-in
 * member, injected by the handler from the token; `now` comes from the handler's clock.
 * Values arrive as the API received them: the decider validates and normalizes them.
 */
export type OfferCommand = PublishOffer | UpdateOffer | PauseOffer | ResumeOffer | RetireOffer;

export function decideOffer(command: OfferCommand, state: OfferState): OfferEvent[] {
  switch (command.type) {
    case 'PublishOffer':
      return publishOffer(command, state);
    case 'UpdateOffer':
      return updateOffer(command, state);
    case 'PauseOffer':
      return pauseOffer(command, state);
    case 'ResumeOffer':
      return resumeOffer(command, state);
    case 'RetireOffer':
      return retireOffer(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown offer command ${JSON.stringify(unhandled)}`);
    }
  }
}

export const offerDecider: Decider<OfferState, OfferCommand, OfferEvent> = {
  decide: decideOffer,
  evolve: evolveOffer,
  initialState: initialOfferState,
};
