import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApi, type Sent } from '../test/render';
import { EmailVerification } from './EmailVerification';

function gateway(emailVerified: boolean | 'unknown') {
  return (sent: Sent) => {
    if (/query EmailVerified/.test(sent.query)) {
      if (emailVerified === 'unknown') return { data: null, errors: [{ message: 'Cannot query field "emailVerified" on type "Member".' }] };
      return { data: { me: { __typename: 'Member', id: 'm-1', emailVerified } } };
    }
    if (/mutation ResendVerificationEmail/.test(sent.query)) return { data: { resendVerificationEmail: true } };
    throw new Error(`unexpected operation ${sent.query}`);
  };
}

describe('the profile’s e-mail verification', () => {
  it('given a verified address, then the badge says so and there is nothing to resend', async () => {
    renderWithApi(<EmailVerification />, gateway(true));
    await screen.findByText('E-mail verified');
    expect(screen.queryByRole('button', { name: 'Resend verification e-mail' })).toBeNull();
  });

  it('given an unverified address, when resending, then resendVerificationEmail is called and the member is told to check the inbox', async () => {
    const user = userEvent.setup();
    const { sent } = renderWithApi(<EmailVerification />, gateway(false));
    await screen.findByText('E-mail not verified yet');
    await user.click(screen.getByRole('button', { name: 'Resend verification e-mail' }));
    await screen.findByText('Sent. Check your inbox for the new link.');
    expect(sent.filter((s) => /mutation ResendVerificationEmail/.test(s.query))).toHaveLength(1);
  });

  it('given the status cannot be read, then nothing is shown rather than a wrong badge', async () => {
    const { sent, container } = renderWithApi(<EmailVerification />, gateway('unknown'));
    await waitFor(() => expect(sent).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
  });
});
