import { DomainError } from '@payforward/contracts';
import { WriteConflictError, WrongExpectedVersionError } from '@payforward/event-store';
import { GraphQLError } from 'graphql';
import { apiError, classifyError, classifyForwardedError } from './api-errors.js';

const located = (original?: Error, message = original?.message ?? 'x') =>
  new GraphQLError(message, { path: ['register'], originalError: original });

describe('API error classification', () => {
  it('given a domain refusal, then its code, message and field reach the client', () => {
    const { formatted, unexpected } = classifyError(located(new DomainError('CONFLICT', 'Taken.', 'email')));
    expect(formatted).toEqual({ message: 'Taken.', path: ['register'], extensions: { code: 'CONFLICT', field: 'email' } });
    expect(unexpected).toBe(false);
  });

  it('given the write side gave up on a version race, then CONFLICT with the one conflict message and nothing of its cause', () => {
    const error = new WriteConflictError(200, new WrongExpectedVersionError('capacity-x', 3, -1));
    const { formatted, unexpected } = classifyError(located(error));
    expect(formatted).toEqual({ message: 'Too many changes to this at once; please try again.', path: ['register'], extensions: { code: 'CONFLICT' } });
    expect(unexpected).toBe(false);
  });

  it('given a GraphQLError thrown with a contract code, then it is kept', () => {
    const { formatted } = classifyError(located(apiError('FORBIDDEN', 'Admins only.')));
    expect(formatted.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(formatted.message).toBe('Admins only.');
  });

  it.each([
    ['Variable "$input" got invalid value 3 at "input.timezone"; String cannot represent a non string value: 3', 'timezone'],
    ['Field "RegisterInput.password" of required type "String!" was not provided.', 'password'],
    ['Field "nickname" is not defined by type "RegisterInput".', 'nickname'],
    ['Argument "email" of required type "String!" was not provided.', 'email'],
    // A top-level argument passed as a variable: the variable names it (the nested form above wins when both apply).
    ['Variable "$reason" got invalid value "MAYBE"; Value "MAYBE" does not exist in "DeclineReason" enum.', 'reason'],
  ])('given the request error %p, then BAD_USER_INPUT names the field %p', (message, field) => {
    expect(classifyError(new GraphQLError(message)).formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('given a variable coerced by graphql-js, whose scalar or enum error is kept as originalError, then BAD_USER_INPUT naming it', () => {
    const coercion = new GraphQLError('Variable "$reason" got invalid value "BUSY"; Value "BUSY" does not exist in "DeclineReason" enum.', {
      originalError: new GraphQLError('Value "BUSY" does not exist in "DeclineReason" enum.'),
    });
    expect(classifyError(coercion).formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
  });

  it('given a GraphQLError without a contract code thrown while executing a field, then it stays internal', () => {
    expect(classifyError(located(new GraphQLError('resolver detail'))).formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('given an unexpected failure, then the client gets a generic INTERNAL_SERVER_ERROR and no internals', () => {
    const { formatted, unexpected } = classifyError(located(new Error('connect ECONNREFUSED 10.0.0.7:5432')));
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(formatted)).not.toMatch(/ECONNREFUSED|10\.0\.0\.7|at /);
    expect(unexpected).toBe(true);
  });

  it('given errors forwarded by a subgraph, then coded ones pass and transport failures are masked', () => {
    const coded = { message: 'Taken.', path: ['register'], extensions: { code: 'CONFLICT', field: 'email' } };
    expect(classifyForwardedError(coded).formatted).toEqual(coded);
    const down = classifyForwardedError(new Error('connect ECONNREFUSED 127.0.0.1:4001'));
    expect(down.formatted).toEqual({ message: expect.not.stringMatching(/ECONNREFUSED/), extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(down.unexpected).toBe(true);
  });
});
