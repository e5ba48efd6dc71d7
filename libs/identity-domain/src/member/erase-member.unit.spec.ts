import { ERASED_MEMBER_NAME, type IdentityEvent } from '@payforward/contracts';
import { fold } from '@payforward/ddd';
import { ERASURE_REASON_MAX } from './erase-member.js';
import { memberDecider, type MemberCommand } from './member.decider.js';
import { adminId, at, given, memberId, registered } from './member.spec.fixtures.js';

/** Erasure (ADR 010) as the member decider sees it: who may, what is recorded, and that it is final. */

const erasedBySelf: IdentityEvent = { type: 'MemberErased', data: { memberId, erasedBy: 'SELF', adminId: null, reason: null, erasedAt: at } };
const eraseSelf: MemberCommand = { type: 'EraseMember', data: { memberId, at, by: 'SELF' } };
const eraseByAdmin = (reason: string, admin = adminId): MemberCommand => ({ type: 'EraseMember', data: { memberId, at, by: 'ADMIN', adminId: admin, reason } });

describe('member decider: EraseMember', () => {
  it('given a member, when they erase themselves, then MemberErased without a reason or an admin', () => {
    given([registered()]).when(eraseSelf).then([erasedBySelf]);
  });

  it('given a member, when an admin erases them with a reason, then MemberErased names the admin and keeps the trimmed reason', () => {
    given([registered()])
      .when(eraseByAdmin('  Asked by e-mail  '))
      .then([{ type: 'MemberErased', data: { memberId, erasedBy: 'ADMIN', adminId, reason: 'Asked by e-mail', erasedAt: at } }]);
  });

  it('given a suspended member, when erased, then it is allowed: erasure does not wait for a reinstatement', () => {
    const suspended: IdentityEvent = { type: 'MemberSuspended', data: { memberId, reason: 'Spam', forFraud: false, adminId, suspendedAt: at } };
    given([registered(), suspended]).when(eraseSelf).then([erasedBySelf]);
  });

  it('given a blank or overlong reason, when an admin erases, then BAD_USER_INPUT on reason', () => {
    given([registered()]).when(eraseByAdmin('   ')).thenRefuses('BAD_USER_INPUT', 'reason');
    given([registered()]).when(eraseByAdmin('r'.repeat(ERASURE_REASON_MAX + 1))).thenRefuses('BAD_USER_INPUT', 'reason');
  });

  it('given nobody registered(), when erased by an admin, then NOT_FOUND on memberId', () => {
    given([]).when(eraseByAdmin('Asked by e-mail')).thenRefuses('NOT_FOUND', 'memberId');
  });

  it('given an admin erasing themselves through eraseMember, then CONFLICT: their key seals the reason, so eraseMe it is', () => {
    given([registered()]).when(eraseByAdmin('Leaving', memberId)).thenRefuses('CONFLICT', 'memberId');
  });

  it('given an erased member, when anything is asked of the account (erase again, profile, suspension, admin role), then FORBIDDEN', () => {
    given([registered(), erasedBySelf]).when(eraseSelf).thenRefuses('FORBIDDEN');
    given([registered(), erasedBySelf]).when(eraseByAdmin('again')).thenRefuses('FORBIDDEN', 'memberId');
    given([registered(), erasedBySelf]).when({ type: 'UpdateProfile', data: { memberId, displayName: 'Back' } }).thenRefuses('FORBIDDEN');
    given([registered(), erasedBySelf]).when({ type: 'SuspendMember', data: { memberId, adminId, reason: 'x', at } }).thenRefuses('FORBIDDEN', 'memberId');
    given([registered(), erasedBySelf]).when({ type: 'GrantAdmin', data: { memberId, adminId, at } }).thenRefuses('FORBIDDEN', 'memberId');
  });

  it('given MemberErased, when folded, then the state holds no personal data any more', () => {
    const state = fold(memberDecider, [registered(), erasedBySelf]);
    expect(state).toMatchObject({ erased: true, displayName: ERASED_MEMBER_NAME, headline: null });
    expect(JSON.stringify(state)).not.toMatch(/dana|staff/i);
  });
});
