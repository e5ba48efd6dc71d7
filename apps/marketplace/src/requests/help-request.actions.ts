import { Injectable } from '@nestjs/common';
import { helpRequestStreamId } from '@payforward/contracts';
import { helpRequestDecider, type HelpRequestCommand, type RequestIdField } from '@payforward/marketplace-domain';
import type { Actor } from '../shared/actor.js';
import { knownId } from '../shared/ids.js';
import { CommandSessions } from '@payforward/event-store';
import { metadataOf } from '../shared/actor.js';
import { followUp } from './help-request.follow-up.js';
import type { HelpRequest } from './help-request.type.js';
import { findHelpRequest } from './help-requests.read-model.js';
import { takeDeadline } from './request-deadlines.read-model.js';

/**
 * The shape most request mutations share: one decider command on the request's stream (the
 * decider checks who may do it and when), its follow-ups on the other streams, and the
 * request as the write side now has it. Accepting and submitting have handlers of their own.
 */
@Injectable()
export class HelpRequestActions {
  constructor(private readonly sessions: CommandSessions) {}

  act(
    actor: Actor,
    requestId: string,
    field: RequestIdField,
    toCommand: (requestId: string, now: Date) => HelpRequestCommand,
    { endsSubmitted = false }: { endsSubmitted?: boolean } = {},
  ): Promise<HelpRequest> {
    const id = knownId(requestId, field, 'help request');
    return this.sessions.run(metadataOf(actor), async (s) => {
      if (endsSubmitted) await takeDeadline(s.tx, id);
      const { events } = await s.execute(helpRequestStreamId(id), helpRequestDecider, toCommand(id, s.now));
      await followUp(s, events);
      return (await findHelpRequest(s.tx, id))!;
    });
  }
}
