export { MAIL_OUTBOX_SCHEMA_DOWN, MAIL_OUTBOX_SCHEMA_UP, MAIL_OUTBOX_TABLE } from './outbox/mail-outbox.schema.js';
export type { EnqueueResult, MailOutboxCounts, MailStatus, OutgoingMail, Queryable } from './outbox/mail.types.js';
export { mailDedupeKey, outboxMessageId, validateMail } from './outbox/mail.validation.js';
export { enqueueMail, mailOutboxCounts } from './outbox/enqueue-mail.js';
export { DEFAULT_SMTP_URL, MailSender, type MailSenderOptions, type MailTransport } from './sender/mail.sender.js';
export { DEFAULT_MAIL_RETRY_POLICY, mailRetryDelayMs, mailRetryPolicyFromEnv, type MailRetryPolicy } from './sender/mail-retry.policy.js';
export { classifySmtpFailure, describeSmtpFailure, type SmtpFailureKind } from './sender/smtp-error.classify.js';
export type { MailLogger } from './sender/mail.logger.js';
export { MaildevInbox, type InboxMail } from './testing/maildev.inbox.js';
