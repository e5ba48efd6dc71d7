import { DomainError, isErrorCode, type ErrorCode } from '@payforward/contracts';
import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The code of an unexpected failure: the client learns that it was not their fault, nothing more. */
export const INTERNAL_ERROR_CODE = 'INTERNAL_SERVER_ERROR';
const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again.';

/** A refusal thrown from a resolver, shaped like the contract says (extensions.code + field). */
export function apiError(code: ErrorCode, message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: field ? { code, field } : { code } });
}

export interface ClassifiedError {
  formatted: GraphQLFormattedError;
  /** True for failures we did not mean to raise: they are logged with their stack. */
  unexpected: boolean;
}

const HTTP_CODES: Record<number, ErrorCode> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 429: 'RATE_LIMITED' };

function shape(error: GraphQLError, code: string, message: string, field?: unknown): GraphQLFormattedError {
  const extensions: Record<string, unknown> = { code };
  if (typeof field === 'string') extensions.field = field;
  return {
    message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions,
  };
}

/**
 * Maps one execution error to what the client sees: domain refusals keep their code, message
 * and field; errors of the request itself (unknown field, wrong variable type) become
 * BAD_USER_INPUT with graphql-js' message, which names the field; anything else is internal
 * and its message and stack never leave the process.
 */
export function classifyError(error: GraphQLError): ClassifiedError {
  const original = error.originalError as (Error & { code?: unknown; field?: unknown }) | undefined;
  if (original instanceof DomainError || (original?.name === 'DomainError' && isErrorCode(original.code))) {
    return { formatted: shape(error, String(original.code), original.message, original.field), unexpected: false };
  }
  const code = error.extensions?.code;
  if (isErrorCode(code)) {
    return { formatted: shape(error, code, error.message, error.extensions.field), unexpected: false };
  }
  if (original instanceof HttpException && HTTP_CODES[original.getStatus()]) {
    return { formatted: shape(error, HTTP_CODES[original.getStatus()], original.message), unexpected: false };
  }
  if (isRequestRefusedByMercurius(original)) {
    // e.g. a request without a query: about the request, safe to show.
    return { formatted: shape(error, 'BAD_USER_INPUT', original!.message), unexpected: false };
  }
  // Raised by graphql-js while parsing, validating or coercing the request (no path: nothing executed yet), about
  // the query and safe to show. Coercion keeps the scalar's or enum's own GraphQLError as originalError.
  if (!original || (isGraphQLError(original) && !error.path)) {
    return { formatted: shape(error, 'BAD_USER_INPUT', error.message, fieldNamedIn(error.message)), unexpected: false };
  }
  return { formatted: shape(error, INTERNAL_ERROR_CODE, INTERNAL_MESSAGE), unexpected: true };
}

// graphql-js names the input field in its coercion and validation messages; the contract wants it in extensions.field.
const FIELD_PATTERNS = [
  /at "[\w$]+\.([\w.]+)"/, // Variable "$input" got invalid value 1 at "input.timezone"; …
  /Field "(?:[\w]+\.)?(\w+)" of required type/, // Field "RegisterInput.password" of required type "String!" was not provided.
  /Field "(\w+)" is not defined by type/, // Field "nickname" is not defined by type "RegisterInput".
  /Argument "(\w+)" of (?:required|non-null) type/, // Argument "email" of required type "String!" was not provided.
  /^Variable "\$(\w+)" got invalid value/, // Variable "$reason" got invalid value "MAYBE"; Value "MAYBE" does not exist in "DeclineReason" enum.
];

function fieldNamedIn(message: string): string | undefined {
  for (const pattern of FIELD_PATTERNS) {
    const match = pattern.exec(message);
    if (match) return match[1]!.split('.').pop();
  }
  return undefined;
}

const isGraphQLError = (error: Error): boolean => error instanceof GraphQLError || error.name === 'GraphQLError';

function isRequestRefusedByMercurius(error: (Error & { code?: unknown; statusCode?: unknown }) | undefined): boolean {
  return (
    typeof error?.code === 'string' &&
    error.code.startsWith('MER_ERR_') &&
    typeof error.statusCode === 'number' &&
    error.statusCode >= 400 &&
    error.statusCode < 500
  );
}

/** An error already formatted by a subgraph (gateway side): trusted only when it carries a known code. */
export function classifyForwardedError(error: unknown): ClassifiedError {
  const e = error as { message?: unknown; extensions?: { code?: unknown; field?: unknown }; path?: unknown; locations?: unknown };
  const code = e?.extensions?.code;
  if (!(error instanceof Error) && typeof e?.message === 'string' && (isErrorCode(code) || code === INTERNAL_ERROR_CODE)) {
    const extensions: Record<string, unknown> = { code };
    if (typeof e.extensions?.field === 'string') extensions.field = e.extensions.field;
    return {
      formatted: { message: e.message, ...(Array.isArray(e.path) ? { path: e.path } : {}), extensions },
      unexpected: false,
    };
  }
  // A transport failure (subgraph down) or an unknown shape: its text may name internal hosts.
  return { formatted: { message: INTERNAL_MESSAGE, extensions: { code: INTERNAL_ERROR_CODE } }, unexpected: true };
}
