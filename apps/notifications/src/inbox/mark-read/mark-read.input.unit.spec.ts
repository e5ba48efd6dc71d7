import { DomainError } from '@payforward/contracts';
import { markReadTarget } from './mark-read.input.js';

const id = '0193a0b4-6f1e-7c3a-9d2e-00000000000A';

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

describe('markNotificationsRead input', () => {
  it('given ids, when checked, then those ids (lower-cased) are marked', () => {
    expect(markReadTarget([id], null)).toEqual([id.toLowerCase()]);
  });

  it('given all: true, when checked, then everything is marked', () => {
    expect(markReadTarget(undefined, true)).toBeNull();
  });

  it('given neither, when checked, then BAD_USER_INPUT names ids', () => {
    expect(fieldOf(() => markReadTarget(null, null))).toBe('ids');
    expect(fieldOf(() => markReadTarget(undefined, false))).toBe('ids');
  });

  it('given both, when checked, then BAD_USER_INPUT names all', () => {
    expect(fieldOf(() => markReadTarget([id], true))).toBe('all');
  });

  it('given an id that is not one, when checked, then BAD_USER_INPUT names ids', () => {
    expect(fieldOf(() => markReadTarget(['nope'], null))).toBe('ids');
  });
});
