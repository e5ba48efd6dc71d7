import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendRefusal } from './edge-refusal.js';

// What a browser sends cross-site without a CORS preflight: an HTML form or a "simple" fetch.
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
// Headers a cross-site page cannot set without a preflight; Apollo's, Mercurius' and the GraphQL-over-HTTP draft's names.
export const PREFLIGHT_HEADERS = ['graphql-preflight', 'apollo-require-preflight', 'x-apollo-operation-name', 'mercurius-require-preflight', 'x-mercurius-operation-name'];

/**
 * CSRF prevention (always on): a POST must either have a content type a form cannot send (so a
 * browser preflights it, and CORS decides) or carry a preflight header. Refused as BAD_USER_INPUT
 * before the body is even parsed, so a form-encoded or text/plain request never reaches GraphQL.
 * GET is left to the edge guard, which lets it carry queries only; a WebSocket upgrade is a GET.
 */
export function isCrossSiteSafe(method: string, headers: FastifyRequest['headers']): boolean {
  if (method !== 'POST') return true;
  const type = headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type && !SIMPLE_CONTENT_TYPES.has(type)) return true;
  return PREFLIGHT_HEADERS.some((name) => {
    const value = headers[name];
    return typeof value === 'string' ? value.length > 0 : Array.isArray(value) && value.length > 0;
  });
}

/** Fastify `preParsing` route hook on the GraphQL endpoint (Mercurius keeps `onRequest` for itself). */
export async function csrfPrevention(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (isCrossSiteSafe(request.method, request.headers)) return undefined;
  return sendRefusal(reply, {
    status: 400,
    code: 'BAD_USER_INPUT',
    limit: 'csrf',
    message:
      'This request was refused as a possible cross-site request forgery: send it with Content-Type: application/json, or add a GraphQL-Preflight header.',
  });
}
