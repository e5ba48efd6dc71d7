import { DomainError } from '@payforward/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id we hand out is a UUID; anything else names nothing (and would make Postgres raise a cast error). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** An id argument that must name something: anything that is not one of our ids is NOT_FOUND on that field. */
export function knownId(value: unknown, field: string, what: string): string {
  if (!isUuid(value)) throw new DomainError('NOT_FOUND', `No such ${what}.`, field);
  return value.toLowerCase();
}
