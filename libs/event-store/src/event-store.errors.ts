import { DomainError } from '@payforward/contracts';
import type { ExpectedVersion } from './event-store.types.js';

/** The stream was not where the writer expected it: re-read and decide again, or report the conflict. */
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's version when the conflict was detected: 0 = no events, -1 = unknown (the append ran in a transaction the conflict aborted). */
    readonly actual: number,
  ) {
    super(`stream "${streamId}" is at version ${actual}, expected ${String(expected)}`);
  }
}

/**
 * Some of the appended event ids are already stored, but not as this exact append (other ids,
 * another order or another stream). Nothing was written: an id must never name two events.
 */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';

  constructor(
    readonly streamId: string,
    readonly duplicateIds: string[],
  ) {
    super(`event ids already stored and not as a replay of this append to "${streamId}": ${duplicateIds.join(', ')}`);
  }
}

/** The message of the one conflict error: the writes kept racing past the retry policy's bounds. */
export const WRITE_CONFLICT_MESSAGE = 'Too many changes to this at once; please try again.';

/**
 * The one conflict error of the write side (ADR 013): a command kept losing version races
 * until the retry policy gave up. A DomainError, so the API answers `extensions.code`
 * CONFLICT with a message the member can act on; `cause` keeps the last conflict for logs.
 */
export class WriteConflictError extends DomainError {
  constructor(
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super('CONFLICT', WRITE_CONFLICT_MESSAGE);
  }
}
