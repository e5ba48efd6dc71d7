import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldOf, formErrors } from './errors';

const refusal = (message: string, extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

describe('API errors as sentences next to fields', () => {
  it('given a leaf, a path or a path into a list, then the form field is the last named segment', () => {
    expect(fieldOf('email')).toBe('email');
    expect(fieldOf('input.capacity')).toBe('capacity');
    expect(fieldOf('input.blackoutDates.2')).toBe('blackoutDates');
    expect(fieldOf(undefined)).toBeNull();
  });

  it('given a refusal naming a field of the form, then it goes next to that field; otherwise it is general', () => {
    expect(formErrors(refusal('Pick a time in the future.', { code: 'BAD_USER_INPUT', field: 'scheduledAt' }), ['scheduledAt'])).toEqual({ fields: { scheduledAt: 'Pick a time in the future.' }, general: [] });
    expect(formErrors(refusal('No capacity left this week.', { code: 'CAPACITY_EXHAUSTED', field: 'id' }), ['scheduledAt'])).toEqual({ fields: {}, general: ['No capacity left this week.'] });
  });

  it('given no connection, then a calm sentence says nothing was changed', () => {
    const offline = new CombinedError({ networkError: new TypeError('Failed to fetch') });
    expect(formErrors(offline).general[0]).toMatch(/could not reach Payforward.*nothing was changed/);
  });
});
