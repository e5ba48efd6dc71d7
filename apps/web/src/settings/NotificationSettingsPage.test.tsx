import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi, withSession, type Sent } from '../test/render';
import { NotificationSettingsPage } from './NotificationSettingsPage';

const PREFS = {
  __typename: 'NotificationPreferences',
  preferences: [
    { __typename: 'NotificationPreference', category: 'REQUESTS', email: 'INSTANT' },
    { __typename: 'NotificationPreference', category: 'REMINDERS', email: 'INSTANT' },
    { __typename: 'NotificationPreference', category: 'SESSIONS', email: 'INSTANT' },
    { __typename: 'NotificationPreference', category: 'INTROS', email: 'INSTANT' },
    { __typename: 'NotificationPreference', category: 'REPUTATION', email: 'DIGEST' },
    { __typename: 'NotificationPreference', category: 'ADMIN', email: 'DIGEST' },
  ],
  quietHoursStart: null,
  quietHoursEnd: null,
  calendarFeedUrl: 'http://localhost:4000/calendar/old-token.ics',
};

function gateway(refuse?: { message: string; field: string }) {
  return (sent: Sent) => {
    if (/query NotificationPreferences/.test(sent.query)) return { data: { notificationPreferences: PREFS } };
    if (/mutation UpdateNotificationPreferences/.test(sent.query)) {
      if (refuse) return { data: null, errors: [{ message: refuse.message, extensions: { code: 'BAD_USER_INPUT', field: refuse.field } }] };
      return { data: { updateNotificationPreferences: { ...PREFS, ...sent.variables.input, preferences: sent.variables.input.preferences.map((p: object) => ({ __typename: 'NotificationPreference', ...p })) } } };
    }
    if (/mutation RotateCalendarFeedToken/.test(sent.query)) return { data: { rotateCalendarFeedToken: { ...PREFS, calendarFeedUrl: 'http://localhost:4000/calendar/new-token.ics' } } };
    throw new Error(`unexpected operation ${sent.query}`);
  };
}

const setup = (reply = gateway(), isAdmin = false) => ({
  user: userEvent.setup(),
  ...renderWithApi(withSession(<NotificationSettingsPage />, { timezone: 'Europe/Lisbon' }, { isAdmin }), reply),
});
const updates = (sent: Sent[]) => sent.filter((s) => /mutation UpdateNotificationPreferences/.test(s.query)).map((s) => s.variables.input);
const choice = (category: string, label: string) => within(screen.getByRole('group', { name: category })).getByLabelText<HTMLInputElement>(label);
const setTime = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('the notification settings page', () => {
  it("given the member's preferences, then each category shows its e-mail choice, in the member's time zone, with the calendar link", async () => {
    setup();
    await screen.findByRole('group', { name: 'Requests' });
    expect(choice('Requests', 'Right away').checked).toBe(true);
    expect(choice('Reputation', 'Daily digest').checked).toBe(true);
    expect(choice('Reputation', 'Off').checked).toBe(false);
    expect(screen.queryByRole('group', { name: 'Admin review' })).toBeNull(); // a member is not told of the review queue
    expect(screen.getByText(/In your time zone \(Europe\/Lisbon\)/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Your private calendar link').value).toBe('http://localhost:4000/calendar/old-token.ics');
  });

  it('given an admin, then the admin review category is there too', async () => {
    setup(gateway(), true);
    await screen.findByRole('group', { name: 'Admin review' });
    expect(choice('Admin review', 'Daily digest').checked).toBe(true);
  });

  it('when turning request e-mails off and setting quiet hours, then the whole picture is sent and the member hears it is saved', async () => {
    const { user, sent } = setup();
    await user.click(await screen.findByRole('group', { name: 'Requests' }).then(() => choice('Requests', 'Off')));
    setTime('Quiet hours start', '22:00');
    setTime('Quiet hours end', '07:30');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved. We follow these settings from now on.');
    expect(updates(sent)).toEqual([
      {
        preferences: [
          { category: 'REQUESTS', email: 'OFF' },
          { category: 'REMINDERS', email: 'INSTANT' },
          { category: 'SESSIONS', email: 'INSTANT' },
          { category: 'INTROS', email: 'INSTANT' },
          { category: 'REPUTATION', email: 'DIGEST' },
          { category: 'ADMIN', email: 'DIGEST' },
        ],
        quietHoursStart: '22:00',
        quietHoursEnd: '07:30',
      },
    ]);
  });

  it('given only one end of quiet hours, or the same time twice, then the field says so and nothing is sent', async () => {
    const { user, sent } = setup();
    await screen.findByRole('group', { name: 'Requests' });
    setTime('Quiet hours start', '22:00');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByText('Say when quiet hours end, or clear both times.')).toBeTruthy();
    setTime('Quiet hours end', '22:00');
    expect(screen.getByText('Quiet hours need to end at another time than they start.')).toBeTruthy();
    expect(updates(sent)).toEqual([]);
  });

  it('given no quiet hours, then null is sent for both', async () => {
    const { user, sent } = setup();
    await screen.findByRole('group', { name: 'Requests' });
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(updates(sent)).toHaveLength(1));
    expect(updates(sent)[0]).toMatchObject({ quietHoursStart: null, quietHoursEnd: null });
  });

  it('given the server refuses a quiet hour (extensions.field), then its sentence appears next to that field', async () => {
    const message = 'Quiet hours are "HH:MM", e.g. "22:00".';
    const { user } = setup(gateway({ message, field: 'input.quietHoursStart' }));
    await screen.findByRole('group', { name: 'Requests' });
    setTime('Quiet hours start', '21:00');
    setTime('Quiet hours end', '06:00');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(message);
    expect(screen.getByLabelText('Quiet hours start').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText(/^Saved\./)).toBeNull();
  });

  it('when copying the calendar link, then it goes to the clipboard', async () => {
    const { user } = setup();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(await screen.findByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith('http://localhost:4000/calendar/old-token.ics');
    await screen.findByText(/^Copied\./);
  });

  it('when getting a new calendar link, then it asks first, and only a yes rotates the token and shows the new link', async () => {
    const { user, sent } = setup();
    await user.click(await screen.findByRole('button', { name: 'Get a new link…' }));
    await user.click(screen.getByRole('button', { name: 'Keep the current link' }));
    expect(sent.filter((s) => /RotateCalendarFeedToken/.test(s.query))).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Get a new link…' }));
    expect(screen.getByText(/stops working at once/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Yes, get a new link' }));
    await screen.findByText(/^New link ready\./);
    expect(screen.getByLabelText<HTMLInputElement>('Your private calendar link').value).toBe('http://localhost:4000/calendar/new-token.ics');
    expect(sent.filter((s) => /RotateCalendarFeedToken/.test(s.query))).toHaveLength(1);
  });
});
