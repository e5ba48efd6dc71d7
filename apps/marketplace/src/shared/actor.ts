import type { EventMetadata } from '@payforward/contracts';
import type { Viewer } from '@payforward/platform';

/** Who causes a write: a signed-in member, or the system itself (the expiry scan). */
export interface Actor {
  /** Member id, or `system:<component>`. */
  id: string;
  correlationId: string;
}

export const memberActor = (viewer: Viewer, correlationId: string): Actor => ({ id: viewer.memberId, correlationId });

export const metadataOf = (actor: Actor): EventMetadata => ({ actor: actor.id, correlationId: actor.correlationId, causationId: null });
