import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ATTESTATION_CONTEXT } from '@payforward/marketplace-domain';
import { describe, expect, it } from 'vitest';
import { renderWithApi, type Sent } from '../test/render';
import { AwaitingYou } from './AwaitingYou';
import { ATTESTATION_RULES, attestationProblem } from './WorkedTogetherForm';

const INTRO = {
  __typename: 'HelpRequest',
  id: 'req-1',
  goal: 'Meet someone who scaled a payments team',
  message: 'I am about to lead a team of five and would love twenty minutes with someone who did it.',
  updatedAt: '2031-03-12T09:00:00.000Z',
  offer: { __typename: 'Offer', id: 'o-1', title: 'Intros to engineering leaders' },
  mentor: { __typename: 'Member', id: 'm-1', displayName: 'Maya Mentor' },
  seeker: { __typename: 'Member', id: 's-1', displayName: 'Arjun Seeker', headline: 'Team lead to be' },
};
const ATTESTATION = { __typename: 'Relationship', mentor: { __typename: 'Member', id: 'm-2', displayName: 'Lee Colleague' }, attestationContext: 'Two years on the payments team.' };

/** A small fake gateway: the lists, and what the answers return. */
function gateway({ intros = [INTRO], attestations = [ATTESTATION] } = {}) {
  return (sent: Sent) => {
    if (/query IntrosAwaitingMe/.test(sent.query)) return { data: { introsAwaitingMe: intros } };
    if (/query AttestationsAwaitingMe/.test(sent.query)) return { data: { attestationsAwaitingMe: attestations } };
    if (/mutation RespondToIntro/.test(sent.query)) {
      return { data: { respondToIntro: { __typename: 'HelpRequest', id: 'req-1', status: sent.variables.consent ? 'ACCEPTED' : 'DECLINED', introConsent: sent.variables.consent, seeker: { ...INTRO.seeker, contact: null } } } };
    }
    if (/query IntroContact/.test(sent.query)) {
      return { data: { helpRequest: { __typename: 'HelpRequest', id: 'req-1', seeker: { ...INTRO.seeker, contact: { __typename: 'Contact', email: 'arjun@example.com' } } } } };
    }
    if (/mutation ConfirmWorkedTogether/.test(sent.query)) {
      return { data: { confirmWorkedTogether: { __typename: 'Relationship', mentor: ATTESTATION.mentor, workedTogether: true, referralEligible: true } } };
    }
    throw new Error(`unexpected operation ${sent.query}`);
  };
}

describe('what waits for the member’s answer', () => {
  it('given nothing waiting, then the section is not shown at all', async () => {
    const { sent, container } = renderWithApi(<AwaitingYou />, gateway({ intros: [], attestations: [] }));
    await waitFor(() => expect(sent).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the answers arrived and rendered
    expect(container.textContent).toBe('');
  });

  it('given an intro, when the target accepts, then respondToIntro gets their yes and the seeker’s e-mail shows once granted', async () => {
    const user = userEvent.setup();
    const { sent } = renderWithApi(<AwaitingYou />, gateway());
    const intro = await screen.findByRole('listitem', { name: 'Maya Mentor would like to introduce you to Arjun Seeker' });
    expect(intro.textContent).toContain('Meet someone who scaled a payments team');
    await user.click(screen.getByRole('button', { name: 'Accept the introduction' }));
    await screen.findByRole('link', { name: 'arjun@example.com' });
    expect(sent.find((s) => /mutation RespondToIntro/.test(s.query))!.variables).toEqual({ id: 'req-1', consent: true });
  });

  it('given an intro, when the target declines, then their no is sent and they read that it costs nothing', async () => {
    const user = userEvent.setup();
    const { sent } = renderWithApi(<AwaitingYou />, gateway());
    await user.click(await screen.findByRole('button', { name: 'Decline' }));
    await screen.findByText(/You declined the introduction to Arjun Seeker/);
    expect(sent.find((s) => /mutation RespondToIntro/.test(s.query))!.variables).toEqual({ id: 'req-1', consent: false });
    expect(sent.some((s) => /query IntroContact/.test(s.query))).toBe(false);
  });

  it('given a worked-together attestation, then the member reads its words and can confirm it', async () => {
    const user = userEvent.setup();
    const { sent } = renderWithApi(<AwaitingYou />, gateway({ intros: [] }));
    await screen.findByText('“Two years on the payments team.”');
    await user.click(screen.getByRole('button', { name: 'Yes, we worked together' }));
    await screen.findByText(/Confirmed: you and Lee Colleague worked together/);
    expect(sent.find((s) => /mutation ConfirmWorkedTogether/.test(s.query))!.variables).toEqual({ mentorId: 'm-2' });
  });

  it('given the marketplace domain, then the attestation bounds are the server’s own', () => {
    expect(ATTESTATION_RULES).toEqual(ATTESTATION_CONTEXT);
    expect(attestationProblem('x'.repeat(ATTESTATION_CONTEXT.min))).toBeNull();
    expect(attestationProblem('x'.repeat(ATTESTATION_CONTEXT.min - 1))).not.toBeNull();
    expect(attestationProblem('x'.repeat(ATTESTATION_CONTEXT.max + 1))).not.toBeNull();
  });
});
