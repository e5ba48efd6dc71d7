import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi, type Sent } from '../test/render';
import { EraseAccount } from './EraseAccount';

const WRONG = 'That password is not right: nothing was erased.';

function setup(reply: (sent: Sent) => unknown = () => ({ data: { eraseMe: true } })) {
  const onErased = vi.fn();
  const user = userEvent.setup();
  return { ...renderWithApi(<EraseAccount onErased={onErased} />, reply), onErased, user };
}

const passwordError = () => {
  const ids = screen.getByLabelText('Your password').getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field__error'))?.textContent ?? null;
};

async function openConfirmation(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Erase my account…' }));
}

describe('erasing one’s account', () => {
  it('given the page, then it explains what erasure removes and what it keeps before anything can be done', () => {
    setup();
    const section = screen.getByRole('region', { name: 'Erase my account' });
    expect(section.textContent).toMatch(/Your name \(others see “Erased member”\), e-mail address and headline/);
    expect(section.textContent).toMatch(/request messages and goals/);
    expect(section.textContent).toMatch(/Counts, ratings, statuses, scores and reputation points/);
    expect(section.textContent).toMatch(/signed out and cannot sign in again/);
    expect(screen.queryByLabelText('Your password')).toBeNull();
  });

  it('given the confirmation, then the password field has focus, and without a password nothing is sent', async () => {
    const { user, sent, onErased } = setup();
    await openConfirmation(user);
    expect(document.activeElement).toBe(screen.getByLabelText('Your password'));
    await user.click(screen.getByRole('button', { name: 'Erase my account for good' }));
    expect(passwordError()).toBe('Enter your password to confirm: erasing cannot be undone.');
    expect(screen.getByLabelText('Your password').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
    expect(onErased).not.toHaveBeenCalled();
  });

  it('given a wrong password, then the API’s sentence appears next to the password field and the member stays signed in', async () => {
    const { user, sent, onErased } = setup(() => ({ data: null, errors: [{ message: WRONG, extensions: { code: 'UNAUTHENTICATED', field: 'password' } }] }));
    await openConfirmation(user);
    await user.type(screen.getByLabelText('Your password'), 'not my password');
    await user.click(screen.getByRole('button', { name: 'Erase my account for good' }));
    await waitFor(() => expect(passwordError()).toBe(WRONG));
    expect(sent.map((s) => s.variables)).toEqual([{ password: 'not my password' }]);
    expect(onErased).not.toHaveBeenCalled();
  });

  it('given the right password, then eraseMe is sent with it and the member is signed out', async () => {
    const { user, sent, onErased } = setup();
    await openConfirmation(user);
    await user.type(screen.getByLabelText('Your password'), 'a long password');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onErased).toHaveBeenCalledTimes(1));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query).toMatch(/mutation EraseMe/);
    expect(sent[0]!.variables).toEqual({ password: 'a long password' });
  });

  it('given a change of mind, then Cancel closes the confirmation and forgets the password', async () => {
    const { user, sent } = setup();
    await openConfirmation(user);
    await user.type(screen.getByLabelText('Your password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText('Your password')).toBeNull();
    await openConfirmation(user);
    expect(screen.getByLabelText<HTMLInputElement>('Your password').value).toBe('');
    expect(sent).toEqual([]);
  });
});
