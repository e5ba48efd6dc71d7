import { DomainError } from '@payforward/contracts';
import { fold } from '@payforward/ddd';
import { adminStreamDecider, type AdminCommand } from './admin-stream.decider.js';

const flagId = '0193a0b4-6f1e-7c3a-9d2e-000000000001';
const adminId = '0193a0b4-6f1e-7c3a-9d2e-000000000009';
const flaggedId = '0193a0b4-6f1e-7c3a-9d2e-000000000003';
const at = '2026-11-25T10:00:00.000Z';
const resolve = (decision: 'DISMISSED' | 'REVERSED', note = 'Colleagues.'): AdminCommand => ({ type: 'ResolveFlag', decision, flagId, memberIds: [flaggedId], adminId, note, at });

describe('the reputation-admin stream decider', () => {
  it('given no decision on a flag, when an admin reverses it, then FlagReversed with whom it concerns, who, when and why', () => {
    expect(adminStreamDecider.decide(resolve('REVERSED', 'Staged sessions'), adminStreamDecider.initialState())).toEqual([
      { type: 'FlagReversed', data: { flagId, memberIds: [flaggedId], adminId, note: 'Staged sessions', at } },
    ]);
  });

  it('given a dismissed flag, when an admin resolves it again either way, then CONFLICT on flagId: the first decision stands', () => {
    const state = fold(adminStreamDecider, adminStreamDecider.decide(resolve('DISMISSED'), adminStreamDecider.initialState()));
    for (const decision of ['DISMISSED', 'REVERSED'] as const) {
      expect(() => adminStreamDecider.decide(resolve(decision), state)).toThrow(expect.objectContaining({ code: 'CONFLICT', field: 'flagId' }) as DomainError);
    }
  });

  it('given any history, when an admin adjusts a score, then ReputationAdjusted with the points and reason', () => {
    const memberId = '0193a0b4-6f1e-7c3a-9d2e-000000000002';
    const command: AdminCommand = { type: 'AdjustReputation', memberId, points: -20, reason: 'Staged sessions', adminId, at };
    expect(adminStreamDecider.decide(command, adminStreamDecider.initialState())).toEqual([
      { type: 'ReputationAdjusted', data: { memberId, points: -20, reason: 'Staged sessions', adminId, at } },
    ]);
  });
});
