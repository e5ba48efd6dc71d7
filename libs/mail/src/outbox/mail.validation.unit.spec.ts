import { mailDedupeKey, messageIdDomain, outboxMessageId, validateMail } from './mail.validation.js';

const mail = { dedupeKey: 'k', from: 'Payforward <noreply@payforward.dev>', to: 'ada@example.org', subject: 'Hi', text: 'Hello' };

describe('mail validation', () => {
  it('given a complete mail, when validated, then its recipients come back as a trimmed list', () => {
    expect(validateMail({ ...mail, to: [' ada@example.org ', 'bo@example.org'] }).to).toEqual(['ada@example.org', 'bo@example.org']);
  });

  it('given a mail without recipient, subject or body, when validated, then every problem is named', () => {
    const bad = { dedupeKey: ' ', from: 'x@y.z', to: [], subject: '' };
    expect(() => validateMail(bad)).toThrow(/dedupeKey is empty; no recipient; subject is empty; neither text nor html body/);
  });

  it('given a header the outbox owns or a header value with a line break, when validated, then it is refused', () => {
    expect(() => validateMail({ ...mail, headers: { 'Message-ID': '<x@y>' } })).toThrow(/Message-ID is set by the outbox/);
    expect(() => validateMail({ ...mail, headers: { 'X-Tag': 'a\r\nBcc: evil@example.org' } })).toThrow(/line break/);
  });
});

describe('dedupe keys and Message-IDs', () => {
  it('given the same recipient in another case, when a key is built, then it is the same key', () => {
    expect(mailDedupeKey('session-accepted', 'evt-1', 'Ada@Example.org')).toBe(mailDedupeKey('session-accepted', 'evt-1', 'ada@example.org'));
    expect(mailDedupeKey('session-accepted', 'evt-1', 'ada@example.org')).not.toBe(mailDedupeKey('session-accepted', 'evt-2', 'ada@example.org'));
  });

  it('given an empty part, when a key is built, then it is refused', () => {
    expect(() => mailDedupeKey('c', '', 'a@b.c')).toThrow(RangeError);
  });

  it('given a sender address, when a Message-ID is minted, then it uses the sender domain and the outbox id', () => {
    expect(messageIdDomain('Payforward <NoReply@Payforward.dev>')).toBe('payforward.dev');
    expect(messageIdDomain('nobody')).toBe('payforward.local');
    expect(outboxMessageId('0b6c', 'noreply@payforward.dev')).toBe('<0b6c@payforward.dev>');
  });
});
