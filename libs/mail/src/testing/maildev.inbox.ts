/**
 * A small client for maildev's HTTP API (STACK.md: mails at GET /api/email, raw source at
 * /api/email/<id>/source), for specs that check what really reached the SMTP server.
 * MAIL_API_URL (infra/env.sh) points at the local inbox; a spec's own maildev passes its URL.
 */
export interface InboxMail {
  id: string;
  subject: string;
  /** The Message-ID header, with its angle brackets, as the server received it. */
  messageId: string | undefined;
  /** Envelope recipients (RCPT TO), lower-cased: who the server was asked to deliver to. */
  recipients: string[];
  headers: Record<string, string | string[]>;
  /** When the server received it (null if it does not say). */
  receivedAt: Date | null;
}

interface MaildevEmail {
  id: string;
  subject?: string;
  headers?: Record<string, string | string[]>;
  envelope?: { to?: { address: string }[] };
  to?: { address: string }[];
  time?: string;
}

export class MaildevInbox {
  private readonly baseUrl: string;

  constructor(baseUrl: string = process.env.MAIL_API_URL ?? 'http://127.0.0.1:1080') {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** True when the API answers its health check. */
  async healthy(): Promise<boolean> {
    try {
      const res = await fetch(`${this.baseUrl}/api/healthz`, { signal: AbortSignal.timeout(2_000) });
      return res.ok;
    } catch {
      return false;
    }
  }

  async list(): Promise<InboxMail[]> {
    const emails = (await this.request('GET', '/api/email').then((r) => r.json())) as MaildevEmail[];
    return emails.map((e) => {
      const headers = e.headers ?? {};
      const raw = headers['message-id'];
      const recipients = (e.envelope?.to ?? e.to ?? []).map((a) => a.address.toLowerCase());
      const receivedAt = e.time ? new Date(e.time) : null;
      return { id: e.id, subject: e.subject ?? '', messageId: Array.isArray(raw) ? raw[0] : raw, recipients, headers, receivedAt };
    });
  }

  /** How many received mails carry this Message-ID (brackets optional): 1 means delivered exactly once. */
  async countByMessageId(messageId: string): Promise<number> {
    const wanted = bare(messageId);
    return (await this.list()).filter((m) => m.messageId !== undefined && bare(m.messageId) === wanted).length;
  }

  /** How many received mails were addressed (in the envelope) to this address. */
  async countTo(address: string): Promise<number> {
    const wanted = address.toLowerCase();
    return (await this.list()).filter((m) => m.recipients.includes(wanted)).length;
  }

  /** The raw RFC 5322 source of one received mail. */
  async source(id: string): Promise<string> {
    return this.request('GET', `/api/email/${encodeURIComponent(id)}/source`).then((r) => r.text());
  }

  async deleteAll(): Promise<void> {
    await this.request('DELETE', '/api/email/all');
  }

  private async request(method: string, path: string): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${path}`, { method, signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`maildev ${method} ${path}: HTTP ${res.status}`);
    return res;
  }
}

const bare = (id: string): string => id.trim().replace(/^<|>$/g, '');
