import type { NotificationCategory, NotificationFieldsFragment } from '../gql/graphql';

export type NotificationItem = NotificationFieldsFragment;

export const CATEGORY_LABELS: Record<NotificationCategory, string> = {
  REQUESTS: 'Requests',
  REMINDERS: 'Reminders',
  SESSIONS: 'Sessions',
  INTROS: 'Introductions',
  REPUTATION: 'Reputation',
  ADMIN: 'Admin',
};

const newestFirst = (a: NotificationItem, b: NotificationItem): number =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/**
 * Pages, live arrivals and refetches overlap (a notification pushed live is also on the next
 * refetched first page): one entry per id, newest first. Read wins, since nothing marks unread.
 */
export function mergeNotifications(current: readonly NotificationItem[], incoming: readonly NotificationItem[]): NotificationItem[] {
  const byId = new Map(current.map((n) => [n.id, n]));
  for (const n of incoming) {
    const known = byId.get(n.id);
    byId.set(n.id, known ? { ...n, read: known.read || n.read } : n);
  }
  return [...byId.values()].sort(newestFirst);
}

export function markedRead(items: readonly NotificationItem[], ids: readonly string[] | 'all'): NotificationItem[] {
  const wanted = ids === 'all' ? null : new Set(ids);
  return items.map((n) => (!n.read && (wanted === null || wanted.has(n.id)) ? { ...n, read: true } : n));
}

/**
 * A notification links to a page of this app ("/dashboard"). Anything else — another origin
 * ("//evil.example", "https://…"), a script URL — is not followed: the text stays plain.
 */
export function internalLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.includes('\\')) return null;
  return /^[\x21-\x7e]+$/.test(link) ? link : null;
}

/** "3 unread" for the bell's accessible name; nothing to read out at zero. */
export function bellLabel(unread: number): string {
  if (unread <= 0) return 'Notifications';
  return `Notifications, ${unread > 99 ? 'more than 99' : unread} unread`;
}

/** The bell's badge: small numbers as they are, large ones capped. */
export const badgeText = (unread: number): string => (unread > 99 ? '99+' : String(unread));

/** The bell and the list share one signal: the member read something, so the count is stale. */
const READ_CHANGED = 'payforward:notifications-read';

export function announceReadChanged(): void {
  window.dispatchEvent(new Event(READ_CHANGED));
}

export function onReadChanged(listener: () => void): () => void {
  window.addEventListener(READ_CHANGED, listener);
  return () => window.removeEventListener(READ_CHANGED, listener);
}
