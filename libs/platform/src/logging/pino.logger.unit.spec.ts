import { Writable } from 'node:stream';
import { pino } from 'pino';
import { REDACTED_LOG_PATHS } from './pino.logger.js';

/** Personal data that slips into a log object never reaches the line (ADR 010). */
describe('log redaction', () => {
  it('given names, e-mails, event data and a PostgreSQL error detail in a log object, then the line carries none of them', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const logger = pino({ redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' } }, sink);
    const err = Object.assign(new Error('duplicate key value violates unique constraint'), { detail: 'Key (email)=(dana@example.com) already exists.' });
    logger.warn({ email: 'dana@example.com', member: { displayName: 'Dana Lee', headline: 'Staff engineer' }, password: 'hunter22' }, 'one');
    logger.info({ event: { type: 'HelpRequestSubmitted', data: { message: 'Dana Lee needs help', goal: 'Dana goal', seekerId: 'id-1' } } }, 'two');
    logger.error({ err, memberId: 'id-1' }, 'three');
    const output = lines.join('');
    expect(output).not.toMatch(/dana|staff engineer|hunter22/i);
    expect(output).toContain('id-1'); // ids stay: they are what operators need
    expect(output.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(7);
  });
});
