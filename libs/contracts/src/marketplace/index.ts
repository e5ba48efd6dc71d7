import { availabilityEventCatalog } from './availability.events.js';
import { capacityEventCatalog } from './capacity.events.js';
import { helpRequestEventCatalog } from './help-request.events.js';
import { offerEventCatalog } from './offer.events.js';
import { relationshipEventCatalog } from './relationship.events.js';
import { seekerPendingEventCatalog } from './seeker-pending.events.js';
import type { AvailabilityEvent } from './availability.events.js';
import type { CapacityEvent } from './capacity.events.js';
import type { HelpRequestEvent } from './help-request.events.js';
import type { OfferEvent } from './offer.events.js';
import type { RelationshipEvent } from './relationship.events.js';
import type { SeekerPendingEvent } from './seeker-pending.events.js';

export * from './marketplace.enums.js';
export * from './offer.events.js';
export * from './availability.events.js';
export * from './capacity.events.js';
export * from './seeker-pending.events.js';
export * from './help-request.events.js';
export * from './relationship.events.js';

export type MarketplaceEvent = OfferEvent | AvailabilityEvent | CapacityEvent | SeekerPendingEvent | HelpRequestEvent | RelationshipEvent;

/** Every marketplace event type with its topic, schema version and payload schema. */
export const marketplaceEventCatalog = {
  ...offerEventCatalog,
  ...availabilityEventCatalog,
  ...capacityEventCatalog,
  ...seekerPendingEventCatalog,
  ...helpRequestEventCatalog,
  ...relationshipEventCatalog,
};
