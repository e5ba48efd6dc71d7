import { Injectable } from '@nestjs/common';
import { helpRequestStreamId } from '@payforward/contracts';
import { helpRequestDecider, type HelpRequestCommand, type RequestIdField } from '@payforward/marketplace-domain';
import type { Actor } from '../shared/actor.js';
import { knownId } from '../shared/ids.js';
import { MarketplaceWriter } from '../shared/marketplace.writer.js';
import { followUp, takeDeadline } from './help-request.follow-up.js';
import type { HelpRequest } from './help-request.type.js';
import { findHelpRequest } from './help-requests.read-model.js';

/**
 * The shape most request mutations share: one decider command on the request's stream (the
 * decider checks who may do it and when), its follow-ups on the other streams, and the
 * request as the write side now has it. Accepting and submitting have handlers of their own.
 */
@Injectable()
export class HelpRequestActions {
  constructor(private readonly writer: MarketplaceWriter) {}

  act(
    actor: Actor,
    requestId: string,
    field: RequestIdField,
    toCommand: (requestId: string, now: Date) => HelpRequestCommand,
    { endsSubmitted = false }: { endsSubmitted?: boolean } = {},
  ): Promise<HelpRequest> {
    const id = knownId(requestId, field, 'help request');
    return this.writer.run(actor, async (w) => {
      if (endsSubmitted) await takeDeadline(w, id);
      const { events } = await w.execute(helpRequestStreamId(id), helpRequestDecider, toCommand(id, w.now));
      await followUp(w, events);
      return (await findHelpRequest(w.tx, id))!;
    });
  }
}
