import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { CurrentViewer, PG_POOL, requireViewer, type Viewer } from '@payforward/platform';
import { Relationship } from '../relationship.type.js';
import { attestationsAwaiting } from '../relationships.read-model.js';

@Resolver(() => Relationship)
export class AttestationsAwaitingMeResolver {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** Always the viewer's own list: an attestation is for the member it names to confirm, no one else. */
  @Query(() => [Relationship], {
    description: 'Worked-together attestations naming the signed-in member that they have not confirmed yet (confirmWorkedTogether), newest first.',
  })
  attestationsAwaitingMe(@CurrentViewer() viewer: Viewer | null): Promise<Relationship[]> {
    return attestationsAwaiting(this.pool, requireViewer(viewer, 'see who said they worked with you').memberId);
  }
}
