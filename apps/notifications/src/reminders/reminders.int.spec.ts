import { jest } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { deleteKafkaResources, uniqueSuffix } from '@payforward/testing';
import { ManualClock } from '../notifications.clock.js';
import { createSpecTopics, erased, publish, startNotifications, tokenFor, type SpecNotifications, type SpecTopics } from '../notifications.spec.fixtures.js';
import { rescheduleSession } from '../sessions/session-events.projection.js';
import { findSession } from '../sessions/sessions.read-model.js';
import { DAY, HOUR, member, plus, scheduledRequest } from '../sessions/sessions.spec.fixtures.js';
import type { ReminderEmailDraft, ReminderMailer } from './reminder.mailer.js';
import { ReminderScheduler } from './reminder.scheduler.js';
import { remindersOf } from './reminders.read-model.js';

/**
 * Reminders on real Kafka and PostgreSQL, time moved by a ManualClock: planned from the
 * consumed events, fired once however often the scheduler ticks (or however many schedulers
 * run), cancelled by an answer or the session's end, never created for a time already past.
 */
jest.setTimeout(120_000);

const START = new Date('2026-03-02T08:00:00Z');
const suffix = uniqueSuffix();
const clock = new ManualClock(START);
const mails: ReminderEmailDraft[] = [];
// Records what would be mailed (the mail slice's deliverEmail takes this place at merge).
const mailer: ReminderMailer = { send: async (_tx, draft) => void mails.push(draft) };
let topics: SpecTopics;
let n: SpecNotifications;
let scheduler: ReminderScheduler;

beforeAll(async () => {
  topics = await createSpecTopics(suffix);
  n = await startNotifications('reminders', topics, { clock, reminderScanIntervalMs: 0, reminderMailer: mailer });
  scheduler = n.app.get(ReminderScheduler);
}, 90_000);

afterAll(async () => {
  await n?.close();
  await deleteKafkaResources({ topics: topics ? Object.values(topics) : [] });
}, 60_000);

interface Row {
  recipient_id: string;
  category: string;
  template: string;
  source_event_id: string;
}
const notificationsOf = async (recipients: string[]): Promise<Row[]> =>
  (
    await n.db.pool.query<Row>(
      'SELECT recipient_id, category, template, source_event_id FROM notifications WHERE recipient_id = ANY($1::uuid[]) ORDER BY created_at, recipient_id',
      [recipients],
    )
  ).rows;
const remindersTo = (recipients: string[]) => notificationsOf(recipients).then((rows) => rows.filter((r) => r.category === 'REMINDERS' || r.category === 'SESSIONS'));
const mailsTo = (recipients: string[]) => mails.filter((m) => recipients.includes(m.recipientId));

async function pair(mentorZone = 'Europe/Berlin', seekerZone = 'America/New_York') {
  const [mentor, seeker] = [uuidv7(), uuidv7()];
  const members = [member(mentor, 'Dana Mentor', mentorZone, START.toISOString()), member(seeker, 'Sam Seeker', seekerZone, START.toISOString())];
  await publish(topics.identity, members);
  await n.applied(members);
  return { mentor, seeker };
}

describe('reminders', () => {
  it('given an unanswered request, when the clock passes 48 h before expiry and the scheduler ticks twice, then the mentor is reminded exactly once, in-app and by one mail draft', async () => {
    clock.set(START);
    const { mentor, seeker } = await pair();
    const request = scheduledRequest(mentor, seeker);
    const submitted = request.submitted(START);
    await publish(topics.helpRequest, [submitted]);
    await n.applied([submitted]);
    expect((await remindersOf(n.db.pool, request.ids.requestId)).map((r) => [r.kind, r.recipientId, r.dueAt.toISOString(), r.status])).toEqual([
      ['EXPIRY_48H', mentor, plus(START, 5 * DAY).toISOString(), 'pending'],
    ]);

    clock.set(plus(START, 5 * DAY - 60_000));
    await scheduler.runOnce();
    expect(await remindersTo([mentor, seeker])).toEqual([]);

    clock.set(plus(START, 5 * DAY + 60_000));
    await scheduler.runOnce();
    await scheduler.runOnce();
    const fired = await remindersTo([mentor, seeker]);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      recipient_id: mentor,
      category: 'REMINDERS',
      // Expires Mon 9 Mar 08:00Z = 09:00 in Berlin (the mentor's zone).
      template: "{name}'s request for an advice call expires in 48 hours, on Mon 9 Mar, 09:00 (Europe/Berlin). A short answer, yes or no, helps them move on.",
    });
    expect((await remindersOf(n.db.pool, request.ids.requestId))[0]!.status).toBe('sent');
    expect(mailsTo([mentor, seeker])).toEqual([
      { recipientId: mentor, category: 'REMINDERS', sourceEventId: fired[0]!.source_event_id, kind: 'reminder.expiry-48h', subjectId: seeker, vars: { at: plus(START, 7 * DAY).toISOString(), helpKind: 'ADVICE_CALL' }, link: '/dashboard' },
    ]);
    // The GraphQL inbox shows it with the seeker's name.
    const inbox = await n.gql('{ notifications { nodes { category text } } }', {}, await tokenFor(mentor));
    expect(inbox.data!.notifications.nodes).toContainEqual({ category: 'REMINDERS', text: expect.stringMatching(/^Sam Seeker's request for an advice call expires in 48 hours/) });
  });

  it('given requests answered (accepted, declined) or withdrawn before the reminder is due, when the clock passes it, then no expiry reminder fires', async () => {
    clock.set(START);
    const { mentor, seeker } = await pair();
    const [a, b, c] = [scheduledRequest(mentor, seeker), scheduledRequest(mentor, seeker, 'RESUME_REVIEW'), scheduledRequest(mentor, seeker)];
    const events = [a.submitted(START), b.submitted(START), c.submitted(START)];
    await publish(topics.helpRequest, events);
    await n.applied(events);
    const answers = [a.accepted(plus(START, DAY), plus(START, 20 * DAY)), b.declined(plus(START, DAY)), c.withdrawn(plus(START, DAY))];
    await publish(topics.helpRequest, answers);
    await n.applied(answers);

    for (const r of [a, b, c]) {
      expect((await remindersOf(n.db.pool, r.ids.requestId)).filter((x) => x.kind === 'EXPIRY_48H').map((x) => x.status)).toEqual(['cancelled']);
    }
    clock.set(plus(START, 6 * DAY));
    await scheduler.runOnce();
    expect(await remindersTo([mentor, seeker])).toEqual([]);
    expect(mailsTo([mentor, seeker])).toEqual([]);
  });

  it('given an accepted session, when the clock reaches 24 h and 1 h before it, then both parties are reminded in their own zone each time', async () => {
    clock.set(START);
    const { mentor, seeker } = await pair();
    const request = scheduledRequest(mentor, seeker);
    const startsAt = new Date('2026-03-05T15:00:00Z');
    const events = [request.submitted(START), request.accepted(plus(START, HOUR), startsAt)];
    await publish(topics.helpRequest, events);
    await n.applied(events);
    expect(await findSession(n.db.pool, request.ids.requestId)).toMatchObject({ status: 'SCHEDULED', sequence: 0, durationMinutes: 45, scheduledAt: startsAt });
    expect((await remindersOf(n.db.pool, request.ids.requestId)).filter((r) => r.status === 'pending').map((r) => r.kind)).toEqual(['SESSION_24H', 'SESSION_24H', 'SESSION_1H', 'SESSION_1H']);

    clock.set(plus(startsAt, -24 * HOUR));
    await scheduler.runOnce();
    clock.set(plus(startsAt, -HOUR + 60_000));
    await scheduler.runOnce();
    await scheduler.runOnce();

    const fired = await remindersTo([mentor, seeker]);
    expect(fired.map((r) => [r.recipient_id, r.category, r.template])).toEqual(
      expect.arrayContaining([
        [mentor, 'SESSIONS', 'Your advice call with {name} starts in 24 hours, on Thu 5 Mar, 16:00 (Europe/Berlin).'],
        [seeker, 'SESSIONS', 'Your advice call with {name} starts in 24 hours, on Thu 5 Mar, 10:00 (America/New_York).'],
        [mentor, 'SESSIONS', 'Your advice call with {name} starts in 1 hour, on Thu 5 Mar, 16:00 (Europe/Berlin).'],
        [seeker, 'SESSIONS', 'Your advice call with {name} starts in 1 hour, on Thu 5 Mar, 10:00 (America/New_York).'],
      ]),
    );
    expect(fired).toHaveLength(4);
    expect(mailsTo([mentor, seeker]).map((m) => m.kind).sort()).toEqual(['reminder.session-1h', 'reminder.session-1h', 'reminder.session-24h', 'reminder.session-24h']);
  });

  it('given a session completed before its 1 h reminder, when the clock passes it, then only the 24 h reminders were sent and the session SEQUENCE rose', async () => {
    clock.set(START);
    const { mentor, seeker } = await pair();
    const request = scheduledRequest(mentor, seeker);
    const startsAt = new Date('2026-03-06T15:00:00Z');
    const events = [request.submitted(START), request.accepted(plus(START, HOUR), startsAt)];
    await publish(topics.helpRequest, events);
    await n.applied(events);
    clock.set(plus(startsAt, -23 * HOUR));
    await scheduler.runOnce();

    const completed = request.completed(plus(startsAt, -2 * HOUR), startsAt);
    await publish(topics.helpRequest, [completed]);
    await n.applied([completed]);
    clock.set(plus(startsAt, -30 * 60_000));
    await scheduler.runOnce();

    expect((await remindersTo([mentor, seeker])).map((r) => r.template.includes('24 hours'))).toEqual([true, true]);
    expect((await remindersOf(n.db.pool, request.ids.requestId)).map((r) => [r.kind, r.status]).sort()).toEqual([
      ['EXPIRY_48H', 'cancelled'],
      ['SESSION_1H', 'cancelled'],
      ['SESSION_1H', 'cancelled'],
      ['SESSION_24H', 'sent'],
      ['SESSION_24H', 'sent'],
    ]);
    expect(await findSession(n.db.pool, request.ids.requestId)).toMatchObject({ status: 'COMPLETED', sequence: 1 });
  });

  it('given a session accepted 3 h before it starts, when planned, then no 24 h reminder exists; and a scheduler down past the start drops the 1 h one', async () => {
    const acceptedAt = new Date('2026-03-10T09:00:00Z');
    clock.set(acceptedAt);
    const { mentor, seeker } = await pair('UTC', 'UTC');
    const request = scheduledRequest(mentor, seeker);
    const startsAt = plus(acceptedAt, 3 * HOUR);
    const events = [request.submitted(plus(acceptedAt, -HOUR)), request.accepted(acceptedAt, startsAt)];
    await publish(topics.helpRequest, events);
    await n.applied(events);
    // The expiry reminder planned at submission was cancelled by the acceptance.
    expect((await remindersOf(n.db.pool, request.ids.requestId)).map((r) => [r.kind, r.status]).sort()).toEqual([
      ['EXPIRY_48H', 'cancelled'],
      ['SESSION_1H', 'pending'],
      ['SESSION_1H', 'pending'],
    ]);

    clock.set(plus(startsAt, 10 * 60_000));
    const result = await scheduler.runOnce();
    expect(result.dropped).toBeGreaterThanOrEqual(2);
    expect(await remindersTo([mentor, seeker])).toEqual([]);
    expect((await remindersOf(n.db.pool, request.ids.requestId)).map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  it('given a session whose 24 h reminder was sent, when it moves two days later, then its SEQUENCE rises and the reminders are planned and fired again for the new time', async () => {
    clock.set(START);
    const { mentor, seeker } = await pair('UTC', 'UTC');
    const request = scheduledRequest(mentor, seeker);
    const startsAt = new Date('2026-03-07T15:00:00Z');
    const events = [request.submitted(START), request.accepted(plus(START, HOUR), startsAt)];
    await publish(topics.helpRequest, events);
    await n.applied(events);
    clock.set(plus(startsAt, -24 * HOUR));
    await scheduler.runOnce();
    const before = (await remindersOf(n.db.pool, request.ids.requestId)).filter((r) => r.kind !== 'EXPIRY_48H');

    // No marketplace event moves a session yet: the projection's move, in a transaction of its own.
    const movedTo = plus(startsAt, 2 * DAY);
    const client = await n.db.pool.connect();
    try {
      await client.query('BEGIN');
      expect(await rescheduleSession(client, request.ids.requestId, movedTo, clock.now().toISOString(), clock.now())).toBe(true);
      expect(await rescheduleSession(client, request.ids.requestId, movedTo, clock.now().toISOString(), clock.now())).toBe(false);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await findSession(n.db.pool, request.ids.requestId)).toMatchObject({ scheduledAt: movedTo, sequence: 1, status: 'SCHEDULED' });
    const after = (await remindersOf(n.db.pool, request.ids.requestId)).filter((r) => r.kind !== 'EXPIRY_48H');
    expect(after.map((r) => [r.kind, r.status, r.dueAt.toISOString()]).sort()).toEqual([
      ['SESSION_1H', 'pending', plus(movedTo, -HOUR).toISOString()],
      ['SESSION_1H', 'pending', plus(movedTo, -HOUR).toISOString()],
      ['SESSION_24H', 'pending', plus(movedTo, -24 * HOUR).toISOString()],
      ['SESSION_24H', 'pending', plus(movedTo, -24 * HOUR).toISOString()],
    ]);
    expect(after.some((r) => before.some((b) => b.id === r.id))).toBe(false);

    clock.set(plus(movedTo, -24 * HOUR));
    await scheduler.runOnce();
    const sent24 = (await remindersTo([mentor, seeker])).filter((r) => r.template.includes('24 hours'));
    expect(sent24).toHaveLength(4);
    expect(sent24.filter((r) => r.template.includes('Mon 9 Mar, 15:00 (UTC)'))).toHaveLength(2);
  });

  it('given an erased member, when MemberErased arrives, then their pending reminders are cancelled and nothing fires for them', async () => {
    clock.set(START);
    const { mentor, seeker } = await pair('UTC', 'UTC');
    const request = scheduledRequest(mentor, seeker);
    const submitted = request.submitted(START);
    await publish(topics.helpRequest, [submitted]);
    await n.applied([submitted]);
    const gone = erased(mentor, plus(START, HOUR).toISOString());
    await publish(topics.identity, [gone]);
    await n.applied([gone]);
    expect((await remindersOf(n.db.pool, request.ids.requestId)).map((r) => r.status)).toEqual(['cancelled']);
    clock.set(plus(START, 6 * DAY));
    await scheduler.runOnce();
    expect(await remindersTo([mentor])).toEqual([]);
  });

  it('given many due reminders, when two schedulers scan at the same time, then each reminder is fired exactly once', async () => {
    clock.set(START);
    const { mentor, seeker } = await pair('UTC', 'UTC');
    const requests = Array.from({ length: 12 }, () => scheduledRequest(mentor, seeker));
    const events = requests.map((r) => r.submitted(START));
    await publish(topics.helpRequest, events);
    await n.applied(events);

    clock.set(plus(START, 5 * DAY + HOUR));
    const other = new ReminderScheduler({ scanIntervalMs: 0 }, n.db.pool, clock, mailer, { info() {}, warn() {} } as never);
    const [a, b] = await Promise.all([scheduler.runOnce(), other.runOnce()]);

    const fired = await remindersTo([mentor]);
    expect(fired).toHaveLength(12);
    expect(new Set(fired.map((r) => r.source_event_id)).size).toBe(12);
    expect(mailsTo([mentor])).toHaveLength(12);
    expect(a.failed + b.failed).toBe(0);
  });
});
