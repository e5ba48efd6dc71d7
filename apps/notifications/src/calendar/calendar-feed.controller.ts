import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type pg from 'pg';
import { PG_POOL } from '@payforward/platform';
import { NOTIFICATIONS_CLOCK, type Clock } from '../notifications.clock.js';
import { feedOwner } from './feed-tokens.read-model.js';
import { calendarFeedOf } from './session-calendar.read-model.js';

/**
 * `GET /calendar/<token>.ics`: a member's private feed, opened by the secret token alone (a
 * calendar app cannot sign in). Unknown, revoked and malformed tokens, and members whose tokens
 * are refused (suspended, erased), all get the same 404, so the answer reveals nothing.
 */
@Controller('calendar')
export class CalendarFeedController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(NOTIFICATIONS_CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':file')
  async feed(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const token = /^(.+)\.ics$/.exec(file)?.[1];
    const memberId = token ? await feedOwner(this.pool, token) : null;
    // The URL is the credential: keep it out of caches and referrers.
    void reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
    if (!memberId) {
      await reply.code(404).type('text/plain; charset=utf-8').send('Not found');
      return;
    }
    const body = await calendarFeedOf(this.pool, memberId, this.clock.now());
    await reply.code(200).type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="payforward.ics"').send(body);
  }
}
