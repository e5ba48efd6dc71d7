import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { navigate } from '../app/router';
import { renderWithApi, withSession, type Sent } from '../test/render';
import { VerifyEmailPage } from './VerifyEmailPage';

const verifications = (sent: Sent[]) => sent.filter((s) => /mutation VerifyEmail/.test(s.query)).map((s) => s.variables);

afterEach(() => navigate('/', { replace: true }));

describe('the e-mail verification page', () => {
  it('given a good link, then verifyEmail gets its token once and the page says the address is verified', async () => {
    navigate('/verify-email?token=tok-123');
    const { sent } = renderWithApi(withSession(<VerifyEmailPage />, null), () => ({ data: { verifyEmail: true } }));
    await screen.findByText('Your e-mail address is verified. Thank you!');
    expect(verifications(sent)).toEqual([{ token: 'tok-123' }]);
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
  });

  it('given a used or expired link, then the page says it could not verify, with the reason, and how to get a new one', async () => {
    navigate('/verify-email?token=tok-old');
    const message = 'This verification link has expired or was already used.';
    renderWithApi(withSession(<VerifyEmailPage />, { id: 'm-1' }), () => ({ data: null, errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field: 'token' } }] }));
    await screen.findByText('We could not verify your e-mail address with this link.');
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Send a new one from your profile.' }).getAttribute('href')).toBe('/profile');
  });

  it('given the API answers false, then it is a failure too', async () => {
    navigate('/verify-email?token=tok-x');
    renderWithApi(withSession(<VerifyEmailPage />, null), () => ({ data: { verifyEmail: false } }));
    await screen.findByText('We could not verify your e-mail address with this link.');
    expect(screen.queryByText(/is verified/)).toBeNull();
  });

  it('given no token in the address, then nothing is sent and the page explains', async () => {
    navigate('/verify-email');
    const { sent } = renderWithApi(withSession(<VerifyEmailPage />, null), () => ({ data: { verifyEmail: true } }));
    await screen.findByText(/has no verification code in it/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual([]);
  });

  it('given the page renders again (a session arriving), then the single-use token is still sent only once', async () => {
    navigate('/verify-email?token=tok-once');
    const { sent, rerender } = renderWithApi(withSession(<VerifyEmailPage />, null), () => ({ data: { verifyEmail: true } }));
    await screen.findByText('Your e-mail address is verified. Thank you!');
    rerender(withSession(<VerifyEmailPage />, { id: 'm-1' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'See your profile' })).toBeTruthy());
    expect(verifications(sent)).toHaveLength(1);
  });
});
