import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MailDev } from 'maildev';
import { MaildevInbox } from './maildev.inbox.js';

/**
 * A maildev of a spec's own, on free ports, so a spec can stop and restart its SMTP server
 * without disturbing the shared local inbox or another spec. Mails are kept in a temporary
 * directory, so a count taken after a restart still includes what arrived before it.
 */
export interface TestMaildev {
  smtpUrl: string;
  apiUrl: string;
  inbox: MaildevInbox;
  /** Stops the SMTP and web servers; the ports stay reserved for start(). */
  stop(): Promise<void>;
  /** Starts it again on the same ports, with the same stored mail. */
  start(): Promise<void>;
  /** Stops it and deletes its stored mail. */
  dispose(): Promise<void>;
}

export interface TestMaildevOptions {
  /** Messages larger than this are refused with a permanent 552 (0 disables the limit). */
  maxMessageSize?: number;
}

export async function startTestMaildev(options: TestMaildevOptions = {}): Promise<TestMaildev> {
  const [smtp, web] = [await freePort(), await freePort()];
  const mailDirectory = await mkdtemp(join(tmpdir(), 'pf-maildev-'));
  // Loaded on use: maildev is a dev dependency, and services import this library's index.
  const { MailDev: MailDevServer } = await import('maildev');
  let server: MailDev | undefined;
  const start = async () => {
    if (server?.isRunning()) return;
    server = new MailDevServer({
      smtp,
      web,
      ip: '127.0.0.1',
      webIp: '127.0.0.1',
      mailDirectory,
      silent: true,
      ...(options.maxMessageSize !== undefined ? { maxMessageSize: options.maxMessageSize } : {}),
    });
    await server.start();
  };
  const stop = async () => {
    if (server?.isRunning()) await server.stop();
    server = undefined;
  };
  await start();
  const apiUrl = `http://127.0.0.1:${web}`;
  return {
    smtpUrl: `smtp://127.0.0.1:${smtp}`,
    apiUrl,
    inbox: new MaildevInbox(apiUrl),
    stop,
    start,
    async dispose() {
      await stop();
      await rm(mailDirectory, { recursive: true, force: true });
    },
  };
}

/** A port the OS just handed out; small race with other processes, acceptable for tests. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
