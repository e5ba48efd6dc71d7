import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { HelpKind } from '../gql/graphql';
import { renderWithApi, type Sent } from '../test/render';
import { RequestForm } from './RequestForm';

const GOAL = 'A preparation plan for my first system design interview';
const CONTEXT = 'I am a backend developer with two years of experience, interviewing at mid-size companies in March.';
const TRIED = 'I read two books and did three practice problems alone.';

const accepted = () => ({ data: { requestHelp: { id: 'req-1', status: 'SUBMITTED', __typename: 'HelpRequest' } } });

function setup(kind: HelpKind = 'ADVICE_CALL', reply: (sent: Sent) => unknown = accepted) {
  const onSent = vi.fn();
  const user = userEvent.setup();
  const view = renderWithApi(<RequestForm offerId="offer-1" kind={kind} mentorName="Maya" onSent={onSent} />, reply);
  return { ...view, onSent, user };
}

async function fill(user: ReturnType<typeof userEvent.setup>, { goal = GOAL, context = CONTEXT, tried = TRIED } = {}) {
  for (const [label, text] of [['Your goal', goal], ['Context', context], ['What you already tried', tried]] as const) {
    await user.click(screen.getByLabelText(label));
    if (text) await user.paste(text);
  }
}

/** The error sentence the field's aria-describedby points at: the one a screen reader reads with it. */
const errorOf = (label: string) => {
  const ids = screen.getByLabelText(label).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field__error'))?.textContent ?? null;
};

describe('the request form teaches a good ask', () => {
  it('given an empty form, when sending, then each field says what it needs and nothing is sent', async () => {
    const { user, sent } = setup();
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(errorOf('Your goal')).toMatch(/what you hope to walk away with/);
    expect(errorOf('Context')).toMatch(/where you are now/);
    expect(errorOf('What you already tried')).toMatch(/what you already tried/i);
    expect(screen.getByLabelText('Your goal').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('given a goal that is too short and a thin context, then both are flagged with the bound', async () => {
    const { user, sent } = setup();
    await fill(user, { goal: 'help', context: 'I need a job.' });
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(errorOf('Your goal')).toBe('Give your goal a little more detail (at least 10 characters).');
    expect(errorOf('Context')).toMatch(/a little more context/i);
    expect(errorOf('What you already tried')).toBeNull();
    expect(sent).toEqual([]);
  });

  it('given a flagged field, when the seeker fixes it, then its error clears while typing', async () => {
    const { user } = setup();
    await fill(user, { goal: 'help' });
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(errorOf('Your goal')).not.toBeNull();
    await user.click(screen.getByLabelText('Your goal'));
    await user.paste(' me plan my first system design interview');
    expect(errorOf('Your goal')).toBeNull();
  });

  it('given a message over 2000 characters, then the seeker is asked to shorten it', async () => {
    const { user, sent } = setup();
    await fill(user, { context: 'x'.repeat(1990) });
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(errorOf('Context')).toMatch(/2000 characters or fewer/);
    expect(sent).toEqual([]);
  });

  it('given length guidance, then it counts words and characters as the seeker types', async () => {
    const { user } = setup();
    expect(screen.queryByText(/Good asks are usually 60–200 words/)).not.toBeNull();
    await fill(user);
    expect(screen.queryByText(/words: a bit more context makes it easy to say yes/)).not.toBeNull();
  });

  it('given an intro offer without the member to meet, then that field is required', async () => {
    const { user, sent } = setup('INTRO');
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    expect(errorOf('Who you hope to meet (member id)')).toMatch(/Name the member/);
    expect(sent).toEqual([]);
  });

  it('given a good ask, when sending, then the API gets the goal and one message of context and what was tried', async () => {
    const { user, sent, onSent } = setup();
    await fill(user, { goal: `  ${GOAL}  ` });
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(onSent).toHaveBeenCalledWith('req-1'));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query).toMatch(/mutation RequestHelp/);
    expect(sent[0]!.variables.input).toEqual({ offerId: 'offer-1', goal: GOAL, message: `${CONTEXT}\n\nWhat I have tried so far: ${TRIED}` });
  });

  it('given the API refuses the message (extensions.field), then its sentence appears next to the context', async () => {
    const refusal = { errors: [{ message: 'Your message needs a stated goal and some substance.', extensions: { code: 'BAD_USER_INPUT', field: 'input.message' } }], data: null };
    const { user, onSent } = setup('ADVICE_CALL', () => refusal);
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(errorOf('Context')).toBe('Your message needs a stated goal and some substance.'));
    expect(onSent).not.toHaveBeenCalled();
  });

  it('given a refusal about no field (a referral without a relationship), then it is shown above the button', async () => {
    const message = 'Referrals are only for people a mentor already knows: ask for an advice call first.';
    const { user } = setup('REFERRAL', () => ({ errors: [{ message, extensions: { code: 'RELATIONSHIP_REQUIRED' } }], data: null }));
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(message));
  });
});
