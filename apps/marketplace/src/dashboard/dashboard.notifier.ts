import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import pg from 'pg';
import type { Logger } from 'pino';
import { LOGGER, type PgSettings } from '@payforward/platform';
import { DASHBOARD_CHANNEL, dashboardTopic } from '../shared/dashboard.channel.js';

export const DASHBOARD_DATABASE = Symbol('DASHBOARD_DATABASE');

interface MercuriusPubSub {
  publish(event: { topic: string; payload: unknown }, callback?: () => void): void;
}

/**
 * Feeds `mentorDashboardChanged`. Writes NOTIFY the mentor's id inside their transaction, so
 * PostgreSQL delivers it only after the commit, to every instance LISTENing: each instance
 * publishes to its own Mercurius pubsub, where its subscribers wait. One dedicated connection
 * per instance; when it drops it reconnects, and subscribers then get the next change.
 */
@Injectable()
export class DashboardNotifier implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private client?: pg.Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private delayMs = 250;

  constructor(
    @Inject(DASHBOARD_DATABASE) private readonly database: PgSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async onApplicationBootstrap() {
    await this.listen().catch((error: unknown) => this.reconnectLater(error));
  }

  async beforeApplicationShutdown() {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ ...this.database, application_name: 'payforward-marketplace-dashboard' });
    client.on('error', (error) => this.reconnectLater(error, client));
    client.on('end', () => this.reconnectLater(new Error('the LISTEN connection ended'), client));
    client.on('notification', ({ channel, payload }) => {
      if (channel === DASHBOARD_CHANNEL && payload) this.publish(payload);
    });
    this.client = client;
    await client.connect();
    await client.query(`LISTEN ${DASHBOARD_CHANNEL}`);
    this.delayMs = 250;
  }

  private reconnectLater(error: unknown, client?: pg.Client): void {
    if (this.stopped || (client && client !== this.client)) return;
    this.logger.warn({ err: error, retryInMs: this.delayMs }, 'dashboard listener lost its connection; reconnecting');
    void this.client?.end().catch(() => undefined);
    this.client = undefined;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.listen().catch((e: unknown) => this.reconnectLater(e)), this.delayMs);
    this.retry.unref();
    this.delayMs = Math.min(this.delayMs * 2, 5_000);
  }

  private publish(mentorId: string): void {
    const pubsub = (this.adapterHost.httpAdapter?.getInstance() as { graphql?: { pubsub?: MercuriusPubSub } } | undefined)?.graphql?.pubsub;
    pubsub?.publish({ topic: dashboardTopic(mentorId), payload: { mentorId } });
  }
}
