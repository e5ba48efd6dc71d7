import { Inject } from '@nestjs/common';
import { Int, Query, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { CurrentViewer, PG_POOL, requireViewer, type Viewer } from '@payforward/platform';
import { unreadCount } from '../notifications.read-model.js';

@Resolver()
export class UnreadCountResolver {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Query(() => Int, { description: "How many of the signed-in member's notifications are unread (the bell's badge)." })
  unreadNotificationCount(@CurrentViewer() viewer: Viewer | null): Promise<number> {
    const { memberId } = requireViewer(viewer, 'read your notifications');
    return unreadCount(this.pool, memberId);
  }
}
