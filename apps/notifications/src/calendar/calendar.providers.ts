import type { Provider } from '@nestjs/common';
import { CalendarFeedController } from './calendar-feed.controller.js';
import { CalendarFeedResolver } from './calendar-feed.resolver.js';

export { CalendarFeedController };

/** Calendars: the feed URL field and its rotation (the feed itself is the HTTP controller). */
export const CALENDAR_PROVIDERS: Provider[] = [CalendarFeedResolver];
