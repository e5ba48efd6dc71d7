import { badInput } from '@payforward/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_IDS = 100;

/**
 * markNotificationsRead takes exactly one of `ids` or `all: true`. Returns the ids to mark,
 * or null for all of them. Pure, so the rule is unit-tested without a server.
 */
export function markReadTarget(ids: readonly string[] | null | undefined, all: boolean | null | undefined): string[] | null {
  const hasIds = ids !== null && ids !== undefined;
  if (hasIds && all) throw badInput('all', 'Pass either ids or all: true, not both.');
  if (!hasIds && !all) throw badInput('ids', 'Pass the ids of the notifications to mark read, or all: true.');
  if (!hasIds) return null;
  if (ids.length > MAX_IDS) throw badInput('ids', `At most ${MAX_IDS} ids at a time; use all: true for everything.`);
  if (!ids.every((id) => UUID.test(id))) throw badInput('ids', 'Every id must be a notification id.');
  return ids.map((id) => id.toLowerCase());
}
