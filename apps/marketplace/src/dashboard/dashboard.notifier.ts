import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Logger } from 'pino';
import { LiveUpdatesNotifier, LOGGER, type LiveUpdate, type PgSettings } from '@payforward/platform';
import { DASHBOARD_CHANNEL, dashboardTopic } from '../shared/dashboard.channel.js';

export const DASHBOARD_DATABASE = Symbol('DASHBOARD_DATABASE');

/** Feeds `mentorDashboardChanged`: writes NOTIFY the mentor's id inside their transaction. */
@Injectable()
export class DashboardNotifier extends LiveUpdatesNotifier {
  constructor(@Inject(DASHBOARD_DATABASE) database: PgSettings, @Inject(LOGGER) logger: Logger, adapterHost: HttpAdapterHost) {
    super(database, logger, adapterHost, { channel: DASHBOARD_CHANNEL, applicationName: 'payforward-marketplace-dashboard', label: 'dashboard' });
  }

  protected updatesFor(mentorId: string): LiveUpdate[] {
    return [{ topic: dashboardTopic(mentorId), payload: { mentorId } }];
  }
}
