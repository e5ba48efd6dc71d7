import type { MemberCommand } from './member.decider.js';
import { at, given, memberId, registered, registration, tokenA } from './member.spec.fixtures.js';
import { checkPassword, isValidTimezone, normalizeEmail } from './member.rules.js';

const register = (data: Partial<Extract<MemberCommand, { type: 'RegisterMember' }>['data']> = {}): MemberCommand => ({
  type: 'RegisterMember',
  data: { memberId, email: 'dana@example.com', displayName: 'Dana', headline: 'Staff engineer', timezone: 'Europe/Berlin', verificationToken: tokenA, at, ...data },
});

describe('member decider: RegisterMember', () => {
  it('given no events, when registering, then MemberRegistered with the MEMBER role', () => {
    given([]).when(register()).then(registration());
  });

  it('given a mixed-case e-mail with spaces, when registering, then it is stored trimmed and lower-case', () => {
    given([]).when(register({ email: '  Dana.Lee@Example.COM ' })).then(registration({ email: 'dana.lee@example.com' }));
  });

  it('given a display name and headline with surrounding spaces, when registering, then both are trimmed', () => {
    given([]).when(register({ displayName: '  Dana  ', headline: ' Staff engineer ' })).then(registration());
  });

  it('given no headline or a blank one, when registering, then the headline is null', () => {
    given([]).when(register({ headline: undefined })).then(registration({ headline: null }));
    given([]).when(register({ headline: '   ' })).then(registration({ headline: null }));
  });

  it('given a display name of exactly 80 and a headline of exactly 160 characters, when registering, then both are accepted', () => {
    const displayName = 'd'.repeat(80);
    const headline = 'h'.repeat(160);
    given([]).when(register({ displayName, headline })).then(registration({ displayName, headline }));
  });

  it('given the first-admin bootstrap, when registering with admin set, then MemberRegistered with the MEMBER and ADMIN roles', () => {
    given([]).when(register({ admin: true })).then(registration({ roles: ['MEMBER', 'ADMIN'] }));
  });

  it('given a member already registered, when registering the same id again, then CONFLICT', () => {
    given([registered()]).when(register()).thenRefuses('CONFLICT');
  });

  it.each([['not-an-email'], ['dana@'], ['@example.com'], ['dana example@example.com'], ['']])(
    'given the e-mail %p, when registering, then BAD_USER_INPUT on email',
    (email) => given([]).when(register({ email })).thenRefuses('BAD_USER_INPUT', 'email'),
  );

  it('given an empty or blank display name, when registering, then BAD_USER_INPUT on displayName', () => {
    given([]).when(register({ displayName: '' })).thenRefuses('BAD_USER_INPUT', 'displayName');
    given([]).when(register({ displayName: '   ' })).thenRefuses('BAD_USER_INPUT', 'displayName');
  });

  it('given a display name of 81 characters, when registering, then BAD_USER_INPUT on displayName', () => {
    given([]).when(register({ displayName: 'd'.repeat(81) })).thenRefuses('BAD_USER_INPUT', 'displayName');
  });

  it('given a headline of 161 characters, when registering, then BAD_USER_INPUT on headline', () => {
    given([]).when(register({ headline: 'h'.repeat(161) })).thenRefuses('BAD_USER_INPUT', 'headline');
  });

  it.each([['Mars/Olympus'], ['EST'], ['+01:00'], ['europe berlin'], ['']])(
    'given the time zone %p, when registering, then BAD_USER_INPUT on timezone',
    (timezone) => given([]).when(register({ timezone })).thenRefuses('BAD_USER_INPUT', 'timezone'),
  );

  it.each([['UTC'], ['America/Argentina/Buenos_Aires'], ['America/Port-au-Prince'], ['Asia/Kolkata']])(
    'given the IANA zone %p, when registering, then it is accepted as given',
    (timezone) => given([]).when(register({ timezone })).then(registration({ timezone })),
  );
});

describe('member rules', () => {
  it('accepts every time zone the runtime lists as supported', () => {
    const rejected = Intl.supportedValuesOf('timeZone').filter((zone) => !isValidTimezone(zone));
    expect(rejected).toEqual([]);
  });

  it('normalizes e-mails the same way for registration and login lookups', () => {
    expect(normalizeEmail(' Dana@Example.com')).toBe('dana@example.com');
  });

  it('refuses passwords shorter than 8 or longer than 128 characters, naming the password field', () => {
    expect(() => checkPassword('1234567')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'password' }));
    expect(() => checkPassword('x'.repeat(129))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'password' }));
    expect(() => checkPassword('correct horse')).not.toThrow();
  });
});
