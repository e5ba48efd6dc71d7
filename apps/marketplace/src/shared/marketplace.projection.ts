import type pg from 'pg';
import type { MarketplaceEvent } from '@payforward/contracts';
import type { InlineProjector } from '@payforward/event-store';
import { projectAvailabilityEvent } from '../availability/availability.projection.js';
import { projectCapacityEvent, projectOfferEvent } from '../offers/offers.projection.js';
import { projectRelationshipEvent } from '../relationships/relationships.projection.js';
import { projectHelpRequestEvent } from '../requests/help-requests.projection.js';
import { DASHBOARD_CHANNEL } from './dashboard.channel.js';
import type { ProjectionMeta } from './projection.meta.js';

/**
 * The marketplace's read model, applied inside the transaction that appends the event (so
 * reads never lag the write side within this service). Returns the mentor whose dashboard the
 * event changed, if any. Seeker-pending events only guard the limit: no table shows them.
 */
export async function projectMarketplaceEvent(tx: pg.ClientBase, event: MarketplaceEvent, meta: ProjectionMeta): Promise<string | null> {
  switch (event.type) {
    case 'OfferPublished':
    case 'OfferUpdated':
    case 'OfferPaused':
    case 'OfferResumed':
    case 'OfferRetired':
      return projectOfferEvent(tx, event, meta);
    case 'CapacityReserved':
    case 'CapacityReleased':
      return projectCapacityEvent(tx, event);
    case 'AvailabilitySet':
      return projectAvailabilityEvent(tx, event, meta);
    case 'PendingSlotTaken':
    case 'PendingSlotFreed':
      return null;
    case 'WorkedTogetherAttested':
    case 'WorkedTogetherConfirmed':
    case 'SeekerBlocked':
      return projectRelationshipEvent(tx, event, meta);
    default:
      return projectHelpRequestEvent(tx, event, meta);
  }
}

/** The marketplace's inline projector for CommandSessions: the read model, and the changed mentor's dashboard notified with the commit. */
export const marketplaceProjector: InlineProjector = async (session, event, meta) => {
  const mentorId = await projectMarketplaceEvent(session.tx, event as MarketplaceEvent, meta);
  if (mentorId) session.notify(DASHBOARD_CHANNEL, mentorId);
};
