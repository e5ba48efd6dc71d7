import type { IdentityEvent } from '@payforward/contracts';
import { memberDecider, type MemberCommand } from './member.decider.js';
import { adminId, at, given, memberId, registered } from './member.spec.fixtures.js';
import { SUSPENSION_REASON_MAX } from './suspend-member.js';

/** The member's account after registration: profile updates, the admin role, suspension and reinstatement. */

const suspended = (forFraud = false): IdentityEvent => ({
  type: 'MemberSuspended',
  data: { memberId, reason: 'Spam', forFraud, adminId, suspendedAt: at },
});
const reinstated = (): IdentityEvent => ({ type: 'MemberReinstated', data: { memberId, adminId, reinstatedAt: at } });

const update = (data: Omit<Extract<MemberCommand, { type: 'UpdateProfile' }>['data'], 'memberId'>): MemberCommand => ({
  type: 'UpdateProfile',
  data: { memberId, ...data },
});
const profileUpdated = (over: Partial<{ displayName: string; headline: string | null; timezone: string }> = {}): IdentityEvent => ({
  type: 'MemberProfileUpdated',
  data: { memberId, displayName: 'Dana', headline: 'Staff engineer', timezone: 'Europe/Berlin', ...over },
});
const grant = (by = adminId): MemberCommand => ({ type: 'GrantAdmin', data: { memberId, adminId: by, at } });
const suspend = (over: Partial<{ reason: string; forFraud: boolean; adminId: string }> = {}): MemberCommand => ({
  type: 'SuspendMember',
  data: { memberId, adminId, reason: 'Spam', at, ...over },
});
const reinstate = (): MemberCommand => ({ type: 'ReinstateMember', data: { memberId, adminId, at } });

describe('member decider: UpdateProfile', () => {
  it('given a member, when changing the time zone only, then MemberProfileUpdated carries the whole profile with the new zone', () => {
    given([registered()]).when(update({ timezone: 'America/New_York' })).then([profileUpdated({ timezone: 'America/New_York' })]);
  });

  it('given a member, when changing every field with surrounding spaces, then all three are trimmed', () => {
    given([registered()])
      .when(update({ displayName: '  Dana Lee ', headline: ' Principal engineer ', timezone: ' Asia/Kolkata ' }))
      .then([profileUpdated({ displayName: 'Dana Lee', headline: 'Principal engineer', timezone: 'Asia/Kolkata' })]);
  });

  it('given a member with a headline, when the headline is null or blank, then it is cleared', () => {
    given([registered()]).when(update({ headline: null })).then([profileUpdated({ headline: null })]);
    given([registered()]).when(update({ headline: '   ' })).then([profileUpdated({ headline: null })]);
  });

  it('given a member, when display name and time zone are null, then they stay as they are (they cannot be cleared)', () => {
    given([registered()]).when(update({ displayName: null, timezone: null, headline: 'Engineering manager' })).then([profileUpdated({ headline: 'Engineering manager' })]);
  });

  it('given a member, when nothing is given or every value is the current one, then nothing is recorded', () => {
    given([registered()]).when(update({})).then([]);
    given([registered()]).when(update({ displayName: 'Dana', headline: 'Staff engineer ', timezone: 'Europe/Berlin' })).then([]);
  });

  it('given an earlier update, when updating again, then the decision starts from the updated profile', () => {
    given([registered(), profileUpdated({ displayName: 'Dana Lee' })]).when(update({ displayName: 'Dana Lee' })).then([]);
  });

  it.each([
    ['displayName', { displayName: '' }],
    ['displayName', { displayName: 'd'.repeat(81) }],
    ['headline', { headline: 'h'.repeat(161) }],
    ['timezone', { timezone: 'Mars/Olympus' }],
    ['timezone', { timezone: 'EST' }],
    ['timezone', { timezone: '' }],
  ])('given a member, when %s is invalid, then BAD_USER_INPUT names it', (field, data) => {
    given([registered()]).when(update(data)).thenRefuses('BAD_USER_INPUT', field);
  });

  it('given a valid name and an invalid zone in one update, then it is refused as a whole on timezone', () => {
    given([registered()]).when(update({ displayName: 'Dana Lee', timezone: 'Nowhere/Land' })).thenRefuses('BAD_USER_INPUT', 'timezone');
  });

  it('given no member, when updating, then NOT_FOUND', () => {
    given([]).when(update({ displayName: 'Dana' })).thenRefuses('NOT_FOUND');
  });

  it('given a suspended member, when updating, then UNAUTHENTICATED (their session ended), even with invalid input', () => {
    given([registered(), suspended()]).when(update({ displayName: 'Dana Lee' })).thenRefuses('UNAUTHENTICATED');
    given([registered(), suspended()]).when(update({ timezone: 'Mars/Olympus' })).thenRefuses('UNAUTHENTICATED');
  });

  it('given a member suspended then reinstated, when updating, then the update is recorded', () => {
    given([registered(), suspended(), reinstated()]).when(update({ displayName: 'Dana Lee' })).then([profileUpdated({ displayName: 'Dana Lee' })]);
  });
});

describe('member decider: GrantAdmin', () => {
  it('given a member, when an admin grants the ADMIN role, then AdminRoleGranted names the role, the admin and the time', () => {
    given([registered()]).when(grant()).then([{ type: 'AdminRoleGranted', data: { memberId, role: 'ADMIN', adminId, grantedAt: at } }]);
  });

  it('given an admin (registered as one or granted before), when granting again, then nothing is recorded (idempotent)', () => {
    given([registered({ roles: ['MEMBER', 'ADMIN'] })]).when(grant()).then([]);
    given([registered(), { type: 'AdminRoleGranted', data: { memberId, role: 'ADMIN', adminId, grantedAt: at } }]).when(grant()).then([]);
  });

  it('given no member, when granting, then NOT_FOUND on memberId', () => {
    given([]).when(grant()).thenRefuses('NOT_FOUND', 'memberId');
  });

  it('given a suspended member, when granting, then CONFLICT: reinstate first', () => {
    given([registered(), suspended()]).when(grant()).thenRefuses('CONFLICT', 'memberId');
  });
});

describe('member decider: SuspendMember', () => {
  it('given a member, when an admin suspends them with a reason, then MemberSuspended with forFraud false by default', () => {
    given([registered()])
      .when(suspend({ reason: '  Sent the same message to 40 mentors  ' }))
      .then([{ type: 'MemberSuspended', data: { memberId, reason: 'Sent the same message to 40 mentors', forFraud: false, adminId, suspendedAt: at } }]);
  });

  it('given a member, when suspended for fraud, then the event says so (reputation reverses on it)', () => {
    given([registered()]).when(suspend({ reason: 'Fake sessions', forFraud: true })).then([
      { type: 'MemberSuspended', data: { memberId, reason: 'Fake sessions', forFraud: true, adminId, suspendedAt: at } },
    ]);
  });

  it('given an admin, when another admin suspends them, then they are suspended like anyone', () => {
    given([registered({ roles: ['MEMBER', 'ADMIN'] })]).when(suspend()).then([suspended()]);
  });

  it('given a blank or too long reason, when suspending, then BAD_USER_INPUT on reason', () => {
    given([registered()]).when(suspend({ reason: '   ' })).thenRefuses('BAD_USER_INPUT', 'reason');
    given([registered()]).when(suspend({ reason: 'r'.repeat(SUSPENSION_REASON_MAX + 1) })).thenRefuses('BAD_USER_INPUT', 'reason');
  });

  it('given a reason of exactly the maximum length, when suspending, then it is accepted', () => {
    const reason = 'r'.repeat(SUSPENSION_REASON_MAX);
    given([registered()]).when(suspend({ reason })).then([{ type: 'MemberSuspended', data: { memberId, reason, forFraud: false, adminId, suspendedAt: at } }]);
  });

  it('given the admin themself, when suspending their own account, then CONFLICT', () => {
    given([registered({ roles: ['MEMBER', 'ADMIN'] })]).when(suspend({ adminId: memberId })).thenRefuses('CONFLICT', 'memberId');
  });

  it('given a suspended member, when suspending again, then CONFLICT', () => {
    given([registered(), suspended()]).when(suspend()).thenRefuses('CONFLICT', 'memberId');
  });

  it('given no member, when suspending, then NOT_FOUND on memberId', () => {
    given([]).when(suspend()).thenRefuses('NOT_FOUND', 'memberId');
  });

  it('given a member suspended and reinstated, when suspending again, then a new MemberSuspended', () => {
    given([registered(), suspended(), reinstated()]).when(suspend({ forFraud: true })).then([suspended(true)]);
  });
});

describe('member decider: ReinstateMember', () => {
  it('given a suspended member, when an admin reinstates them, then MemberReinstated', () => {
    given([registered(), suspended()]).when(reinstate()).then([reinstated()]);
  });

  it('given a member who is not suspended (never, or reinstated already), when reinstating, then CONFLICT', () => {
    given([registered()]).when(reinstate()).thenRefuses('CONFLICT', 'memberId');
    given([registered(), suspended(), reinstated()]).when(reinstate()).thenRefuses('CONFLICT', 'memberId');
  });

  it('given no member, when reinstating, then NOT_FOUND on memberId', () => {
    given([]).when(reinstate()).thenRefuses('NOT_FOUND', 'memberId');
  });
});

describe('member state', () => {
  it('folds registration, update, grant, suspension and reinstatement into the current account', () => {
    const events = [registered(), profileUpdated({ timezone: 'UTC', headline: null }), { type: 'AdminRoleGranted', data: { memberId, role: 'ADMIN', adminId, grantedAt: at } }, suspended()] as IdentityEvent[];
    const state = events.reduce(memberDecider.evolve, memberDecider.initialState());
    expect(state).toEqual({ status: 'registered', memberId, email: 'dana@example.com', displayName: 'Dana', headline: null, timezone: 'UTC', roles: ['MEMBER', 'ADMIN'], suspended: true, erased: false, emailVerified: false, verification: null, passwordReset: null });
    expect(memberDecider.evolve(state, reinstated())).toMatchObject({ suspended: false, roles: ['MEMBER', 'ADMIN'] });
  });
});
