import { Inject } from '@nestjs/common';
import { Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type pg from 'pg';
import { CurrentViewer, PG_POOL, requireViewer, type Viewer } from '@payforward/platform';
import { NOTIFICATIONS_CLOCK, type Clock } from '../notifications.clock.js';
import { NotificationPreferencesType } from '../preferences/notification-preferences.type.js';
import { preferencesFor } from '../preferences/preferences.read-model.js';
import { CALENDAR_FEED_SETTINGS, feedUrl, type CalendarFeedSettings } from './calendar-feed.settings.js';
import { currentFeedToken, rotateFeedToken } from './feed-tokens.read-model.js';

/**
 * The calendar's part of NotificationPreferences (seams §5): the member's private feed URL
 * (the first read creates its token) and `rotateCalendarFeedToken`, which revokes the old URL.
 * Preferences are always the caller's own, so the member comes from the request, not the parent.
 */
@Resolver(() => NotificationPreferencesType)
export class CalendarFeedResolver {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(CALENDAR_FEED_SETTINGS) private readonly settings: CalendarFeedSettings,
    @Inject(NOTIFICATIONS_CLOCK) private readonly clock: Clock,
  ) {}

  @ResolveField(() => String, { description: "Private iCalendar feed of the member's upcoming sessions." })
  async calendarFeedUrl(@CurrentViewer() viewer: Viewer | null): Promise<string> {
    const { memberId } = requireViewer(viewer, 'see your calendar feed');
    return feedUrl(this.settings, await currentFeedToken(this.pool, this.settings.secret, memberId, this.clock.now()));
  }

  @Mutation(() => NotificationPreferencesType, { description: 'Revokes the calendar feed URL and issues a new one; answers the preferences with the new calendarFeedUrl.' })
  async rotateCalendarFeedToken(@CurrentViewer() viewer: Viewer | null): Promise<NotificationPreferencesType> {
    const { memberId } = requireViewer(viewer, 'rotate your calendar feed');
    await rotateFeedToken(this.pool, this.settings.secret, memberId, this.clock.now());
    return (await preferencesFor(this.pool, memberId)) as NotificationPreferencesType;
  }
}
