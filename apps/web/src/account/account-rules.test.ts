import { PASSWORD_MAX, PASSWORD_MIN } from '@payforward/identity-domain';
import { describe, expect, it } from 'vitest';
import { looksLikeEmail, newPasswordProblems, PASSWORD_RULES } from './account-rules';

describe('the account pages’ rules', () => {
  it('are identity’s own password bounds', () => {
    expect(PASSWORD_RULES).toEqual({ min: PASSWORD_MIN, max: PASSWORD_MAX });
  });

  it('given a short, a long or a mistyped new password, then it says which', () => {
    expect(newPasswordProblems('short', 'short').newPassword).toMatch(/at least 8/);
    expect(newPasswordProblems('x'.repeat(129), 'x'.repeat(129)).newPassword).toMatch(/at most 128/);
    expect(newPasswordProblems('a long password', 'a long passwort').repeat).toBe('The two passwords are not the same.');
    expect(newPasswordProblems('a long password', 'a long password')).toEqual({});
  });

  it('checks an address only loosely (identity decides)', () => {
    expect(looksLikeEmail(' sam@example.com ')).toBe(true);
    expect(looksLikeEmail('sam@')).toBe(false);
    expect(looksLikeEmail('')).toBe(false);
  });
});
