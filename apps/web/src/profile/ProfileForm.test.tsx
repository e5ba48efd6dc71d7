import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApi, type Sent } from '../test/render';
import { ProfileForm } from './ProfileForm';

const ME = { displayName: 'Sam Seeker', headline: 'Backend developer', timezone: 'Europe/Lisbon' };

const saved = (sent: Sent) => ({ data: { updateProfile: { id: 'm-1', ...sent.variables, __typename: 'Member' } } });

function setup(reply: (sent: Sent) => unknown = saved) {
  const user = userEvent.setup();
  return { ...renderWithApi(<ProfileForm me={ME} />, reply), user };
}

/** The error sentence the field's aria-describedby points at: the one a screen reader reads with it. */
const errorOf = (label: string) => {
  const ids = screen.getByLabelText(label).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field__error'))?.textContent ?? null;
};

async function replace(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  await user.clear(screen.getByLabelText(label));
  if (text) {
    await user.click(screen.getByLabelText(label));
    await user.paste(text);
  }
}

const save = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Save profile' }));

describe('the profile form', () => {
  it('given the member, then it starts from their current name, headline and time zone', () => {
    setup();
    expect(screen.getByLabelText<HTMLInputElement>('Display name').value).toBe('Sam Seeker');
    expect(screen.getByLabelText<HTMLInputElement>('Headline (optional)').value).toBe('Backend developer');
    expect(screen.getByLabelText<HTMLInputElement>('Time zone').value).toBe('Europe/Lisbon');
  });

  it('given an empty name, when saving, then the name field says so and nothing is sent', async () => {
    const { user, sent } = setup();
    await replace(user, 'Display name', '   ');
    await save(user);
    expect(errorOf('Display name')).toBe('Enter the name other members will see.');
    expect(screen.getByLabelText('Display name').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('given a name over 80 and a headline over 160 characters, then both are flagged with their bound', async () => {
    const { user, sent } = setup();
    await replace(user, 'Display name', 'n'.repeat(81));
    await replace(user, 'Headline (optional)', 'h'.repeat(161));
    await save(user);
    expect(errorOf('Display name')).toBe('Keep your name to 80 characters or fewer.');
    expect(errorOf('Headline (optional)')).toMatch(/160 characters or fewer/);
    expect(errorOf('Time zone')).toBeNull();
    expect(sent).toEqual([]);
  });

  it('given something that is not an IANA time zone, then the time zone is flagged, and the flag clears once it is fixed', async () => {
    const { user, sent } = setup();
    for (const zone of ['Mars/Olympus_Mons', 'EST', '+01:00']) {
      await replace(user, 'Time zone', zone);
      await save(user);
      expect(errorOf('Time zone')).toMatch(/is not a time zone we know/);
    }
    expect(sent).toEqual([]);
    await replace(user, 'Time zone', 'America/Argentina/Buenos_Aires');
    expect(errorOf('Time zone')).toBeNull();
  });

  it('given good changes, when saving, then updateProfile gets trimmed values, a blank headline clears it, and the member hears it was saved', async () => {
    const { user, sent } = setup();
    await replace(user, 'Display name', '  Sam S.  ');
    await replace(user, 'Headline (optional)', '   ');
    await replace(user, 'Time zone', 'Asia/Tokyo');
    await save(user);
    await screen.findByText('Saved. Other members see your new details from now on.');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query).toMatch(/mutation UpdateProfile/);
    expect(sent[0]!.variables).toEqual({ displayName: 'Sam S.', headline: null, timezone: 'Asia/Tokyo' });
  });

  it('given identity refuses a field (extensions.field), then its sentence appears next to that field', async () => {
    const message = '"Europe/Atlantis" is not an IANA time zone (e.g. "Europe/Berlin").';
    const { user } = setup(() => ({ data: null, errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field: 'timezone' } }] }));
    await save(user); // unchanged and valid locally: the server's word decides
    await waitFor(() => expect(errorOf('Time zone')).toBe(message));
    expect(screen.queryByText(/^Saved\./)).toBeNull();
  });
});
