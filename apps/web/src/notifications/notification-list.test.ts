import { describe, expect, it } from 'vitest';
import { badgeText, bellLabel, internalLink, markedRead, mergeNotifications, type NotificationItem } from './notification-list';

const n = (id: string, createdAt: string, read = false): NotificationItem => ({ id, category: 'REQUESTS', text: `text ${id}`, link: '/dashboard', read, createdAt });

describe('the notification list', () => {
  it('given a page, a live arrival and a refetch that overlap, then each notification is listed once, newest first', () => {
    const page = [n('b', '2031-03-02T10:00:00.000Z'), n('a', '2031-03-01T10:00:00.000Z')];
    const merged = mergeNotifications(mergeNotifications(page, [n('c', '2031-03-03T10:00:00.000Z')]), [n('c', '2031-03-03T10:00:00.000Z'), ...page]);
    expect(merged.map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });

  it('given an older page, then it goes after what is already listed', () => {
    const merged = mergeNotifications([n('c', '2031-03-03T10:00:00.000Z')], [n('a', '2031-03-01T10:00:00.000Z'), n('b', '2031-03-02T10:00:00.000Z')]);
    expect(merged.map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });

  it('given a notification read here and a stale copy still unread, then it stays read', () => {
    const merged = mergeNotifications([n('a', '2031-03-01T10:00:00.000Z', true)], [n('a', '2031-03-01T10:00:00.000Z', false)]);
    expect(merged[0]!.read).toBe(true);
  });

  it('marks the given ids read, or all of them', () => {
    const items = [n('a', '2031-03-01T10:00:00.000Z'), n('b', '2031-03-02T10:00:00.000Z')];
    expect(markedRead(items, ['a']).map((x) => x.read)).toEqual([true, false]);
    expect(markedRead(items, 'all').map((x) => x.read)).toEqual([true, true]);
  });

  it('follows only links to pages of this app', () => {
    expect(internalLink('/dashboard')).toBe('/dashboard');
    expect(internalLink('/requests?id=42')).toBe('/requests?id=42');
    for (const link of ['//evil.example/x', 'https://evil.example', 'javascript:alert(1)', '/\\evil.example', '', null, undefined, '/a b']) {
      expect(internalLink(link)).toBeNull();
    }
  });

  it('names the bell with the unread count, capped', () => {
    expect(bellLabel(0)).toBe('Notifications');
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
    expect(bellLabel(150)).toBe('Notifications, more than 99 unread');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(100)).toBe('99+');
  });
});
