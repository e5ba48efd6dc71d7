import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApi, type Sent } from '../test/render';
import { announceReadChanged } from './notification-list';
import { NotificationBell } from './NotificationBell';

/** A fake gateway whose unread count the test moves. */
function gateway(counts: number[]) {
  let asked = 0;
  return (sent: Sent) => {
    if (/query UnreadNotificationCount/.test(sent.query)) return { data: { unreadNotificationCount: counts[Math.min(asked++, counts.length - 1)] } };
    throw new Error(`unexpected operation ${sent.query}`);
  };
}

const arrival = (text: string) => ({
  notificationReceived: { __typename: 'Notification', id: `n-${text}`, category: 'REQUESTS', text, link: '/dashboard', read: false, createdAt: '2031-03-01T10:00:00.000Z' },
});

describe('the bell', () => {
  it('given two unread notifications, then it shows 2 and is named for screen readers, linking to the list', async () => {
    renderWithApi(<NotificationBell />, gateway([2]));
    const bell = await screen.findByRole('link', { name: 'Notifications, 2 unread' });
    expect(bell.getAttribute('href')).toBe('/notifications');
    expect(bell.textContent).toBe('2');
  });

  it('given nothing unread, then there is no badge', async () => {
    renderWithApi(<NotificationBell />, gateway([0]));
    const bell = await screen.findByRole('link', { name: 'Notifications' });
    await waitFor(() => expect(bell.getAttribute('data-unread')).toBe('0'));
    expect(bell.textContent).toBe('');
  });

  it('given a notification pushed live, then it asks for the count again, shows it, and announces the text', async () => {
    const { push, sent, subscribed } = renderWithApi(<NotificationBell />, gateway([0, 1]));
    await screen.findByRole('link', { name: 'Notifications' });
    await waitFor(() => expect(subscribed.some((q) => /subscription NotificationReceived/.test(q))).toBe(true));
    act(() => push(arrival('Sam asked you for an advice call.')));
    await screen.findByRole('link', { name: 'Notifications, 1 unread' });
    expect(sent.filter((s) => /UnreadNotificationCount/.test(s.query))).toHaveLength(2);
    expect(screen.getByText('New notification: Sam asked you for an advice call.')).toBeTruthy();
  });

  it('given the member read notifications on the list, then the count is asked again', async () => {
    renderWithApi(<NotificationBell />, gateway([3, 0]));
    await screen.findByRole('link', { name: 'Notifications, 3 unread' });
    act(() => announceReadChanged());
    await screen.findByRole('link', { name: 'Notifications' });
  });
});
