import { expect } from '@jest/globals';
import { ERROR_CODES } from '@payforward/contracts';
import type { Stack } from '@payforward/testing';
import pg from 'pg';

/**
 * Shared pieces of the edge specs (query limits, production mode, CSRF, rate limits): raw HTTP
 * requests to the gateway with chosen headers, and a counter of identity's events, which every
 * `register` that runs adds to, to show a refused request ran nothing.
 */

export interface GatewayReply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text when the body is not JSON. */
  body: any;
}

export interface SendOptions {
  /** The client address, sent as X-Forwarded-For (the stacks trust 127.0.0.1 as a proxy when a spec needs it). */
  ip?: string;
  token?: string;
  headers?: Record<string, string>;
}

export async function send(stack: Stack, payload: unknown, { ip, token, headers = {} }: SendOptions = {}): Promise<GatewayReply> {
  const response = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(ip ? { 'x-forwarded-for': ip } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  return read(response);
}

export async function get(stack: Stack, path: string, params: Record<string, string> = {}): Promise<GatewayReply> {
  const url = new URL(path, stack.graphqlUrl);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return read(await fetch(url));
}

async function read(response: Response): Promise<GatewayReply> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body };
}

/** The single error of a refused request, checked against the contract's shape. */
export function refusedWith(reply: GatewayReply, code: string, limit?: string): { message: string; extensions: Record<string, unknown> } {
  expect(reply.body).toEqual({ data: null, errors: [expect.objectContaining({ message: expect.any(String), extensions: expect.objectContaining({ code }) })] });
  const error = reply.body.errors[0];
  if (limit) expect(error.extensions.limit).toBe(limit);
  return error;
}

/** Every error a client can receive: a contract code, or the generic internal one. */
export function expectTypedErrors(reply: GatewayReply): void {
  expect(reply.body).toEqual(expect.objectContaining({ errors: expect.any(Array) }));
  for (const error of reply.body.errors) expect([...ERROR_CODES, 'INTERNAL_SERVER_ERROR']).toContain(error.extensions?.code);
}

// What a stack trace or an internal detail looks like in text.
export const INTERNALS = /\n\s+at |\bat [\w.<>]+ \(|node_modules|\/work\/|file:\/\/|\.js:\d+|ECONNREFUSED|127\.0\.0\.1:\d+|stack/i;

let counter = 0;

/** A `register` root field with an e-mail no one has, under `alias`. */
export function registerField(stack: Stack, alias: string, selection = '{ token }'): string {
  const email = `edge-${alias}-${++counter}-${stack.suffix}@example.com`;
  return `${alias}: register(input: { email: "${email}", password: "a long enough password", displayName: "Edge", timezone: "UTC" }) ${selection}`;
}

/** A `login` root field for an e-mail no one has (refused as UNAUTHENTICATED once it runs). */
export const loginField = (alias: string): string => `${alias}: login(email: "nobody-${alias}@example.com", password: "not the password") { token }`;

/** Identity's events so far: a `register` that runs appends one. */
export const countEvents = async (identityDb: pg.Pool): Promise<number> => Number((await identityDb.query('SELECT count(*) AS n FROM es_events')).rows[0].n);
/** What one registration appends: MemberRegistered and EmailVerificationRequested (ADR 019). */
export const EVENTS_PER_REGISTRATION = 2;
