import { createRequire } from 'node:module';
import { GraphQLError } from 'graphql';

/**
 * Two fixes to how @mercuriusjs/gateway 5.2.0 (with @mercuriusjs/subscription-client 2.0.0,
 * both pinned) proxies subscriptions to a subgraph over the one WebSocket it keeps per subgraph.
 * Both patch the copy of SubscriptionClient the gateway itself loads; applying twice is a no-op.
 *
 * 1. One upstream subscription per client. `createSubscription` reuses a running upstream
 *    operation for any later client sending the same query and variables — an operation started
 *    with the FIRST client's connection-init payload, i.e. their token. `mentorDashboardChanged`
 *    depends on who subscribed: a second mentor received the first mentor's dashboard (seen on the
 *    real stack). Forgetting the reuse key before each create gives every client its own
 *    operation, carrying its own init payload as the `connectionInit` extension.
 *
 * 2. Subgraph refusals reach the client. On an `error` message (or a `next` without data) the
 *    client publishes `null`, which silently completes the client's subscription: an anonymous
 *    subscriber saw `complete` instead of UNAUTHENTICATED. The errors are published first as a
 *    payload whose field access throws them, so the gateway executes the event into those errors
 *    (code and field kept, shaped by its error formatter); a refused subscribe then completes.
 */
interface Operation {
  handler(payload: unknown): Promise<void> | void;
}

interface SubscriptionClientInstance {
  _subscriptionQueryMap: Record<string, string>;
  _protocolMessageTypes: { GQL_DATA: string; GQL_ERROR: string };
  operations: Map<string, Operation>;
}

interface SubscriptionClientPrototype {
  createSubscription(this: SubscriptionClientInstance, ...args: unknown[]): string;
  _handleMessage(this: SubscriptionClientInstance, message: { toString(): string }): Promise<void>;
  [PATCHED]?: true;
}

const PATCHED = Symbol.for('payforward.gateway.subscriptionFixes');

type SubgraphError = { message?: unknown; extensions?: Record<string, unknown> };

/** A subscription event that fails with the subgraph's first error when the gateway reads the root field. */
function failingPayload(errors: SubgraphError[]): object {
  const first = errors[0] ?? {};
  const error = new GraphQLError(typeof first.message === 'string' ? first.message : 'The subscription was refused.', { extensions: first.extensions });
  return new Proxy(
    {},
    {
      get(_target, property) {
        // Not a thenable and not serializable: only the field read fails.
        if (typeof property !== 'string' || property === 'then' || property === 'toJSON') return undefined;
        throw error;
      },
    },
  );
}

export function isolateSubgraphSubscriptions(): void {
  const fromGateway = createRequire(createRequire(import.meta.url).resolve('@mercuriusjs/gateway'));
  const { SubscriptionClient } = fromGateway('@mercuriusjs/subscription-client') as { SubscriptionClient: { prototype: SubscriptionClientPrototype } };
  const prototype = SubscriptionClient.prototype;
  if (prototype[PATCHED]) return;

  const create = prototype.createSubscription;
  prototype.createSubscription = function (...args) {
    this._subscriptionQueryMap = {};
    return create.apply(this, args);
  };

  const handle = prototype._handleMessage;
  prototype._handleMessage = async function (message) {
    let data: { id?: string; type?: string; payload?: unknown } | undefined;
    try {
      data = JSON.parse(message.toString());
    } catch {
      return handle.call(this, message);
    }
    const { GQL_DATA, GQL_ERROR } = this._protocolMessageTypes;
    const operation = data?.id ? this.operations.get(data.id) : undefined;
    const payload = data?.payload as { data?: unknown; errors?: unknown } | SubgraphError[] | undefined;
    const errors =
      data?.type === GQL_ERROR ? payload : data?.type === GQL_DATA && payload && !Array.isArray(payload) && payload.data == null ? payload.errors : undefined;
    if (operation && Array.isArray(errors) && errors.length > 0) {
      await operation.handler(failingPayload(errors as SubgraphError[]));
      // A failed event leaves the subscription running; a refused subscribe goes on to complete it.
      if (data!.type === GQL_DATA) return;
    }
    return handle.call(this, message);
  };

  prototype[PATCHED] = true;
}
