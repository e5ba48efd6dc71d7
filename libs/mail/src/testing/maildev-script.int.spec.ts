import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createSmtpTransport } from '../sender/smtp.transport.js';
import { MaildevInbox } from './maildev.inbox.js';

/**
 * infra/mail/maildev.sh, the local inbox `npm start` and `npm test` bring up, run on ports and a
 * cache directory of this spec's own so the shared inbox on 1025/1080 is never touched.
 */
const run = promisify(execFile);
const script = resolve(import.meta.dirname, '../../../../infra/mail/maildev.sh');
let cache: string;
let env: NodeJS.ProcessEnv;
let ports: { smtp: number; web: number };

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
const portAnswers = (port: number) =>
  new Promise<boolean>((ok) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), ok(true)));
    socket.once('error', () => ok(false));
    socket.connect(port, '127.0.0.1');
  });
const maildev = async (command: string) => {
  try {
    const { stdout } = await run('bash', [script, command], { env, timeout: 45_000 });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
};

beforeAll(async () => {
  cache = await mkdtemp(join(tmpdir(), 'pf-maildev-script-'));
  ports = { smtp: await freePort(), web: await freePort() };
  env = { ...process.env, PAYFORWARD_CACHE: cache, MAIL_SMTP_PORT: String(ports.smtp), MAIL_WEB_PORT: String(ports.web) };
});
afterAll(async () => {
  await maildev('stop');
  await rm(cache, { recursive: true, force: true });
});

describe('infra/mail/maildev.sh', () => {
  it('given no server, when started twice, then one server answers on SMTP and HTTP, keeps mail, and stops cleanly', async () => {
    const first = await maildev('start');
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toMatch(new RegExp(`ready: smtp 127.0.0.1:${ports.smtp}, inbox http://localhost:${ports.web}`));
    const pid = (await readFile(join(cache, 'maildev', 'maildev.pid'), 'utf8')).trim();

    const second = await maildev('start');
    expect(second).toMatchObject({ code: 0 });
    expect(second.out).toContain(`already running (pid ${pid})`);
    expect(await maildev('status')).toMatchObject({ code: 0 });

    // Ready means ready: a mail can be sent and read back at once, no waiting.
    const inbox = new MaildevInbox(`http://127.0.0.1:${ports.web}`);
    const transport = createSmtpTransport(`smtp://127.0.0.1:${ports.smtp}`, 5_000);
    await transport.sendMail({ messageId: '<script-spec@payforward.test>', from: 'noreply@payforward.test', to: ['Ada@Example.org'], subject: 'Script spec', text: 'hello', headers: {} });
    transport.close?.();
    expect(await inbox.countTo('ada@example.org')).toBe(1);
    expect(await inbox.countByMessageId('script-spec@payforward.test')).toBe(1);
    const [received] = await inbox.list();
    expect(await inbox.source(received!.id)).toMatch(/^Subject: Script spec\r?$/m);
    await inbox.deleteAll();
    expect(await inbox.list()).toEqual([]);

    expect(await maildev('stop')).toMatchObject({ code: 0 });
    expect(await maildev('status')).toMatchObject({ code: 3 });
    expect(await portAnswers(ports.smtp)).toBe(false);
    expect(await inbox.healthy()).toBe(false);
  });
});
