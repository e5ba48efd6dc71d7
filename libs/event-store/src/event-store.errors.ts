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
