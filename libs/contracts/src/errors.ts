/**
 * The error codes of the public API (api-contract.graphql). Domain code throws DomainError
 * with one of them; the GraphQL layer turns it into `extensions.code` (+ `extensions.field`).
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'CAPACITY_EXHAUSTED',
  'RELATIONSHIP_REQUIRED',
  'LIMIT_REACHED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

/**
 * A refusal the caller can act on. Its message is written for the end user (it reaches the
 * client as is), so it never carries internals.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The offending input field, when there is one (e.g. `email`, `input.timezone`). */
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badInput = (field: string, message: string): DomainError => new DomainError('BAD_USER_INPUT', message, field);
