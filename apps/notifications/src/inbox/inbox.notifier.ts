import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import pg from 'pg';
import type { Logger } from 'pino';
import { LOGGER, PG_POOL, type PgSettings } from '@payforward/platform';
import { findNotification, INBOX_CHANNEL } from './notifications.read-model.js';

export const INBOX_DATABASE = Symbol('INBOX_DATABASE');

/** The Mercurius pubsub topic of one member's inbox: nobody else's subscription listens to it. */
export const inboxTopic = (memberId: string): string => `notifications.${memberId}`;

interface MercuriusPubSub {
  publish(event: { topic: string; payload: unknown }, callback?: () => void): void;
}

/**
 * Feeds `notificationReceived`, the way the marketplace's dashboard notifier does: the consumer
 * NOTIFYs each stored notification's id in its transaction, PostgreSQL delivers it after the
 * commit to every instance LISTENing, and each publishes it on the recipient's own topic.
 * One dedicated connection per instance, reconnecting with a growing delay when it drops.
 */
@Injectable()
export class InboxNotifier implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private client?: pg.Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private delayMs = 250;

  constructor(
    @Inject(INBOX_DATABASE) private readonly database: PgSettings,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
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
    const client = new pg.Client({ ...this.database, application_name: 'payforward-notifications-inbox' });
    client.on('error', (error) => this.reconnectLater(error, client));
    client.on('end', () => this.reconnectLater(new Error('the LISTEN connection ended'), client));
    client.on('notification', ({ channel, payload }) => {
      if (channel === INBOX_CHANNEL && payload) void this.publish(payload);
    });
    this.client = client;
    await client.connect();
    await client.query(`LISTEN ${INBOX_CHANNEL}`);
    this.delayMs = 250;
  }

  private reconnectLater(error: unknown, client?: pg.Client): void {
    if (this.stopped || (client && client !== this.client)) return;
    this.logger.warn({ err: error, retryInMs: this.delayMs }, 'inbox listener lost its connection; reconnecting');
    void this.client?.end().catch(() => undefined);
    this.client = undefined;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.listen().catch((e: unknown) => this.reconnectLater(e)), this.delayMs);
    this.retry.unref();
    this.delayMs = Math.min(this.delayMs * 2, 5_000);
  }

  private async publish(id: string): Promise<void> {
    try {
      const notification = await findNotification(this.pool, id);
      if (!notification) return;
      const pubsub = (this.adapterHost.httpAdapter?.getInstance() as { graphql?: { pubsub?: MercuriusPubSub } } | undefined)?.graphql?.pubsub;
      pubsub?.publish({ topic: inboxTopic(notification.recipientId), payload: { notificationReceived: notification } });
    } catch (error) {
      // The inbox still has it: a missed live push costs nothing but a refresh.
      this.logger.warn({ err: error, notificationId: id }, 'could not publish a notification');
    }
  }
}
