import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SUBGRAPHS } from '../gateway-health.controller.js';
import type { Subgraph } from '../subgraphs.js';

/** Paths of PUBLIC_API_URL links that the notifications service serves over plain HTTP (seams §4). */
export const FORWARDED_PATHS = { unsubscribe: '/unsubscribe', calendar: '/calendar/' } as const;

/** Response headers passed back to the client; nothing else of the service's answer leaks through. */
const PASSED_BACK = ['content-type', 'cache-control', 'referrer-policy', 'content-disposition', 'etag', 'last-modified'];

/**
 * Links in mail point at the one public origin, the gateway: `GET|POST /unsubscribe?token=…`
 * (RFC 8058 one-click unsubscribe and its confirm page) and `GET /calendar/<token>.ics` (the
 * private calendar feed). They need no sign-in — the token in the URL is the credential — so the
 * gateway forwards them as they are to the notifications service, which checks the token.
 * No Authorization header or cookie is forwarded: these links never act as the signed-in member.
 */
@Injectable()
export class PublicLinksProxy implements OnModuleInit {
  private readonly origin: string | null;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(SUBGRAPHS) subgraphs: Subgraph[],
  ) {
    const notifications = subgraphs.find((s) => s.name === 'notifications');
    this.origin = notifications ? new URL(notifications.url).origin : null;
  }

  onModuleInit(): void {
    if (!this.origin) return;
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const forward = (req: FastifyRequest, reply: FastifyReply) => this.forward(req, reply);
    fastify.get(FORWARDED_PATHS.unsubscribe, forward);
    fastify.post(FORWARDED_PATHS.unsubscribe, forward);
    fastify.get(`${FORWARDED_PATHS.calendar}*`, forward);
  }

  private async forward(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const url = `${this.origin}${req.url}`;
    // RFC 8058's body is "List-Unsubscribe=One-Click"; Nest's Fastify adapter parsed the form, so it is encoded again.
    const body = req.method === 'POST' ? new URLSearchParams((req.body as Record<string, string> | undefined) ?? {}).toString() : undefined;
    let upstream: Response;
    try {
      upstream = await fetch(url, {
        method: req.method,
        headers: body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      return reply.code(503).type('text/plain; charset=utf-8').header('retry-after', '5').send('The service is not reachable right now; please try again in a moment.');
    }
    for (const name of PASSED_BACK) {
      const value = upstream.headers.get(name);
      if (value) void reply.header(name, value);
    }
    return reply.code(upstream.status).send(Buffer.from(await upstream.arrayBuffer()));
  }
}
