import { DomainError } from '@payforward/contracts';
import { applyPreferencesInput, effectivePreferences, emailSettingFor, NO_PREFERENCES } from './preferences.policy.js';

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    return (error as DomainError).field;
  }
  throw new Error('expected BAD_USER_INPUT');
};

describe('notification preferences', () => {
  it('given nothing stored, when resolved, then what needs an answer is instant and reputation and admin news come as a digest', () => {
    expect(effectivePreferences(NO_PREFERENCES)).toEqual({
      preferences: [
        { category: 'REQUESTS', email: 'INSTANT' },
        { category: 'REMINDERS', email: 'INSTANT' },
        { category: 'SESSIONS', email: 'INSTANT' },
        { category: 'INTROS', email: 'INSTANT' },
        { category: 'REPUTATION', email: 'DIGEST' },
        { category: 'ADMIN', email: 'DIGEST' },
      ],
      quietHoursStart: null,
      quietHoursEnd: null,
    });
  });

  it('given one category changed, when resolved, then only that category differs from the defaults', () => {
    const stored = applyPreferencesInput(NO_PREFERENCES, { preferences: [{ category: 'REQUESTS', email: 'DIGEST' }] });
    expect(emailSettingFor(stored, 'REQUESTS')).toBe('DIGEST');
    expect(emailSettingFor(stored, 'INTROS')).toBe('INSTANT');
    const again = applyPreferencesInput(stored, { preferences: [{ category: 'REPUTATION', email: 'OFF' }] });
    expect(again.email).toEqual({ REQUESTS: 'DIGEST', REPUTATION: 'OFF' });
  });

  it('given quiet hours, when set and later cleared with both null, then they are stored and then gone', () => {
    const quiet = applyPreferencesInput(NO_PREFERENCES, { quietHoursStart: '22:00', quietHoursEnd: '07:00' });
    expect(quiet.quietHours).toEqual({ start: '22:00', end: '07:00' });
    expect(applyPreferencesInput(quiet, { preferences: [] }).quietHours).toEqual({ start: '22:00', end: '07:00' });
    expect(applyPreferencesInput(quiet, { quietHoursStart: null, quietHoursEnd: null }).quietHours).toBeNull();
  });

  it('given a malformed time, only one end, or equal ends, when updated, then BAD_USER_INPUT names the field', () => {
    expect(fieldOf(() => applyPreferencesInput(NO_PREFERENCES, { quietHoursStart: '7pm', quietHoursEnd: '07:00' }))).toBe('input.quietHoursStart');
    expect(fieldOf(() => applyPreferencesInput(NO_PREFERENCES, { quietHoursStart: '22:00', quietHoursEnd: '24:00' }))).toBe('input.quietHoursEnd');
    expect(fieldOf(() => applyPreferencesInput(NO_PREFERENCES, { quietHoursStart: '22:00' }))).toBe('input.quietHoursEnd');
    expect(fieldOf(() => applyPreferencesInput(NO_PREFERENCES, { quietHoursEnd: '07:00' }))).toBe('input.quietHoursStart');
    expect(fieldOf(() => applyPreferencesInput(NO_PREFERENCES, { quietHoursStart: '07:00', quietHoursEnd: '07:00' }))).toBe('input.quietHoursEnd');
  });

  it('given an unknown category, a duplicate or an unknown setting, when updated, then BAD_USER_INPUT names the entry', () => {
    expect(fieldOf(() => applyPreferencesInput(NO_PREFERENCES, { preferences: [{ category: 'SPAM', email: 'OFF' }] }))).toBe('input.preferences.0.category');
    const twice = [
      { category: 'REQUESTS', email: 'OFF' },
      { category: 'REQUESTS', email: 'INSTANT' },
    ];
    expect(fieldOf(() => applyPreferencesInput(NO_PREFERENCES, { preferences: twice }))).toBe('input.preferences.1.category');
    expect(fieldOf(() => applyPreferencesInput(NO_PREFERENCES, { preferences: [{ category: 'REQUESTS', email: 'WEEKLY' }] }))).toBe('input.preferences.0.email');
  });
});
