/**
 * Password bounds, checked before anything is sent. Identity holds the same rules
 * (libs/identity-domain member.rules.ts, not shipped in the bundle; account-rules.test.ts keeps
 * them equal) and stays the authority.
 */
export const PASSWORD_RULES = { min: 8, max: 128 } as const;

export function newPasswordProblems(password: string, repeated: string): { newPassword?: string; repeat?: string } {
  if (password.length < PASSWORD_RULES.min) return { newPassword: `Use at least ${PASSWORD_RULES.min} characters.` };
  if (password.length > PASSWORD_RULES.max) return { newPassword: `Use at most ${PASSWORD_RULES.max} characters.` };
  if (password !== repeated) return { repeat: 'The two passwords are not the same.' };
  return {};
}

/** The same sentence whether or not an account uses the address: the page must not tell. */
export const RESET_REQUESTED =
  'If an account uses that address, we sent it a link to choose a new password. The link works for 30 minutes, once.';

export const looksLikeEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
