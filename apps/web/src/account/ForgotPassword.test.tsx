import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { navigate } from '../app/router';
import { SignInPage } from '../session/SignInPage';
import { renderWithApi, withSession, type Sent } from '../test/render';
import { RESET_REQUESTED } from './account-rules';

const requests = (sent: Sent[]) => sent.filter((s) => /mutation RequestPasswordReset/.test(s.query)).map((s) => s.variables);

afterEach(() => navigate('/', { replace: true }));

async function ask(email: string) {
  const user = userEvent.setup();
  const rendered = renderWithApi(withSession(<SignInPage />, null), () => ({ data: { requestPasswordReset: true } }));
  await user.click(screen.getByRole('button', { name: 'Forgot password?' }));
  if (email) await user.type(screen.getByLabelText('Address to send the link to'), email);
  await user.click(screen.getByRole('button', { name: 'Send me a reset link' }));
  return rendered;
}

describe('“Forgot password?” on the sign-in page', () => {
  it('given an address, then requestPasswordReset gets it and the page answers the one sentence it always answers', async () => {
    const { sent } = await ask(' sam@example.com ');
    await screen.findByText(RESET_REQUESTED);
    expect(requests(sent)).toEqual([{ email: 'sam@example.com' }]);
  });

  it('given an address nobody uses, then the page says exactly the same (the API answers true either way)', async () => {
    const { sent, container } = await ask('nobody@example.com');
    await screen.findByText(RESET_REQUESTED);
    expect(requests(sent)).toEqual([{ email: 'nobody@example.com' }]);
    expect(container.querySelector('.forgot')!.textContent).toBe(RESET_REQUESTED);
  });

  it('given no address, then the field says so and nothing is sent', async () => {
    const { sent } = await ask('');
    expect(screen.getByText('Enter the e-mail address you signed up with.')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('given a reset link that failed (?forgot=1), then the form is open at once', () => {
    navigate('/signin?forgot=1');
    renderWithApi(withSession(<SignInPage />, null), () => ({}));
    expect(screen.getByLabelText('Address to send the link to')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Forgot password?' })).toBeNull();
  });
});
