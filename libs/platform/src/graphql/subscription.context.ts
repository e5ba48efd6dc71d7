import { randomUUID } from 'node:crypto';
import type { ViewerAuthenticator } from '../auth/viewer-authenticator.js';
import type { RequestContext } from './viewer.js';

type InitPayload = { authorization?: unknown; Authorization?: unknown; headers?: { authorization?: unknown; Authorization?: unknown } } | null | undefined;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** `{ authorization: 'Bearer …' }` (graphql-ws connectionParams) or `{ headers: { authorization } }`. */
const authorizationOf = (payload: InitPayload): string | undefined =>
  text(payload?.authorization) ?? text(payload?.Authorization) ?? text(payload?.headers?.authorization) ?? text(payload?.headers?.Authorization);

/**
 * Mercurius `subscription.onConnect`: WebSockets carry no per-request headers, so the token
 * comes in the connection's init payload. Through the gateway it arrives per subscription:
 * @mercuriusjs/gateway shares one socket per subgraph and attaches each client's init payload
 * to its subscription as a `connectionInit` extension, which Mercurius hands to this same
 * function. Always accepts the connection (the gateway's own init carries no token); the
 * subscription resolver refuses a missing viewer, or refused credentials (expired, forged,
 * blocked member), with UNAUTHENTICATED.
 */
export const subscriptionOnConnect =
  (auth: ViewerAuthenticator) =>
  async ({ payload }: { payload?: InitPayload }): Promise<RequestContext> => ({
    ...(await auth.authenticate(authorizationOf(payload))),
    correlationId: randomUUID(),
  });
