import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { badInput } from '@payforward/contracts';
import { CurrentViewer, PG_POOL, requireViewer, type Viewer } from '@payforward/platform';
import { Notification, NotificationConnection } from '../notification.type.js';
import { listNotifications, type NotificationPage } from '../notifications.read-model.js';

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

@Resolver(() => Notification)
export class ListNotificationsResolver {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  @Query(() => NotificationConnection, { description: "The signed-in member's notifications, newest first." })
  notifications(
    @Args('first', { type: () => Int, nullable: true }) first: number | null | undefined,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly: boolean | null | undefined,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<NotificationPage> {
    const { memberId } = requireViewer(viewer, 'read your notifications');
    const size = first ?? DEFAULT_PAGE;
    if (size < 1 || size > MAX_PAGE) throw badInput('first', `first must be between 1 and ${MAX_PAGE}.`);
    return listNotifications(this.pool, memberId, size, after ?? null, unreadOnly ?? false);
  }
}
