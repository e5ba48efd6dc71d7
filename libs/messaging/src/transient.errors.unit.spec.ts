import { Backoff } from './backoff.util.js';
import { TransientError, isTransientError } from './transient.errors.js';

const withCode = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('isTransientError', () => {
  it.each([
    ['a serialization failure', withCode('40001')],
    ['a deadlock', withCode('40P01')],
    ['a server shutting down', withCode('57P01')],
    ['a connection exception (class 08)', withCode('08006')],
    ['a refused TCP connection', withCode('ECONNREFUSED')],
    ['a connection node-postgres lost', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['an explicit TransientError', new TransientError('not yet')],
    ['a retriable kafkajs error', Object.assign(new Error('leader not available'), { name: 'KafkaJSProtocolError', retriable: true })],
    ['a wrapped transient cause', new Error('handler failed', { cause: withCode('40001') })],
  ])('given %s, when classified, then it is retried', (_what, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a check violation', withCode('23514')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a non-retriable kafkajs error', Object.assign(new Error('bad'), { name: 'KafkaJSNonRetriableError', retriable: false })],
    ['something that is not an Error', 'oops'],
  ])('given %s, when classified, then it is not retried', (_what, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});

describe('Backoff', () => {
  it('given repeated failures, when asking for delays, then they double up to the bound, with at most 20% jitter', () => {
    const backoff = new Backoff(100, 1_000);
    const delays = Array.from({ length: 8 }, () => backoff.next());
    const bases = [100, 200, 400, 800, 1_000, 1_000, 1_000, 1_000];
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(bases[i]! * 0.8);
      expect(d).toBeLessThanOrEqual(bases[i]! * 1.2);
    });
    backoff.reset();
    expect(backoff.next()).toBeLessThanOrEqual(120);
  });
});
