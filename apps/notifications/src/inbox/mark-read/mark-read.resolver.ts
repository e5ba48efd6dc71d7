import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { CurrentViewer, PG_POOL, requireViewer, type Viewer } from '@payforward/platform';
import { markRead } from '../notifications.read-model.js';
import { markReadTarget } from './mark-read.input.js';

@Resolver()
export class MarkReadResolver {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Mutation(() => Int, { description: 'Marks the given notifications (or all: true) of the signed-in member read; answers how many changed.' })
  markNotificationsRead(
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null | undefined,
    @Args('all', { type: () => Boolean, nullable: true }) all: boolean | null | undefined,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<number> {
    const { memberId } = requireViewer(viewer, 'mark your notifications read');
    return markRead(this.pool, memberId, markReadTarget(ids, all));
  }
}
