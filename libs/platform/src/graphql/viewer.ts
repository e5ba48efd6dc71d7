import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { sessionEnded } from '../auth/authorization.js';
import type { Viewer } from '../auth/jwt.js';
import type { SessionRejection, ViewerAuthenticator } from '../auth/viewer-authenticator.js';

/** What every resolver finds in the GraphQL context. */
export interface RequestContext {
  /** The caller from a valid bearer token of a member not blocked; null otherwise. */
  viewer: Viewer | null;
  /**
   * Set when the request carried credentials that were refused (expired, forged or malformed
   * token; suspended or erased member): such a request is never served as someone, and never
   * quietly as anonymous either where who is calling matters (CurrentViewer).
   */
  rejection?: SessionRejection | null;
  /** From `x-correlation-id` when the caller (or the gateway) sent one; stamped on every event the request causes. */
  correlationId: string;
}

/**
 * Mercurius `context` factory: authenticates `Authorization: Bearer <token>` once per request.
 * Behind the gateway the header is forwarded to the subgraph (gateway `rewriteHeaders`).
 */
export const viewerContext =
  (auth: ViewerAuthenticator) =>
  async (request: { headers: Record<string, string | string[] | undefined> }): Promise<RequestContext> => ({
    ...(await auth.authenticate(request.headers.authorization)),
    correlationId: correlationIdOf(request.headers['x-correlation-id']),
  });

const correlationIdOf = (header: string | string[] | undefined): string => {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
};

/** Resolver parameter: the request's correlation id. */
export const CorrelationId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string => GqlExecutionContext.create(context).getContext<RequestContext>().correlationId,
);

/**
 * Resolver parameter: the verified viewer, or null when the request carried no credentials.
 * Every resolver whose answer depends on who is calling asks for it, so this is where refused
 * credentials stop: UNAUTHENTICATED saying why (expired, invalid, suspended, erased). Resolvers
 * that do not ask (browsing offers, login, register) serve such a request like an anonymous one.
 * Role and ownership decisions stay with requireViewer/requireAdmin and the handlers.
 */
export const CurrentViewer = createParamDecorator(
  (_: unknown, context: ExecutionContext): Viewer | null => viewerOf(GqlExecutionContext.create(context).getContext<RequestContext>()),
);

/** The same rule for a resolver that must decide something before asking (e.g. the member of a login's own payload). */
export function viewerOf({ viewer, rejection }: Pick<RequestContext, 'viewer' | 'rejection'>): Viewer | null {
  if (rejection) throw sessionEnded(rejection);
  return viewer ?? null;
}
