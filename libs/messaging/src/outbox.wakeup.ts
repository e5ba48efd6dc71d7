import pg from 'pg';
import { Backoff, delay } from './backoff.util.js';
import { errorFields, type MessagingLogger } from './messaging.logger.js';

/**
 * Wakes an idle relay when rows are appended: a dedicated session LISTENs on the channel the
 * event store NOTIFYs at each append's commit (PostgreSQL delivers it after the rows are
 * visible). Only a hint: the relay's timer poll stays the fallback, so a lost connection or a
 * missed notification costs at most one poll interval. The session reconnects with backoff
 * until stop(), and counts as a wake-up once (re)connected, since it may have missed some.
 */
export class OutboxWakeUp {
  private client?: pg.Client;
  private running?: Promise<void>;
  private readonly abort = new AbortController();
  /** A notification arrived since clear(): the next wait() returns at once. */
  private signalled = false;
  private waiter?: () => void;

  constructor(
    private readonly database: string | pg.ClientConfig,
    private readonly channel: string,
    private readonly logger: MessagingLogger,
    private readonly maxBackoffMs: number,
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.waiter?.();
    await this.client?.end().catch(() => undefined);
    await this.running;
  }

  /** Forgets earlier notifications: called before a read that will see their rows anyway. */
  clear(): void {
    this.signalled = false;
  }

  /** Resolves after `ms`, at a notification (one since clear() counts), or when `signal` aborts. */
  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.signalled || signal.aborted) {
      this.signalled = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        if (this.waiter === done) this.waiter = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      this.waiter = done;
    });
  }

  private wake(): void {
    if (this.waiter) this.waiter();
    else this.signalled = true;
  }

  private async run(): Promise<void> {
    const backoff = new Backoff(100, this.maxBackoffMs);
    while (!this.abort.signal.aborted) {
      try {
        const lost = await this.listen();
        backoff.reset();
        await lost;
      } catch (error) {
        if (this.abort.signal.aborted) break;
        const waitMs = backoff.next();
        this.logger.warn({ ...errorFields(error), retryInMs: waitMs }, 'outbox relay: wake-up listener failed, reconnecting');
        await delay(waitMs, this.abort.signal);
      }
    }
  }

  /** Connects and LISTENs; the returned promise rejects when the session is lost (resolves on stop). */
  private async listen(): Promise<Promise<void>> {
    const config = typeof this.database === 'string' ? { connectionString: this.database } : this.database;
    const client = new pg.Client({ ...config, application_name: 'outbox-relay-wakeup' });
    this.client = client;
    let fail!: (error: Error) => void;
    const lost = new Promise<void>((resolve, reject) => {
      fail = reject;
      client.on('end', () => (this.abort.signal.aborted ? resolve() : reject(new Error('wake-up session ended'))));
      this.abort.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    lost.catch(() => undefined); // observed by run(); no unhandled rejection while connecting
    client.on('error', (error) => {
      fail(error);
      void client.end().catch(() => undefined);
    });
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.wake();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.abort.signal.aborted) await client.end().catch(() => undefined);
    this.wake(); // notifications sent while not listening are lost: look once
    return lost;
  }
}
