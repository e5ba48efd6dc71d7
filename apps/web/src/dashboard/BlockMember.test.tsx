import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi, type Sent } from '../test/render';
import { BlockMember } from './BlockMember';

function setup(reply: (sent: Sent) => unknown = () => ({ data: { blockMember: true } })) {
  const [onBlocked, onCancel] = [vi.fn(), vi.fn()];
  const user = userEvent.setup();
  return { ...renderWithApi(<BlockMember memberId="s-1" name="Sam Seeker" onBlocked={onBlocked} onCancel={onCancel} />, reply), onBlocked, onCancel, user };
}

describe('blocking a member from a pending request', () => {
  it('given the confirmation, then it says what a block does and sends nothing until confirmed', async () => {
    const { user, sent, onCancel, onBlocked } = setup();
    expect(screen.getByRole('group', { name: 'Block Sam Seeker?' }).textContent).toMatch(/will not be able to send you requests any more.*cannot undo a block/);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onBlocked).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('given a confirmation, then blockMember names the seeker', async () => {
    const { user, sent, onBlocked } = setup();
    await user.click(screen.getByRole('button', { name: 'Block Sam Seeker' }));
    await waitFor(() => expect(onBlocked).toHaveBeenCalledTimes(1));
    expect(sent.map((s) => s.variables)).toEqual([{ memberId: 's-1' }]);
  });

  it('given a refusal, then its sentence is shown and nothing is reported as blocked', async () => {
    const { user, onBlocked } = setup(() => ({ data: null, errors: [{ message: 'No such member.', extensions: { code: 'NOT_FOUND', field: 'memberId' } }] }));
    await user.click(screen.getByRole('button', { name: 'Block Sam Seeker' }));
    await screen.findByText('No such member.');
    expect(onBlocked).not.toHaveBeenCalled();
  });
});
