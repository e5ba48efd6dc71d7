import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type pg from 'pg';
import type { Logger } from 'pino';
import { LiveUpdatesNotifier, LOGGER, PG_POOL, type LiveUpdate, type PgSettings } from '@payforward/platform';
import { EmailDelivery } from '../email/email-delivery.provider.js';
import { findNotification, INBOX_CHANNEL } from './notifications.read-model.js';

export const INBOX_DATABASE = Symbol('INBOX_DATABASE');

/** The Mercurius pubsub topic of one member's inbox: nobody else's subscription listens to it. */
export const inboxTopic = (memberId: string): string => `notifications.${memberId}`;

/**
 * Feeds `notificationReceived`: the consumer NOTIFYs each stored notification's id in its
 * transaction; the notification is read back and published on its recipient's own topic.
 */
@Injectable()
export class InboxNotifier extends LiveUpdatesNotifier {
  constructor(
    @Inject(INBOX_DATABASE) database: PgSettings,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(LOGGER) logger: Logger,
    adapterHost: HttpAdapterHost,
    private readonly email: EmailDelivery,
  ) {
    super(database, logger, adapterHost, { channel: INBOX_CHANNEL, applicationName: 'payforward-notifications-inbox', label: 'inbox' });
  }

  protected async updatesFor(id: string): Promise<LiveUpdate[]> {
    // Heard after the consumer's commit: a mail it enqueued with this notification is due now.
    this.email.wake();
    const notification = await findNotification(this.pool, id);
    return notification ? [{ topic: inboxTopic(notification.recipientId), payload: { notificationReceived: notification } }] : [];
  }
}
