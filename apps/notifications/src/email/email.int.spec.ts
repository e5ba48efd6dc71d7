import { jest } from '@jest/globals';
import type { PersonalData } from '@payforward/crypto-shredding';
import { startTestMaildev, type InboxMail, type TestMaildev } from '@payforward/mail';
import { deleteKafkaResources, uniqueSuffix, waitFor } from '@payforward/testing';
import { createSpecTopics, erased, helpRequest, march, publish, startNotifications, tokenFor, type SpecNotifications, type SpecTopics } from '../notifications.spec.fixtures.js';
import { handleEvent } from '../inbox/notifications.consumer.js';
import { DigestJob } from '../digest/digest.job.js';
import { EmailDelivery } from './email-delivery.provider.js';
import { sealedMember, specPersonalData, type SpecMember } from './email.spec.fixtures.js';

/**
 * E-mail on real Kafka, PostgreSQL and a real SMTP server (a maildev of this spec's own): every
 * trigger sends exactly its mail, in the recipient's zone, with one-click unsubscribe; preferences,
 * quiet hours, the digest queue, and erasure act on what is sent. Counts are taken in the SMTP
 * server, by the addresses this spec registered.
 */
jest.setTimeout(120_000);
// Retries after an SMTP failure come back within a second here (the service reads these at start).
process.env.MAIL_RETRY_BASE_MS = '100';
process.env.MAIL_RETRY_MAX_MS = '1000';

const suffix = uniqueSuffix();
let topics: SpecTopics;
let n: SpecNotifications;
let smtp: TestMaildev;
let personal: PersonalData;
/**
 * The service's clock: 12:00 UTC on 3 March 2027 unless a test moves it. In the future on purpose:
 * a mail held by quiet hours is held until a time the sender (on the database's real clock) has not reached.
 */
const NOON = new Date('2027-03-03T12:00:00Z');
let clock = NOON;

beforeAll(async () => {
  smtp = await startTestMaildev();
  personal = specPersonalData();
  topics = await createSpecTopics(suffix);
  n = await startNotifications('email', topics, {
    mail: { send: true, smtpUrl: smtp.smtpUrl, pollIntervalMs: 100 },
    email: { webUrl: 'https://app.payforward.test', apiUrl: 'https://api.payforward.test' },
    now: () => clock,
  });
}, 90_000);

afterAll(async () => {
  await n?.close();
  await smtp?.dispose();
  await personal?.close();
  await deleteKafkaResources({ topics: topics ? Object.values(topics) : [] });
}, 60_000);

const mailsTo = async (member: SpecMember): Promise<InboxMail[]> => (await smtp.inbox.list()).filter((m) => m.recipients.includes(member.email));
const outboxFor = async (member: SpecMember) =>
  (await n.db.pool.query(`SELECT o.status, o.subject, o.next_attempt_at FROM mail_outbox o JOIN mail_mentions m ON m.outbox_id = o.id AND m.role = 'recipient' WHERE m.member_id = $1`, [member.id])).rows;
/** Every mail of these members is out of the outbox (sent or failed) but those held by quiet hours: what arrived is all there will be. */
const settled = (...members: SpecMember[]) =>
  waitFor(
    async () => {
      const { rows } = await n.db.pool.query(
        `SELECT count(*)::int AS n FROM mail_outbox o JOIN mail_mentions m ON m.outbox_id = o.id AND m.role = 'recipient'
          WHERE m.member_id = ANY($1::uuid[]) AND o.status = 'pending' AND (o.attempts > 0 OR o.next_attempt_at <= now())`,
        [members.map((m) => m.id)],
      );
      return rows[0].n === 0;
    },
    { timeoutMs: 30_000, what: 'the due mails of the spec members sent' },
  );
const register = async (...members: SpecMember[]) => {
  await publish(topics.identity, members.map((m) => m.registered));
  await n.applied(members.map((m) => m.registered));
};

describe('notifications: e-mail', () => {
  it('given every e-mail trigger, when its event is consumed (three times), then each recipient gets exactly its mail, and reputation news waits for the digest', async () => {
    const dana = await sealedMember(personal, 'Dana', 'Europe/Berlin');
    const sam = await sealedMember(personal, 'Sam', 'America/New_York');
    const tia = await sealedMember(personal, 'Tia');
    await register(dana, sam, tia);
    const call = helpRequest(dana.id, sam.id);
    const review = helpRequest(dana.id, sam.id, 'RESUME_REVIEW');
    const stale = helpRequest(dana.id, sam.id, 'MOCK_INTERVIEW');
    const referral = helpRequest(dana.id, sam.id, 'REFERRAL');
    const intro = helpRequest(dana.id, sam.id, 'INTRO', tia.id);
    const events = [
      call.submitted(march(2)),
      call.accepted(march(3, 15)),
      review.submitted(march(2)),
      review.declined(march(3)),
      stale.submitted(march(2)),
      stale.expired(march(9)),
      referral.submitted(march(2)),
      referral.vouched(march(4)),
      intro.submitted(march(2)),
      intro.accepted(march(3)),
      call.completed(march(5)),
    ];
    for (let i = 0; i < 3; i++) await publish(topics.helpRequest, events);
    await n.applied(events);
    await settled(dana, sam, tia);

    const subjects = async (m: SpecMember) => (await mailsTo(m)).map((x) => x.subject).sort();
    expect(await subjects(dana)).toEqual(['Sam asked you for a mock interview', 'Sam asked you for a referral', 'Sam asked you for a résumé review', 'Sam asked you for an advice call', 'Sam asked you for an introduction']);
    expect(await subjects(sam)).toEqual([
      'Dana accepted your request',
      'Dana accepted your request',
      'Dana declined your request',
      'Dana vouched for you',
      'Your request to Dana expired',
    ]);
    expect(await subjects(tia)).toEqual(['Dana would like to introduce someone to you']);
    // "You paid it forward" is REPUTATION: digest by default, so it waits in the digest queue.
    const { rows } = await n.db.pool.query('SELECT kind, category FROM email_digest_items WHERE recipient_id = $1', [dana.id]);
    expect(rows).toEqual([{ kind: 'paid-forward', category: 'REPUTATION' }]);

    // A redelivery that slips past the processed-event ids (a replay, another group) writes no second mail either.
    const client = await n.db.pool.connect();
    try {
      await client.query('BEGIN');
      for (const e of events) await handleEvent(e, client, { email: n.app.get(EmailDelivery).deps });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await settled(dana, sam, tia);
    expect((await mailsTo(dana)).length + (await mailsTo(sam)).length + (await mailsTo(tia)).length).toBe(11);
  });

  it('given an accepted advice call, when its mail is read, then it has text and HTML parts, the time in the seeker\'s zone, the unsubscribe headers and nobody else\'s address', async () => {
    const dana = await sealedMember(personal, 'Dana <b>Mentor</b>', 'Europe/Berlin');
    const sam = await sealedMember(personal, 'Sam', 'America/New_York');
    await register(dana, sam);
    const call = helpRequest(dana.id, sam.id);
    const events = [call.submitted(march(2)), call.accepted('2026-03-10T15:00:00.000Z')];
    await publish(topics.helpRequest, events);
    await n.applied(events);
    await settled(dana, sam);

    const [accepted] = await mailsTo(sam);
    const source = await smtp.inbox.source(accepted!.id);
    const parts = (await (await fetch(`${smtp.apiUrl}/api/email/${accepted!.id}`)).json()) as { text: string; html: string };
    // 15:00 UTC on 10 March is 11:00 in New York (daylight time since 8 March).
    expect(parts.text).toContain('Your session: Tue, 10 Mar 2026, 11:00 (America/New_York), 30 minutes.');
    expect(parts.html).toContain('Your session: Tue, 10 Mar 2026, 11:00 (America/New_York), 30 minutes.');
    expect(source).toMatch(/Content-Type: text\/plain/);
    expect(source).toMatch(/Content-Type: text\/html/);
    const unfolded = source.replace(/\r?\n[ \t]+/g, ' ');
    // The seeker's acceptance carries the session's calendar invite (ADR 018).
    expect(unfolded).toMatch(/Content-Type: text\/calendar; [^\r\n]*method=REQUEST/i);
    expect(unfolded).toMatch(/^List-Unsubscribe: <https:\/\/api\.payforward\.test\/unsubscribe\?token=[\w.-]+>\r?$/m);
    expect(source).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(source).toContain('https://app.payforward.test/requests');
    expect(source).not.toContain(dana.email);
    // The mentor's name is escaped in the HTML part, never markup.
    expect(parts.html).toContain('Dana &lt;b&gt;Mentor&lt;/b&gt; accepted');
    expect(parts.html).not.toContain('<b>Mentor');
    const [submitted] = await mailsTo(dana);
    expect(await smtp.inbox.source(submitted!.id)).not.toContain(sam.email);
  });

  it('given the unsubscribe link of a mail, when POSTed signed out, then that category is off: the next request notifies in-app only; GET only asks', async () => {
    const dana = await sealedMember(personal, 'Dana');
    const sam = await sealedMember(personal, 'Sam');
    await register(dana, sam);
    const first = helpRequest(dana.id, sam.id).submitted(march(2));
    await publish(topics.helpRequest, [first]);
    await n.applied([first]);
    await settled(dana);
    const [mail] = await mailsTo(dana);
    const header = (await smtp.inbox.source(mail!.id)).replace(/\r?\n[ \t]+/g, ' ');
    const path = /<https:\/\/api\.payforward\.test(\/unsubscribe\?token=[\w.-]+)>/.exec(header)![1]!;

    const page = await n.app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<button type="submit">Unsubscribe from requests</button>');
    const token = await tokenFor(dana.id);
    const prefs = 'query { notificationPreferences { preferences { category email } } }';
    const requestsSetting = async () => (await n.gql(prefs, {}, token)).data!.notificationPreferences.preferences.find((p: { category: string }) => p.category === 'REQUESTS').email;
    expect(await requestsSetting()).toBe('INSTANT');

    const forged = await n.app.inject({ method: 'POST', url: `${path}x`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(forged.statusCode).toBe(400);
    const done = await n.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(done.statusCode).toBe(200);
    expect(await requestsSetting()).toBe('OFF');

    const second = helpRequest(dana.id, sam.id, 'RESUME_REVIEW').submitted(march(3));
    await publish(topics.helpRequest, [second]);
    await n.applied([second]);
    expect((await n.db.pool.query('SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1', [dana.id])).rows[0].n).toBe(2);
    expect(await outboxFor(dana)).toHaveLength(1);
    expect(await mailsTo(dana)).toHaveLength(1);
  });

  it('given quiet hours 22:00–07:00 in Berlin and an event at 23:00 there, when consumed, then the mail waits until 07:00 and in-app is immediate', async () => {
    const dana = await sealedMember(personal, 'Dana', 'Europe/Berlin');
    const sam = await sealedMember(personal, 'Sam');
    await register(dana, sam);
    const set = await n.gql('mutation { updateNotificationPreferences(input: { quietHoursStart: "22:00", quietHoursEnd: "07:00" }) { quietHoursStart quietHoursEnd } }', {}, await tokenFor(dana.id));
    expect(set.data).toEqual({ updateNotificationPreferences: { quietHoursStart: '22:00', quietHoursEnd: '07:00' } });
    clock = new Date('2027-03-27T22:00:00Z'); // 23:00 CET; Berlin springs forward that night (28 March 2027)
    try {
      const late = helpRequest(dana.id, sam.id).submitted('2027-03-27T22:00:00.000Z');
      await publish(topics.helpRequest, [late]);
      await n.applied([late]);
    } finally {
      clock = NOON;
    }
    expect((await n.db.pool.query('SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1', [dana.id])).rows[0].n).toBe(1);
    const held = await outboxFor(dana);
    // 07:00 CEST on 28 March is 05:00 UTC.
    expect(held).toEqual([{ status: 'pending', subject: 'Sam asked you for an advice call', next_attempt_at: new Date('2027-03-28T05:00:00Z') }]);
    expect(await mailsTo(dana)).toEqual([]);
  });

  it('given a member with sent and pending mails who is then erased, when MemberErased is consumed, then no address or name of theirs is left and nothing more is addressed to them', async () => {
    const dana = await sealedMember(personal, 'Dagmar Quintessa', 'Europe/Berlin');
    const sam = await sealedMember(personal, 'Sam');
    await register(dana, sam);
    const sent = helpRequest(dana.id, sam.id);
    const first = sent.submitted(march(2));
    await publish(topics.helpRequest, [first]);
    await n.applied([first]);
    await settled(dana);
    expect(await mailsTo(dana)).toHaveLength(1);
    // One more mail to Dana held by quiet hours (still pending at erasure), and one to Sam naming her.
    await n.gql('mutation { updateNotificationPreferences(input: { quietHoursStart: "00:00", quietHoursEnd: "23:59" }) { quietHoursEnd } }', {}, await tokenFor(dana.id));
    const pendingForDana = helpRequest(dana.id, sam.id, 'RESUME_REVIEW').submitted(march(3));
    const toSam = sent.accepted(march(3));
    await publish(topics.helpRequest, [pendingForDana, toSam]);
    await n.applied([pendingForDana, toSam]);
    await settled(sam);

    await personal.codec.keys.erase(dana.id);
    const gone = erased(dana.id, march(4));
    await publish(topics.identity, [gone]);
    await n.applied([gone]);

    const dump = JSON.stringify((await n.db.pool.query('SELECT * FROM mail_outbox')).rows) + JSON.stringify((await n.db.pool.query('SELECT * FROM members')).rows);
    expect(dump).not.toContain(dana.email);
    expect(dump).not.toContain('Dagmar');
    expect(await outboxFor(dana)).toEqual([{ status: 'sent', subject: '[erased]', next_attempt_at: expect.any(Date) }]);
    const [toSamRow] = (await n.db.pool.query(`SELECT o.subject FROM mail_outbox o JOIN mail_mentions m ON m.outbox_id = o.id AND m.role = 'recipient' WHERE m.member_id = $1`, [sam.id])).rows;
    expect(toSamRow.subject).toBe('Erased member accepted your request');

    const after = helpRequest(dana.id, sam.id, 'MOCK_INTERVIEW').submitted(march(5));
    await publish(topics.helpRequest, [after]);
    await n.applied([after]);
    expect(await outboxFor(dana)).toHaveLength(1);
  });

  it('given the SMTP server down while events flow, when it comes back, then every mail arrives exactly once', async () => {
    const mentors = await Promise.all(Array.from({ length: 6 }, (_, i) => sealedMember(personal, `Mentor${i}`)));
    const sam = await sealedMember(personal, 'Sam');
    await register(...mentors, sam);
    await smtp.stop();
    try {
      const events = mentors.map((m) => helpRequest(m.id, sam.id).submitted(march(2)));
      await publish(topics.helpRequest, events);
      await n.applied(events);
      await waitFor(
        async () => {
          const { rows } = await n.db.pool.query(
            `SELECT count(*)::int AS n FROM mail_outbox o JOIN mail_mentions m ON m.outbox_id = o.id AND m.role = 'recipient' WHERE m.member_id = ANY($1::uuid[]) AND o.attempts > 0`,
            [mentors.map((m) => m.id)],
          );
          return rows[0].n >= 1;
        },
        { what: 'a mail to have met the outage' },
      );
    } finally {
      await smtp.start();
    }
    await settled(...mentors);
    for (const m of mentors) expect((await mailsTo(m)).map((x) => x.subject)).toEqual(['Sam asked you for an advice call']);
  });

  it('given reputation news (digest by default), when the digest job runs before and after 08:00 in the member\'s zone, then one digest goes that day and later news waits for the next', async () => {
    const dana = await sealedMember(personal, 'Dana', 'Asia/Tokyo');
    const sam = await sealedMember(personal, 'Sam');
    await register(dana, sam);
    const first = [helpRequest(dana.id, sam.id).completed(march(2)), helpRequest(dana.id, sam.id, 'RESUME_REVIEW').completed(march(2, 11))];
    await publish(topics.helpRequest, first);
    await n.applied(first);
    const job = n.app.get(DigestJob);
    const at = async (iso: string) => {
      clock = new Date(iso);
      try {
        await job.runOnce();
      } finally {
        clock = NOON;
      }
    };
    await at('2027-03-04T22:30:00Z'); // 07:30 on 5 March in Tokyo: not yet
    expect(await outboxFor(dana)).toEqual([]);
    await at('2027-03-04T23:30:00Z'); // 08:30 in Tokyo
    await at('2027-03-05T02:00:00Z'); // later that day: the day's digest went already
    await settled(dana);
    const digests = await mailsTo(dana);
    expect(digests.map((m) => m.subject)).toEqual(['Your Payforward digest: 2 updates']);
    const parts = (await (await fetch(`${smtp.apiUrl}/api/email/${digests[0]!.id}`)).json()) as { text: string };
    expect(parts.text).toContain('• You paid it forward: an advice call with Sam is complete (up to +10 points).');
    expect(parts.text).toContain('• You paid it forward: a résumé review with Sam is complete (up to +10 points).');

    const later = [helpRequest(dana.id, sam.id, 'MOCK_INTERVIEW').completed(march(6))];
    await publish(topics.helpRequest, later);
    await n.applied(later);
    await at('2027-03-05T03:00:00Z'); // still 5 March in Tokyo: waits
    expect(await outboxFor(dana)).toHaveLength(1);
    await at('2027-03-05T23:10:00Z'); // 08:10 on 6 March
    await settled(dana);
    expect((await mailsTo(dana)).map((m) => m.subject).sort()).toEqual(['Your Payforward digest: 1 update', 'Your Payforward digest: 2 updates']);
  });

  it('given a request consumed before identity\'s topic brought the seeker (or the mentor), when they arrive, then the mail goes with the right name, once', async () => {
    const dana = await sealedMember(personal, 'Dana');
    const sam = await sealedMember(personal, 'Samwise');
    const late = await sealedMember(personal, 'Latecomer');
    await register(dana);
    const early = helpRequest(dana.id, sam.id).submitted(march(2));
    const toLate = helpRequest(late.id, dana.id).submitted(march(2));
    await publish(topics.helpRequest, [early, toLate]);
    await n.applied([early, toLate]);
    expect(await outboxFor(dana)).toEqual([]);
    const { rows } = await n.db.pool.query('SELECT waiting_for FROM email_waiting_drafts WHERE recipient_id = ANY($1::uuid[]) ORDER BY waiting_for', [[dana.id, late.id]]);
    expect(rows.map((r) => r.waiting_for).sort()).toEqual([sam.id, late.id].sort());

    await register(sam, late);
    await settled(dana, late);
    expect((await mailsTo(dana)).map((m) => m.subject)).toEqual(['Samwise asked you for an advice call']);
    expect((await mailsTo(late)).map((m) => m.subject)).toEqual(['Dana asked you for an advice call']);
    expect((await n.db.pool.query('SELECT count(*)::int AS n FROM email_waiting_drafts WHERE recipient_id = ANY($1::uuid[])', [[dana.id, late.id]])).rows[0].n).toBe(0);
  });
});
