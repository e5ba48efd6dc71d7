import type { JwtTokens } from '@payforward/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Kind, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { clientAddress, trustedProxies } from './client-address.js';
import type { EdgeConfig } from './edge.config.js';
import { sendRefusal, type EdgeRefusal } from './edge-refusal.js';
import { checkOperation, isRefusal } from './query-limits.js';
import { countLimitedFields, type RateLimits } from './rate-limits.js';

export interface EdgeGuardDeps {
  config: EdgeConfig;
  rateLimits: RateLimits;
  tokens: JwtTokens;
  logger: Logger;
}

interface Operation {
  query?: unknown;
  variables?: unknown;
}

const PERIODS: Record<number, string> = { 60: 'minute', 3600: 'hour' };

/** The operations of a GraphQL HTTP request: one, or each element of a batched JSON array. */
function operationsOf(request: FastifyRequest): { operations: Operation[]; batch: boolean } {
  if (request.method === 'GET') {
    const { query, variables } = (request.query ?? {}) as { query?: unknown; variables?: unknown };
    let parsed: unknown;
    try {
      parsed = typeof variables === 'string' ? JSON.parse(variables) : undefined;
    } catch {
      parsed = undefined; // Mercurius refuses malformed variables itself
    }
    return { operations: [{ query, variables: parsed }], batch: false };
  }
  const body = request.body as Operation | Operation[] | undefined;
  return Array.isArray(body) ? { operations: body, batch: true } : { operations: [body ?? {}], batch: false };
}

const onlyQueries = (document: DocumentNode): boolean =>
  document.definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation === 'query');

/**
 * Fastify `preHandler` on the GraphQL endpoint: everything the edge refuses, decided before Mercurius
 * runs any operation (so before any subgraph is called). In order: the batch size; each operation's
 * query limits (query-limits.ts) and, over GET, queries only; a batch's total cost; then the rate
 * limits, counting every rate-limited root field of every operation. A request with anything refused
 * runs nothing. WebSocket subscriptions are held to the same query limits by `subscriptionLimits`.
 */
export function edgeGuard({ config, rateLimits, tokens, logger }: EdgeGuardDeps) {
  const { limits, production } = config;
  const proxies = trustedProxies(config.trustedProxies);

  const decide = async (request: FastifyRequest, operations: Operation[], batch: boolean): Promise<EdgeRefusal | null> => {
    if (batch && operations.length > limits.batch) {
      return { status: 400, code: 'BAD_USER_INPUT', limit: 'batch', message: `Batch limit of ${limits.batch} operations exceeded, found ${operations.length}.` };
    }
    const schema = (request.server as unknown as { graphql: { schema: GraphQLSchema } }).graphql.schema;
    const counts = new Map<string, number>();
    let cost = 0;
    for (const [index, operation] of operations.entries()) {
      if (typeof operation?.query !== 'string') continue; // Mercurius refuses a request without a query
      const variables = operation.variables && typeof operation.variables === 'object' ? (operation.variables as Record<string, unknown>) : {};
      const checked = checkOperation(schema, operation.query, variables, limits, production);
      const where = batch ? `Operation ${index + 1} of the batch: ` : '';
      if (isRefusal(checked)) {
        // A syntax error is refused here too: Mercurius would otherwise try the text as a JSON AST, unchecked.
        return { status: 400, code: 'BAD_USER_INPUT', limit: checked.limit === 'syntax' ? undefined : checked.limit, message: where + checked.message };
      }
      if (request.method === 'GET' && !onlyQueries(checked.document)) {
        return { status: 405, code: 'BAD_USER_INPUT', limit: 'method', message: 'Only queries may be sent with GET: send mutations with POST.' };
      }
      cost += checked.cost;
      countLimitedFields(checked.document, rateLimits.fields, counts);
    }
    if (batch && cost > limits.cost) {
      return { status: 400, code: 'BAD_USER_INPUT', limit: 'cost', message: `Query Cost limit of ${limits.cost} exceeded by the batch as a whole, found ${cost}.` };
    }
    if (counts.size === 0) return null;
    const ip = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], proxies);
    // Member limits key on a verified token's subject only: a forged or expired token is anonymous here too.
    const viewer = await tokens.fromAuthorizationHeader(request.headers.authorization);
    const refused = await rateLimits.consume(counts, { ip, memberId: viewer?.memberId ?? null });
    if (!refused) return null;
    const { rule, retryAfterSeconds } = refused;
    logger.warn({ field: rule.field, per: rule.per, limit: rule.points, setting: rule.env, ip, memberId: viewer?.memberId }, 'rate limit reached');
    const period = PERIODS[rule.durationSeconds] ?? `${rule.durationSeconds} seconds`;
    const whose = rule.per === 'ip' ? 'from one address' : 'per member';
    return {
      status: 429,
      code: 'RATE_LIMITED',
      limit: rule.field,
      retryAfterSeconds,
      message: `Too many ${rule.field} attempts: at most ${rule.points} per ${period} ${whose}. Try again in ${retryAfterSeconds} seconds.`,
    };
  };

  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    // A WebSocket upgrade carries no operation yet; a body Mercurius' schema refused is Mercurius' to answer.
    if ((request as { ws?: boolean }).ws || request.validationError) return undefined;
    const { operations, batch } = operationsOf(request);
    const refusal = await decide(request, operations, batch);
    if (!refusal) return undefined;
    if (refusal.status !== 429) logger.info({ limit: refusal.limit }, 'request refused at the edge');
    // A refused batch answers position by position; one too large to run gets a single answer.
    return sendRefusal(reply, refusal, batch && refusal.limit !== 'batch' ? operations.length : undefined);
  };
}
