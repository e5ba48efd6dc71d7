export const CALENDAR_FEED_SETTINGS = Symbol('CALENDAR_FEED_SETTINGS');

export interface CalendarFeedSettings {
  /** PUBLIC_API_URL without a trailing slash: feed URLs are `<it>/calendar/<token>.ics` (the gateway forwards them here). */
  publicApiUrl: string;
  /** Derives each member's feed token from its stored nonce (feed-tokens.read-model.ts). */
  secret: Buffer;
}

export const feedUrl = (settings: CalendarFeedSettings, token: string): string => `${settings.publicApiUrl}/calendar/${token}.ics`;
