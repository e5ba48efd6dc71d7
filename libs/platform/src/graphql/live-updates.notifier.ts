import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import pg from 'pg';
import type { Logger } from 'pino';
import type { PgSettings } from '../config/service.config.js';

/** One message for Mercurius' pubsub: subscribers of `topic` receive `payload`. */
export interface LiveUpdate {
  topic: string;
  payload: unknown;
}

interface MercuriusPubSub {
  publish(event: LiveUpdate, callback?: () => void): void;
}

export interface LiveUpdatesOptions {
  /** The PostgreSQL channel writers NOTIFY inside their transaction. */
  channel: string;
  /** Names the LISTEN connection in pg_stat_activity. */
  applicationName: string;
  /** Names the feed in log lines. */
  label: string;
}

/**
 * Feeds GraphQL subscriptions from PostgreSQL NOTIFY: writers NOTIFY inside their transaction,
 * so PostgreSQL delivers the payload only after the commit, to every instance LISTENing, and each
 * instance publishes to its own Mercurius pubsub, where its subscribers wait. One dedicated
 * connection per instance, reconnecting with a growing delay (250 ms … 5 s) when it drops;
 * a push missed meanwhile costs subscribers nothing but a refresh. Subclasses say what a payload
 * becomes (`updatesFor`).
 */
export abstract class LiveUpdatesNotifier implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private client?: pg.Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private delayMs = 250;

  protected constructor(
    private readonly database: PgSettings,
    protected readonly logger: Logger,
    private readonly adapterHost: HttpAdapterHost,
    private readonly options: LiveUpdatesOptions,
  ) {}

  /** What one NOTIFY payload is published as (none when it no longer exists). */
  protected abstract updatesFor(payload: string): Promise<LiveUpdate[]> | LiveUpdate[];

  async onApplicationBootstrap() {
    await this.listen().catch((error: unknown) => this.reconnectLater(error));
  }

  async beforeApplicationShutdown() {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ ...this.database, application_name: this.options.applicationName });
    client.on('error', (error) => this.reconnectLater(error, client));
    client.on('end', () => this.reconnectLater(new Error('the LISTEN connection ended'), client));
    client.on('notification', ({ channel, payload }) => {
      if (channel === this.options.channel && payload) void this.publish(payload);
    });
    this.client = client;
    await client.connect();
    await client.query(`LISTEN ${this.options.channel}`);
    this.delayMs = 250;
  }

  private reconnectLater(error: unknown, client?: pg.Client): void {
    if (this.stopped || (client && client !== this.client)) return;
    this.logger.warn({ err: error, retryInMs: this.delayMs }, `${this.options.label} listener lost its connection; reconnecting`);
    void this.client?.end().catch(() => undefined);
    this.client = undefined;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.listen().catch((e: unknown) => this.reconnectLater(e)), this.delayMs);
    this.retry.unref();
    this.delayMs = Math.min(this.delayMs * 2, 5_000);
  }

  private async publish(payload: string): Promise<void> {
    try {
      const pubsub = (this.adapterHost.httpAdapter?.getInstance() as { graphql?: { pubsub?: MercuriusPubSub } } | undefined)?.graphql?.pubsub;
      if (!pubsub) return;
      for (const update of await this.updatesFor(payload)) pubsub.publish(update);
    } catch (error) {
      this.logger.warn({ err: error, payload }, `could not publish a ${this.options.label} update`);
    }
  }
}
