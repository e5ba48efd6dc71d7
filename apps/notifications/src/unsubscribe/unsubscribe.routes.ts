import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Logger } from 'pino';
import { LOGGER, PG_POOL } from '@payforward/platform';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../notifications.settings.js';
import { setCategoryEmail } from '../preferences/preferences.read-model.js';
import { confirmPage, donePage, invalidPage } from './unsubscribe.page.js';
import { verifyUnsubscribeToken } from './unsubscribe.token.js';

export const UNSUBSCRIBE_PATH = '/unsubscribe';

/**
 * RFC 8058 one-click unsubscribe, signed out: `POST /unsubscribe?token=…` (the mail client's
 * "List-Unsubscribe=One-Click" body, or the confirm page's form) turns that category's e-mail
 * OFF for that member; `GET` shows a page with a confirm button, so a link scanner changes
 * nothing. The token is the only credential (unsubscribe.token.ts). Plain HTTP on the service;
 * the gateway forwards the path (seams §4).
 */
@Injectable()
export class UnsubscribeRoutes implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Nest's Fastify adapter already parses form bodies (RFC 8058's "List-Unsubscribe=One-Click");
    // the body is not needed: the token in the URL is the whole request.
    fastify.get(UNSUBSCRIBE_PATH, (req, reply) => this.confirm(req, reply));
    fastify.post(UNSUBSCRIBE_PATH, (req, reply) => this.unsubscribe(req, reply));
  }

  private settingsUrl(): string {
    return `${this.settings.email.webUrl}/settings/notifications`;
  }

  private async target(req: FastifyRequest) {
    const token = (req.query as { token?: unknown }).token;
    return typeof token === 'string' && token.length < 2048 ? { token, claim: await verifyUnsubscribeToken(this.settings.email.unsubscribeKey, token) } : null;
  }

  private async confirm(req: FastifyRequest, reply: FastifyReply) {
    const target = await this.target(req);
    void reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8');
    if (!target?.claim) return reply.code(400).send(invalidPage());
    return reply.send(confirmPage(target.claim.category, target.token, this.settingsUrl()));
  }

  private async unsubscribe(req: FastifyRequest, reply: FastifyReply) {
    const target = await this.target(req);
    void reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    if (!target?.claim) return reply.code(400).send(invalidPage());
    const { memberId, category } = target.claim;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Same lock as updateNotificationPreferences: neither overwrites the other's change.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 17))', [memberId]);
      await setCategoryEmail(client, memberId, category, 'OFF');
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    this.logger.info({ memberId, category }, 'unsubscribed by link');
    return reply.send(donePage(category, this.settingsUrl()));
  }
}
