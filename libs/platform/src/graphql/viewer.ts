import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { JwtTokens, Viewer } from '../auth/jwt.js';

/** What every resolver finds in the GraphQL context. */
export interface RequestContext {
  /** The caller from a valid bearer token; null when anonymous (or the token is invalid or expired). */
  viewer: Viewer | null;
  /** From `x-correlation-id` when the caller (or the gateway) sent one; stamped on every event the request causes. */
  correlationId: string;
}

/**
 * Mercurius `context` factory: verifies `Authorization: Bearer <token>` once per request.
 * Behind the gateway the header is forwarded to the subgraph (gateway `rewriteHeaders`).
 */
export const viewerContext =
  (tokens: JwtTokens) =>
  async (request: { headers: Record<string, string | string[] | undefined> }): Promise<RequestContext> => ({
    viewer: await tokens.fromAuthorizationHeader(request.headers.authorization),
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

/** Resolver parameter: the verified viewer or null. Authorization decisions stay in resolvers/handlers. */
export const CurrentViewer = createParamDecorator(
  (_: unknown, context: ExecutionContext): Viewer | null =>
    GqlExecutionContext.create(context).getContext<RequestContext>().viewer ?? null,
);
