import type { ErrorCode } from '@payforward/contracts';
import type { FastifyReply } from 'fastify';

export interface EdgeRefusal {
  status: number;
  code: ErrorCode;
  message: string;
  /** Which edge rule refused: a query limit's name, `batch`, `csrf`, `method` or the rate-limited field; none for a syntax error. */
  limit?: string;
  retryAfterSeconds?: number;
}

/**
 * Answers a request the edge refused, in the contract's error shape, without running any of it. A
 * batch gets one result per operation (batching clients match results to operations by position),
 * each carrying the refusal: the batch is refused as a whole.
 */
export function sendRefusal(reply: FastifyReply, refusal: EdgeRefusal, batchSize?: number): FastifyReply {
  const extensions: Record<string, unknown> = { code: refusal.code };
  if (refusal.limit !== undefined) extensions.limit = refusal.limit;
  if (refusal.retryAfterSeconds !== undefined) {
    extensions.retryAfterSeconds = refusal.retryAfterSeconds;
    reply.header('retry-after', String(refusal.retryAfterSeconds));
  }
  const result = { data: null, errors: [{ message: refusal.message, extensions }] };
  return reply
    .code(refusal.status)
    .type('application/json; charset=utf-8')
    .send(batchSize === undefined ? result : Array.from({ length: batchSize }, () => result));
}
