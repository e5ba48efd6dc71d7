import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { navigate } from '../app/router';
import { renderWithApi, withSession, type Sent } from '../test/render';
import { ResetPasswordPage } from './ResetPasswordPage';

const resets = (sent: Sent[]) => sent.filter((s) => /mutation ResetPassword/.test(s.query)).map((s) => s.variables);

async function fill(user: ReturnType<typeof userEvent.setup>, password: string, repeat = password) {
  await user.type(screen.getByLabelText('New password'), password);
  await user.type(screen.getByLabelText('New password again'), repeat);
  await user.click(screen.getByRole('button', { name: 'Save new password' }));
}

afterEach(() => navigate('/', { replace: true }));

describe('the reset-password page', () => {
  it('given a short or mistyped password, then the field says so and nothing is sent', async () => {
    navigate('/reset-password?token=tok-1');
    const user = userEvent.setup();
    const { sent } = renderWithApi(withSession(<ResetPasswordPage />, null), () => ({ data: { resetPassword: true } }));
    await fill(user, 'short');
    expect(screen.getByText('Use at least 8 characters.')).toBeTruthy();
    await user.clear(screen.getByLabelText('New password'));
    await user.clear(screen.getByLabelText('New password again'));
    await fill(user, 'a long new password', 'a long new passwort');
    expect(screen.getByText('The two passwords are not the same.')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('given a good password, then resetPassword gets the token and it, and a signed-in browser is signed out', async () => {
    navigate('/reset-password?token=tok-2');
    const user = userEvent.setup();
    const signOut = vi.fn();
    const { sent } = renderWithApi(withSession(<ResetPasswordPage />, { id: 'm-1' }, { signOut }), () => ({ data: { resetPassword: true } }));
    await fill(user, 'a long new password');
    await screen.findByText('Your password is changed. Every session that used the old one has ended.');
    expect(resets(sent)).toEqual([{ token: 'tok-2', newPassword: 'a long new password' }]);
    expect(signOut).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: 'Sign in with your new password' }).getAttribute('href')).toBe('/signin');
  });

  it('given an expired or used token, then the page says so and offers a new link', async () => {
    navigate('/reset-password?token=tok-3');
    const user = userEvent.setup();
    const message = 'This reset link has expired or was already used.';
    renderWithApi(withSession(<ResetPasswordPage />, null), () => ({ data: null, errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field: 'token' } }] }));
    await fill(user, 'a long new password');
    await screen.findByText(message);
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe('/signin?forgot=1');
    expect(screen.queryByText(/Your password is changed/)).toBeNull();
  });

  it('given identity refuses the password (extensions.field newPassword), then the sentence sits next to the field', async () => {
    navigate('/reset-password?token=tok-4');
    const user = userEvent.setup();
    const message = 'Password must be at most 128 characters.';
    renderWithApi(withSession(<ResetPasswordPage />, null), () => ({ data: null, errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field: 'newPassword' } }] }));
    await fill(user, 'a long new password');
    await waitFor(() => expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(message)).toBeTruthy();
  });

  it('given no token in the address, then there is no form, only the way to a new link', async () => {
    navigate('/reset-password');
    renderWithApi(withSession(<ResetPasswordPage />, null), () => ({ data: { resetPassword: true } }));
    expect(screen.queryByLabelText('New password')).toBeNull();
    expect(screen.getByRole('link', { name: 'ask for a new link' }).getAttribute('href')).toBe('/signin?forgot=1');
  });
});
