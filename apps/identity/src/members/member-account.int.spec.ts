import { jest } from '@jest/globals';
import { JwtTokens, PersonalDataCodec } from '@payforward/platform';
import { jwt, OPS, refusal, useIdentityAccounts } from './member-account.spec.fixtures.js';

/**
 * Identity's account operations on real PostgreSQL through the subgraph: updateProfile and
 * grantAdmin — who may run them, what each appends (events + outbox rows + read model in one
 * transaction), and that refused ones write nothing.
 */
jest.setTimeout(60_000);

const { identity, admin, gql, register, login, count, eventsOf, snapshot } = useIdentityAccounts('account');

describe('updateProfile', () => {
  it('given a member, when changing name and time zone, then Member shows them and MemberProfileUpdated (whole profile) is appended with its outbox row', async () => {
    const dana = await register('Dana');
    const { data, errors } = await gql(OPS.update, { d: 'Dana Lee', t: 'America/New_York' }, dana.token);
    expect(errors).toBeUndefined();
    expect(data!.updateProfile).toEqual({ id: dana.id, displayName: 'Dana Lee', headline: 'Engineer', timezone: 'America/New_York', roles: ['MEMBER'], suspended: false });

    const events = (await eventsOf(dana.id)).filter((e) => e.type !== 'EmailVerificationRequested');
    expect(events.map((e) => [e.type, e.version])).toEqual([['MemberRegistered', 1], ['MemberProfileUpdated', 3]]);
    // Name and headline are stored sealed with Dana's key (ADR 010) and open to the same values.
    expect(events[1].data).toEqual({ memberId: dana.id, displayName: expect.stringMatching(/^pf:enc:v1:/), headline: expect.stringMatching(/^pf:enc:v1:/), timezone: 'America/New_York' });
    expect(await identity().app.get(PersonalDataCodec).unsealData('MemberProfileUpdated', events[1].data)).toEqual({
      memberId: dana.id,
      displayName: 'Dana Lee',
      headline: 'Engineer',
      timezone: 'America/New_York',
    });
    expect(events[1].metadata).toMatchObject({ actor: dana.id });
    const outbox = await identity().db.pool.query(`SELECT topic FROM es_outbox o JOIN es_events e ON e.event_id = o.event_id WHERE e.type = 'MemberProfileUpdated' AND e.stream_id = $1`, [`member-${dana.id}`]);
    expect(outbox.rows).toEqual([{ topic: 'identity.member.v1' }]);
    expect((await gql(OPS.me, {}, dana.token)).data!.me).toMatchObject({ displayName: 'Dana Lee', timezone: 'America/New_York' });
  });

  it('given a member, when the headline is null, then it is cleared; when no argument is given, then nothing is appended', async () => {
    const eli = await register('Eli');
    expect((await gql(OPS.update, { h: null }, eli.token)).data!.updateProfile).toMatchObject({ headline: null, displayName: 'Eli' });
    const before = await count('es_events');
    expect((await gql('mutation { updateProfile { id headline } }', {}, eli.token)).data!.updateProfile).toEqual({ id: eli.id, headline: null });
    expect(await count('es_events')).toBe(before);
  });

  it.each([
    ['timezone', { t: 'Mars/Olympus' }],
    ['timezone', { d: 'Fine Name', t: 'EST' }],
    ['displayName', { d: '   ' }],
    ['headline', { h: 'h'.repeat(161) }],
  ])('given an invalid %s, when updating, then BAD_USER_INPUT names it and nothing is written', async (field, variables) => {
    const fay = await register('Fay');
    const before = await snapshot();
    expect(refusal(await gql(OPS.update, variables, fay.token))).toEqual({ data: null, code: 'BAD_USER_INPUT', field });
    expect(await snapshot()).toEqual(before);
  });

  it('given no token, when updating, then UNAUTHENTICATED and nothing is written', async () => {
    const before = await snapshot();
    expect(refusal(await gql(OPS.update, { d: 'Nobody' }))).toMatchObject({ data: null, code: 'UNAUTHENTICATED' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('grantAdmin', () => {
  it('given a member, when the admin grants the role, then ADMIN is recorded; the member’s next login carries it; granting again records nothing', async () => {
    const gus = await register('Gus');
    const granted = await gql(OPS.grant, { id: gus.id }, admin.token);
    expect(granted.data!.grantAdmin).toMatchObject({ id: gus.id, roles: ['MEMBER', 'ADMIN'] });
    const events = (await eventsOf(gus.id)).filter((e) => e.type !== 'EmailVerificationRequested');
    expect(events[1]).toMatchObject({ type: 'AdminRoleGranted', data: { memberId: gus.id, role: 'ADMIN', adminId: admin.id, grantedAt: expect.any(String) } });

    // Idempotent: the same answer, no second event.
    const before = await count('es_events');
    expect((await gql(OPS.grant, { id: gus.id }, admin.token)).data!.grantAdmin).toMatchObject({ roles: ['MEMBER', 'ADMIN'] });
    expect(await count('es_events')).toBe(before);

    // The old token still says MEMBER (no admin operation); a new login says ADMIN.
    expect(refusal(await gql(OPS.grant, { id: admin.id }, gus.token)).code).toBe('FORBIDDEN');
    const relogin = await login(gus.email);
    expect(relogin.data!.login.member.roles).toEqual(['MEMBER', 'ADMIN']);
    expect((await gql(OPS.grant, { id: admin.id }, relogin.data!.login.token)).errors).toBeUndefined();
  });

  it('given a member’s token, a missing token or an unknown id, when granting, then FORBIDDEN, UNAUTHENTICATED or NOT_FOUND, and nothing is written', async () => {
    const hal = await register('Hal');
    const before = await snapshot();
    expect(refusal(await gql(OPS.grant, { id: hal.id }, hal.token))).toMatchObject({ data: null, code: 'FORBIDDEN' });
    expect(refusal(await gql(OPS.grant, { id: hal.id }))).toMatchObject({ data: null, code: 'UNAUTHENTICATED' });
    expect(refusal(await gql(OPS.grant, { id: '0193a0b4-6f1e-7c3a-9d2e-00000000dead' }, admin.token))).toEqual({ data: null, code: 'NOT_FOUND', field: 'memberId' });
    expect(refusal(await gql(OPS.grant, { id: 'not-a-member-id' }, admin.token))).toEqual({ data: null, code: 'NOT_FOUND', field: 'memberId' });
    expect(await snapshot()).toEqual(before);
  });

  it('given a token claiming ADMIN for a member identity does not know as one, when granting, then FORBIDDEN: identity’s record decides', async () => {
    const ivy = await register('Ivy');
    const claimed = await new JwtTokens(jwt).issue({ memberId: ivy.id, roles: ['MEMBER', 'ADMIN'] });
    const before = await snapshot();
    expect(refusal(await gql(OPS.grant, { id: ivy.id }, claimed)).code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });
});
