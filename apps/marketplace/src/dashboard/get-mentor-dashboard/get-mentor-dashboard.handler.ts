import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { periodFor } from '@payforward/marketplace-domain';
import { PG_POOL } from '@payforward/platform';
import { findAvailability } from '../../availability/availability.read-model.js';
import { offersOfMentor } from '../../offers/offers.read-model.js';
import { pendingFor, sessionsBetween } from '../../requests/help-requests.read-model.js';
import { CLOCK, type Clock } from '../../shared/clock.js';
import type { MentorDashboard } from '../mentor-dashboard.type.js';
import { GetMentorDashboardQuery } from './get-mentor-dashboard.query.js';

export const UPCOMING_DAYS = 14;
const DAY_MS = 86_400_000;

/** The mentor's triage view, read in one go from the read model (which never lags the write side here). */
@QueryHandler(GetMentorDashboardQuery)
export class GetMentorDashboardHandler implements IQueryHandler<GetMentorDashboardQuery> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ mentorId }: GetMentorDashboardQuery): Promise<MentorDashboard> {
    const now = this.clock.now();
    const [offers, pending, upcoming, availability] = await Promise.all([
      offersOfMentor(this.pool, mentorId, now),
      pendingFor(this.pool, mentorId),
      sessionsBetween(this.pool, mentorId, now, new Date(now.getTime() + UPCOMING_DAYS * DAY_MS)),
      findAvailability(this.pool, mentorId),
    ]);
    return {
      offers: offers.map((offer) => {
        const period = periodFor(offer.period, now);
        return { offer, used: offer.used, remaining: offer.remainingCapacity, periodStart: period.start, periodEnd: period.end };
      }),
      pending,
      upcoming,
      availability,
    };
  }
}
