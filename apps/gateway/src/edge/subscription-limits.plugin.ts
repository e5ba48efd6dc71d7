import type { FastifyInstance } from 'fastify';
import { GraphQLError, print, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { EdgeConfig } from './edge.config.js';
import { checkOperation, isRefusal } from './query-limits.js';

type SubscriptionExecutionHook = (schema: GraphQLSchema, document: DocumentNode, context: unknown) => Promise<void>;

/**
 * Subscriptions arrive over the WebSocket, past the HTTP edge guard, and Mercurius does not run
 * graphql-js validation on them: hold each subscription to the same query limits before it is
 * forwarded to the subgraph. Checked on the printed document, since a client may send the
 * document as a JSON AST rather than text. A refusal reaches the client as the subscription's error.
 */
export const subscriptionLimits = (config: EdgeConfig) => async (fastify: FastifyInstance): Promise<void> => {
  const graphql = (fastify as unknown as { graphql: { addHook(name: 'preSubscriptionExecution', hook: SubscriptionExecutionHook): void } }).graphql;
  graphql.addHook('preSubscriptionExecution', async (schema, document) => {
    const checked = checkOperation(schema, print(document), {}, config.limits, config.production);
    if (isRefusal(checked)) throw new GraphQLError(checked.message, { extensions: { code: 'BAD_USER_INPUT', ...(checked.limit === 'syntax' ? {} : { limit: checked.limit }) } });
  });
};
