import { classifySmtpFailure, describeSmtpFailure } from './smtp-error.classify.js';

const smtpError = (fields: { code?: string; responseCode?: number; response?: string }) => Object.assign(new Error(fields.response ?? 'failed'), fields);

describe('SMTP failure classification', () => {
  it('given a 5xx refusal of the envelope or the message, when classified, then it is permanent', () => {
    expect(classifySmtpFailure(smtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 no such user' }))).toBe('permanent');
    expect(classifySmtpFailure(smtpError({ code: 'EMESSAGE', responseCode: 552, response: '552 too big' }))).toBe('permanent');
  });

  it('given a 4xx reply, when classified, then it is transient', () => {
    expect(classifySmtpFailure(smtpError({ code: 'EENVELOPE', responseCode: 451, response: '451 try later' }))).toBe('transient');
    expect(classifySmtpFailure(smtpError({ code: 'EMESSAGE', responseCode: 421 }))).toBe('transient');
  });

  it('given no reply at all (refused, reset, timed out), when classified, then it is transient', () => {
    for (const code of ['ECONNECTION', 'ECONNREFUSED', 'ETIMEDOUT', 'ESOCKET', 'EDNS']) {
      expect(classifySmtpFailure(smtpError({ code }))).toBe('transient');
    }
    expect(classifySmtpFailure(new Error('socket hang up'))).toBe('transient');
    expect(classifySmtpFailure(undefined)).toBe('transient');
  });

  it('given a 5xx about our own setup (authentication), when classified, then it is transient: an operator fixes it and the mail still goes', () => {
    expect(classifySmtpFailure(smtpError({ code: 'EAUTH', responseCode: 535 }))).toBe('transient');
  });
});

describe('SMTP failure description', () => {
  it('given a reply, when described, then the reply code, error code and server text are kept on one bounded line', () => {
    const text = describeSmtpFailure(smtpError({ code: 'EMESSAGE', responseCode: 552, response: '552 Message\r\n exceeds size' }));
    expect(text).toBe('552 EMESSAGE 552 Message exceeds size');
    expect(describeSmtpFailure(new Error('x'.repeat(5_000))).length).toBe(1_000);
  });
});
