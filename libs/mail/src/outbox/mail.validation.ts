import type { OutgoingMail } from './mail.types.js';

/** A dedupe key from its usual parts: one mail per (category, source event, recipient). */
export function mailDedupeKey(category: string, sourceEventId: string, recipient: string): string {
  for (const [name, value] of [['category', category], ['sourceEventId', sourceEventId], ['recipient', recipient]] as const) {
    if (!value.trim()) throw new RangeError(`mailDedupeKey: ${name} is empty`);
  }
  // Addresses differ in case only by accident; the same person must not get two mails.
  return `${category}:${sourceEventId}:${recipient.trim().toLowerCase()}`;
}

/** The domain Message-IDs are minted under: the sender address's, so they look like its mails. */
export function messageIdDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return match?.[1]?.toLowerCase() ?? 'payforward.local';
}

/** A stable Message-ID for one outbox row: every attempt of the row sends the same one. */
export function outboxMessageId(outboxId: string, from: string): string {
  return `<${outboxId}@${messageIdDomain(from)}>`;
}

const HEADER_NAME = /^[!-9;-~]+$/; // RFC 5322 field name: printable ASCII except ':'
const RESERVED_HEADERS = new Set(['message-id', 'from', 'to', 'cc', 'bcc', 'subject', 'date']);

/** Rejects a mail that could never be sent, at enqueue time, so it fails in the caller's hands and not in the outbox. */
export function validateMail(mail: OutgoingMail): { to: string[] } {
  const to = (Array.isArray(mail.to) ? mail.to : [mail.to]).map((a) => a.trim()).filter((a) => a.length > 0);
  const problems: string[] = [];
  if (!mail.dedupeKey.trim()) problems.push('dedupeKey is empty');
  if (!mail.from.trim()) problems.push('from is empty');
  if (to.length === 0) problems.push('no recipient');
  if (!mail.subject.trim()) problems.push('subject is empty');
  if (mail.text === undefined && mail.html === undefined) problems.push('neither text nor html body');
  for (const [name, value] of Object.entries(mail.headers ?? {})) {
    if (!HEADER_NAME.test(name)) problems.push(`header name "${name}" is invalid`);
    else if (RESERVED_HEADERS.has(name.toLowerCase())) problems.push(`header ${name} is set by the outbox`);
    if (/[\r\n]/.test(value)) problems.push(`header ${name} contains a line break`);
  }
  if (mail.icalEvent && (!['REQUEST', 'CANCEL'].includes(mail.icalEvent.method) || !mail.icalEvent.content.includes('BEGIN:VCALENDAR'))) {
    problems.push('icalEvent needs method REQUEST or CANCEL and a VCALENDAR');
  }
  if (mail.notBefore !== undefined && Number.isNaN(mail.notBefore.getTime())) problems.push('notBefore is not a time');
  if (problems.length > 0) throw new RangeError(`invalid mail: ${problems.join('; ')}`);
  return { to };
}
