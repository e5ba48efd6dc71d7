import type { CombinedError } from '@urql/core';

/** What a form shows: sentences next to the fields they concern, and the rest above the buttons. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

const NETWORK = 'We could not reach Payforward. Check your connection; nothing was changed, so you can try again.';

const CODE_SENTENCES: Record<string, string> = {
  UNAUTHENTICATED: 'Please sign in first.',
  FORBIDDEN: 'This is not something your account can do.',
  RATE_LIMITED: 'That was a lot of attempts in a short time. Please wait a little and try again.',
};

/**
 * `extensions.field` is a leaf (`email`) or a path (`input.capacity`, `input.blackoutDates.2`):
 * the last named segment is the form field.
 */
export function fieldOf(path: unknown): string | null {
  if (typeof path !== 'string' || path === '') return null;
  const named = path.split('.').filter((segment) => !/^\d+$/.test(segment));
  return named[named.length - 1] ?? null;
}

/**
 * Turns an API refusal into human sentences. The server's messages are already written for
 * people ("Pick a time in the future."); errors naming one of `known` go next to that field,
 * everything else is general. Without a message the code gets a plain sentence.
 */
export function formErrors(error: CombinedError | undefined | null, known: readonly string[] = []): FormErrors {
  if (!error) return NO_ERRORS;
  if (error.networkError && error.graphQLErrors.length === 0) return { fields: {}, general: [NETWORK] };
  const result: FormErrors = { fields: {}, general: [] };
  for (const e of error.graphQLErrors) {
    const code = typeof e.extensions?.code === 'string' ? e.extensions.code : '';
    const message = e.message || CODE_SENTENCES[code] || 'Something went wrong. Please try again.';
    const field = fieldOf(e.extensions?.field);
    if (field && known.includes(field) && !result.fields[field]) result.fields[field] = message;
    else result.general.push(message);
  }
  return result;
}

/** One sentence for places without a form (a button in a list). */
export function errorSentence(error: CombinedError | undefined | null): string | null {
  const { fields, general } = formErrors(error);
  return [...general, ...Object.values(fields)][0] ?? null;
}

export const isUnauthenticated = (error: CombinedError | undefined | null): boolean =>
  !!error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
