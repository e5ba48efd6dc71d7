import type pg from 'pg';
import { mailOutboxCounts } from '../outbox/enqueue-mail.js';
import type { MailOutboxCounts } from '../outbox/mail.types.js';
import { defaultMailLogger, type MailLogger } from './mail.logger.js';
import { DEFAULT_MAIL_RETRY_POLICY, mailRetryDelayMs, type MailRetryPolicy } from './mail-retry.policy.js';
import { classifySmtpFailure, describeSmtpFailure, isConnectionFailure } from './smtp-error.classify.js';
import { createSmtpTransport, type MailTransport } from './smtp.transport.js';

export interface MailSenderOptions {
  /** Where mail is handed over; default SMTP_URL from the environment, else smtp://127.0.0.1:1025. */
  smtpUrl?: string;
  /** Overrides smtpUrl: an already built transport. */
  transport?: MailTransport;
  /** Mails sent at once by this instance (each holds one pooled connection while it is sent). */
  concurrency?: number;
  /** How often an idle sender looks for due mail; wake() looks at once. */
  pollIntervalMs?: number;
  retry?: MailRetryPolicy;
  /** Connection, greeting and socket timeouts of one SMTP attempt. */
  smtpTimeoutMs?: number;
  logger?: MailLogger;
}

type Outcome = 'idle' | 'sent' | 'failed' | 'retry' | 'unreachable';

interface DueRow {
  id: string;
  message_id: string;
  mail_from: string;
  mail_to: string[];
  subject: string;
  text_body: string | null;
  html_body: string | null;
  headers: Record<string, string>;
  ical_event: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
  attempts: number;
}

/**
 * Delivers the mail outbox (ADR 016). Each worker claims one due row with FOR UPDATE SKIP
 * LOCKED and keeps the row locked in its transaction while the mail is handed to SMTP, then
 * records the result and commits: another worker or instance skips a locked row, so one mail
 * is never sent by two senders at once, and a crash rolls the claim back instead of losing it.
 *
 * At least once, not exactly once: if the process dies after the server accepted a mail and
 * before the commit, the row is still pending and is sent again — with the same Message-ID,
 * so the duplicate is recognisable. One row per transaction keeps that window to one mail.
 */
export class MailSender {
  private readonly transport: MailTransport;
  private readonly ownsTransport: boolean;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly retry: MailRetryPolicy;
  private readonly logger: MailLogger;
  private workers: Promise<void>[] = [];
  private stopping = false;
  /** Once stopped, the sender has closed its transport: a new sender is built instead of restarting. */
  private stopped = false;
  /** Resolves the idle waits, for wake() and stop(). */
  private wakers = new Set<() => void>();
  /** Bumped by wake(): a worker whose look began before the bump looks again instead of idling. */
  private wakeSeq = 0;

  constructor(
    private readonly pool: pg.Pool,
    options: MailSenderOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 2;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.retry = options.retry ?? DEFAULT_MAIL_RETRY_POLICY;
    this.logger = options.logger ?? defaultMailLogger();
    if (!Number.isInteger(this.concurrency) || this.concurrency < 1) throw new RangeError('concurrency must be a whole number >= 1');
    if (options.transport) {
      this.transport = options.transport;
      this.ownsTransport = false;
    } else {
      this.transport = createSmtpTransport(options.smtpUrl, options.smtpTimeoutMs);
      this.ownsTransport = true;
    }
  }

  get running(): boolean {
    return this.workers.length > 0;
  }

  start(): void {
    if (this.stopped) throw new Error('MailSender was stopped; create a new one');
    if (this.running) return;
    this.workers = Array.from({ length: this.concurrency }, (_, n) => this.work(n));
  }

  /** Stops claiming; the mails already in hand are finished (sent and recorded) before this resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    await Promise.all(this.workers);
    this.workers = [];
    this.stopped = true;
    if (this.ownsTransport) this.transport.close?.();
  }

  /** Looks for due mail now instead of at the next poll (call after committing an enqueue). */
  wake(): void {
    this.wakeSeq += 1;
    for (const wakeUp of this.wakers) wakeUp();
    this.wakers.clear();
  }

  counts(): Promise<MailOutboxCounts> {
    return mailOutboxCounts(this.pool);
  }

  /**
   * Claims and handles due mails until none is due; returns how many it handled. For a caller
   * that drives sending itself (a test, a one-off job) instead of start().
   */
  async drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const outcome = await this.sendOne();
      if (outcome === 'idle') return handled;
      handled += 1;
      if (outcome === 'unreachable') return handled;
    }
  }

  private async work(worker: number): Promise<void> {
    let dbFailures = 0;
    while (!this.stopping) {
      let outcome: Outcome;
      const seq = this.wakeSeq;
      try {
        outcome = await this.sendOne();
        dbFailures = 0;
      } catch (error) {
        // PostgreSQL trouble: nothing was lost (the claim rolled back); wait and try again.
        dbFailures += 1;
        this.logger.error({ worker, err: describeSmtpFailure(error) }, 'mail outbox: claiming or recording failed');
        await this.idle(mailRetryDelayMs({ baseDelayMs: this.pollIntervalMs, maxDelayMs: 30_000 }, dbFailures));
        continue;
      }
      // With the server unreachable every other due mail would fail the same way: pause instead.
      if (outcome === 'unreachable') await this.idle(this.pollIntervalMs);
      // A wake() during the look may concern a row committed after the look's snapshot: look again.
      else if (outcome === 'idle' && seq === this.wakeSeq) await this.idle(this.pollIntervalMs);
    }
  }

  private idle(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  private async sendOne(): Promise<Outcome> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // A checked-out client's connection can die (database restart, terminated backend); without a
    // listener its 'error' event would crash the process. The failing query rejects on its own.
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<DueRow>(
        `SELECT id, message_id, mail_from, mail_to, subject, text_body, html_body, headers, ical_event, attempts
           FROM mail_outbox
          WHERE status = 'pending' AND next_attempt_at <= now()
          ORDER BY next_attempt_at
          LIMIT 1
          FOR UPDATE SKIP LOCKED`,
      );
      const row = rows[0];
      if (!row) {
        await client.query('COMMIT');
        return 'idle';
      }
      const outcome = await this.deliver(client, row);
      await client.query('COMMIT');
      return outcome;
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error));
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // A client whose transaction state is unknown is not given back to the pool for reuse.
      client.off('error', onError);
      client.release(broken);
    }
  }

  /** Hands one claimed row to SMTP and records the result in the claiming transaction. */
  private async deliver(client: pg.PoolClient, row: DueRow): Promise<Outcome> {
    let info: { rejected?: unknown[] };
    try {
      info = await this.transport.sendMail({
        messageId: row.message_id,
        from: row.mail_from,
        to: row.mail_to,
        subject: row.subject,
        ...(row.text_body !== null ? { text: row.text_body } : {}),
        ...(row.html_body !== null ? { html: row.html_body } : {}),
        headers: row.headers,
        ...(row.ical_event ? { icalEvent: { method: row.ical_event.method, content: row.ical_event.content } } : {}),
      });
    } catch (error) {
      return this.recordFailure(client, row, error);
    }
    // Accepted. Recorded at once: until this commits, a crash means the mail is sent again (ADR 016).
    // A database error here is not an SMTP failure: it propagates and rolls the claim back.
    // Some recipients refused, others accepted: the mail went out, so it is sent; the refusals are kept.
    const rejected = (info.rejected ?? []).map(String);
    const note = rejected.length > 0 ? `refused recipients: ${rejected.join(', ')}` : null;
    await client.query(`UPDATE mail_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, note]);
    return 'sent';
  }

  private async recordFailure(client: pg.PoolClient, row: DueRow, error: unknown): Promise<Outcome> {
    // Not accepted: a 5xx refusal of this message fails the row; anything else waits and retries.
    const description = describeSmtpFailure(error);
    if (classifySmtpFailure(error) === 'permanent') {
      await client.query(`UPDATE mail_outbox SET status = 'failed', attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, description]);
      this.logger.warn({ outboxId: row.id, messageId: row.message_id, error: description }, 'mail refused permanently');
      return 'failed';
    }
    const delayMs = mailRetryDelayMs(this.retry, row.attempts + 1);
    await client.query(
      `UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = now() + $3 * interval '1 millisecond' WHERE id = $1`,
      [row.id, description, delayMs],
    );
    this.logger.warn({ outboxId: row.id, attempts: row.attempts + 1, retryInMs: delayMs, error: description }, 'mail not handed over; will retry');
    return isConnectionFailure(error) ? 'unreachable' : 'retry';
  }
}
