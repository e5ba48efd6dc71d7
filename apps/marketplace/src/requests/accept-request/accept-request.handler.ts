import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { capacityStreamId, helpRequestStreamId, isScheduledKind, offerStreamId } from '@payforward/contracts';
import {
  capacityLedgerDecider,
  helpRequestDecider,
  isSlotAvailable,
  offerDecider,
  periodFor,
  type AcceptHelpRequest,
  type ExistingHelpRequest,
} from '@payforward/marketplace-domain';
import { findAvailability } from '../../availability/availability.read-model.js';
import { knownId } from '../../shared/ids.js';
import { CommandSessions } from '@payforward/event-store';
import { metadataOf } from '../../shared/actor.js';
import type { CommandSession } from '@payforward/event-store';
import { followUp, loadRequest } from '../help-request.follow-up.js';
import type { HelpRequest } from '../help-request.type.js';
import { findHelpRequest, lockMentorSchedule, overlapsAcceptedSession } from '../help-requests.read-model.js';
import { takeDeadline } from '../request-deadlines.read-model.js';
import { AcceptRequestCommand } from './accept-request.command.js';

const MINUTE_MS = 60_000;

/**
 * Accepting, in one transaction (docs/adr/005-capacity-and-pending-limits.md):
 * 1. decide on the request first — mentor, status, slot — so a refusal never touches the ledger;
 * 2. reserve a unit on `capacity-<offerId>-<periodKey>` with the ledger's expected version:
 *    concurrent accepts on one offer serialize on that stream, a conflict sends the whole
 *    attempt back to step 1, and a full ledger refuses with CAPACITY_EXHAUSTED;
 * 3. append the acceptance and free the seeker's pending slot.
 * Reservation and acceptance commit together or not at all: a failed acceptance append rolls
 * the reservation back with it, so no compensating release is needed on this path.
 */
@CommandHandler(AcceptRequestCommand)
export class AcceptRequestHandler implements ICommandHandler<AcceptRequestCommand> {
  constructor(private readonly sessions: CommandSessions) {}

  execute({ actor, requestId, scheduledAt }: AcceptRequestCommand): Promise<HelpRequest> {
    const id = knownId(requestId, 'id', 'help request');
    return this.sessions.run(metadataOf(actor), async (s) => {
      await takeDeadline(s.tx, id);
      const { state: request, version } = await loadRequest(s, id, 'id');
      const { offerId } = request.request;
      const { state: offer } = await s.load(offerStreamId(offerId), offerDecider);
      if (offer.status === 'NONE') throw new Error(`offer ${offerId} of request ${id} has no stream`);
      const periodKey = periodFor(offer.offer.period, s.now).key;
      const command: AcceptHelpRequest = {
        type: 'AcceptHelpRequest',
        data: { requestId: id, actorId: actor.id, scheduledAt, slot: await this.slotFacts(s, request, actor.id, scheduledAt), capacityPeriodKey: periodKey, now: s.now },
      };
      const events = helpRequestDecider.decide(command, request);
      await s.execute(capacityStreamId(offerId, periodKey), capacityLedgerDecider, {
        type: 'ReserveCapacity',
        data: { offerId, periodKey, requestId: id, capacity: offer.offer.capacity, period: offer.offer.period, now: s.now },
      });
      await s.append(helpRequestStreamId(id), version, events);
      await followUp(s, events);
      return (await findHelpRequest(s.tx, id))!;
    });
  }

  /** For calls: whether the slot lies in the mentor's availability and is free. Only worked out for the mentor. */
  private async slotFacts(s: CommandSession, request: ExistingHelpRequest, actorId: string, at: Date | null): Promise<AcceptHelpRequest['data']['slot']> {
    const { kind, mentorId, durationMinutes } = request.request;
    if (!isScheduledKind(kind) || actorId !== mentorId || !at || !Number.isFinite(at.getTime()) || !durationMinutes) return null;
    // Held to commit: a second accept of this mentor's waits here, then sees this session as booked.
    await lockMentorSchedule(s.tx, mentorId);
    const end = new Date(at.getTime() + durationMinutes * MINUTE_MS);
    return {
      insideAvailability: isSlotAvailable(await findAvailability(s.tx, mentorId), at, durationMinutes),
      overlapsAcceptedSession: await overlapsAcceptedSession(s.tx, mentorId, at, end),
    };
  }
}
