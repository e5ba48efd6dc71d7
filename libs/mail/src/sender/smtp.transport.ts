import nodemailer from 'nodemailer';

export const DEFAULT_SMTP_URL = 'smtp://127.0.0.1:1025';

/** The part of a nodemailer transporter the sender uses (a test may pass its own). */
export interface MailTransport {
  sendMail(message: {
    messageId: string;
    from: string;
    to: string[];
    subject: string;
    text?: string;
    html?: string;
    headers: Record<string, string>;
    icalEvent?: { method: string; content: string };
  }): Promise<{ rejected?: unknown[] }>;
  close?(): void;
}

/**
 * Nodemailer's SMTP transport for `url` (else SMTP_URL, else the local inbox). Every wait is
 * bounded: the sender holds a row lock and a database connection while it talks to the server.
 */
export function createSmtpTransport(url?: string, timeoutMs = 30_000): MailTransport {
  return nodemailer.createTransport({
    url: url ?? process.env.SMTP_URL ?? DEFAULT_SMTP_URL,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
}
