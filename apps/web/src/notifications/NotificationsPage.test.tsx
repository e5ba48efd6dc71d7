import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { navigate } from '../app/router';
import { renderWithApi, type Sent } from '../test/render';
import { onReadChanged } from './notification-list';
import { NotificationsPage } from './NotificationsPage';

const node = (id: string, text: string, createdAt: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Notification',
  id,
  category: 'REQUESTS',
  text,
  link: '/dashboard',
  read: false,
  createdAt,
  ...extra,
});

const FIRST = [
  node('n-3', 'Sam asked you for an advice call.', '2031-03-03T10:00:00.000Z'),
  node('n-2', 'Dana accepted your request for a résumé review.', '2031-03-02T10:00:00.000Z', { link: '/requests', read: true }),
];
const OLDER = [node('n-1', 'An admin adjusted your reputation by -5 points.', '2031-03-01T10:00:00.000Z', { category: 'REPUTATION', link: '/reputation' })];

function gateway({ first = FIRST, older = OLDER } = {}) {
  return (sent: Sent) => {
    if (/query Notifications/.test(sent.query)) {
      const page = sent.variables.after === 'cursor-2' ? { nodes: older, endCursor: 'cursor-1', hasNextPage: false } : { nodes: first, endCursor: 'cursor-2', hasNextPage: older.length > 0 };
      return { data: { notifications: { __typename: 'NotificationConnection', totalCount: first.length + older.length, ...page } } };
    }
    if (/mutation MarkNotificationsRead/.test(sent.query)) return { data: { markNotificationsRead: sent.variables.all ? 2 : sent.variables.ids.length } };
    throw new Error(`unexpected operation ${sent.query}`);
  };
}

const items = () => screen.getAllByRole('listitem');
const marks = (sent: Sent[]) => sent.filter((s) => /mutation MarkNotificationsRead/.test(s.query)).map((s) => s.variables);

afterEach(() => navigate('/', { replace: true }));

describe('the notifications page', () => {
  it('given notifications, then they are listed newest first, unread ones marked as such, each linking where it concerns', async () => {
    renderWithApi(<NotificationsPage />, gateway());
    await screen.findByText('Sam asked you for an advice call.');
    expect(items().map((li) => li.querySelector('.notification__text')!.textContent)).toEqual([
      'Sam asked you for an advice call.',
      'Dana accepted your request for a résumé review.',
    ]);
    const [unread, read] = items();
    expect(unread!.className).toContain('notification--unread');
    expect(within(unread!).getByText('Unread')).toBeTruthy();
    expect(read!.className).not.toContain('notification--unread');
    expect(within(read!).queryByRole('button', { name: 'Mark as read' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Dana accepted your request for a résumé review.' }).getAttribute('href')).toBe('/requests');
    expect(screen.getByRole('status').textContent).toBe('1 unread notification.');
  });

  it('given more than a page, when showing older ones, then the next page is asked after the cursor and listed below', async () => {
    const user = userEvent.setup();
    const { sent } = renderWithApi(<NotificationsPage />, gateway());
    await user.click(await screen.findByRole('button', { name: 'Show older notifications' }));
    await screen.findByText('An admin adjusted your reputation by -5 points.');
    const pages = sent.filter((s) => /query Notifications/.test(s.query)).map((s) => s.variables);
    expect(pages).toEqual([{ first: 20, after: null }, { first: 20, after: 'cursor-2' }]);
    expect(items()).toHaveLength(3);
    expect(items()[2]!.textContent).toContain('An admin adjusted your reputation');
    expect(screen.queryByRole('button', { name: 'Show older notifications' })).toBeNull();
  });

  it('when marking one read, then only its id is sent, its unread styling goes, and the bell hears of it', async () => {
    const user = userEvent.setup();
    let bell = 0;
    const stop = onReadChanged(() => (bell += 1));
    const { sent } = renderWithApi(<NotificationsPage />, gateway());
    await user.click(await screen.findByRole('button', { name: 'Mark as read' }));
    await waitFor(() => expect(items()[0]!.className).not.toContain('notification--unread'));
    expect(marks(sent)).toEqual([{ ids: ['n-3'] }]);
    expect(bell).toBe(1);
    expect(screen.getByRole('status').textContent).toBe('All read.');
    stop();
  });

  it('when marking all read, then all: true is sent and nothing is unread', async () => {
    const user = userEvent.setup();
    const { sent } = renderWithApi(<NotificationsPage />, gateway());
    await user.click(await screen.findByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(document.querySelectorAll('.notification--unread')).toHaveLength(0));
    expect(marks(sent)).toEqual([{ all: true }]);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Mark all as read' }).disabled).toBe(true);
  });

  it('when opening an unread notification, then the app goes to its link and marks it read', async () => {
    const user = userEvent.setup();
    const { sent } = renderWithApi(<NotificationsPage />, gateway());
    await user.click(await screen.findByRole('link', { name: 'Sam asked you for an advice call.' }));
    expect(window.location.pathname).toBe('/dashboard');
    await waitFor(() => expect(marks(sent)).toEqual([{ ids: ['n-3'] }]));
  });

  it('given a notification pushed live, then it appears on top without a reload', async () => {
    const { push } = renderWithApi(<NotificationsPage />, gateway());
    await screen.findByText('Sam asked you for an advice call.');
    act(() => push({ notificationReceived: node('n-4', 'Lee asked you for a mock interview.', '2031-03-04T10:00:00.000Z') }));
    await waitFor(() => expect(items()[0]!.textContent).toContain('Lee asked you for a mock interview.'));
    expect(items()).toHaveLength(3);
  });

  it('given a link that leaves the app, then the text is shown without a link', async () => {
    renderWithApi(<NotificationsPage />, gateway({ first: [node('n-9', 'Odd link.', '2031-03-03T10:00:00.000Z', { link: '//evil.example/' })], older: [] }));
    await screen.findByText('Odd link.');
    expect(screen.queryByRole('link', { name: 'Odd link.' })).toBeNull();
  });

  it('given no notifications, then it says so', async () => {
    renderWithApi(<NotificationsPage />, gateway({ first: [], older: [] }));
    await screen.findByText('Nothing yet.');
  });

  it('given the API refuses, then the error is shown with a retry', async () => {
    renderWithApi(<NotificationsPage />, () => ({ data: null, errors: [{ message: 'Please sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Please sign in first.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
