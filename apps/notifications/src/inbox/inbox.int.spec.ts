import { jest } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { ERASED_MEMBER_NAME } from '@payforward/contracts';
import { PersonalDataCodec } from '@payforward/platform';
import { deleteKafkaResources, uniqueSuffix } from '@payforward/testing';
import { createSpecTopics, envelope, erased, helpRequest, march, publish, registered, startNotifications, tokenFor, type SpecNotifications, type SpecTopics } from '../notifications.spec.fixtures.js';
import { handleEvent } from './notifications.consumer.js';

/**
 * The inbox on real Kafka and PostgreSQL, on the spec's own topics and group: events become one
 * notification per (event, recipient) however often they arrive, the GraphQL inbox reads and
 * marks them, and an erased member's name is gone from every table.
 */
jest.setTimeout(120_000);

const suffix = uniqueSuffix();
let topics: SpecTopics;
let n: SpecNotifications;

beforeAll(async () => {
  topics = await createSpecTopics(suffix);
  n = await startNotifications('inbox', topics);
}, 90_000);

afterAll(async () => {
  await n?.close();
  await deleteKafkaResources({ topics: topics ? Object.values(topics) : [] });
}, 60_000);

const INBOX = 'query($first: Int, $after: String, $unreadOnly: Boolean) { notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { totalCount hasNextPage endCursor nodes { id category text link read } } unreadNotificationCount }';
const rowsFor = async (recipient: string) => Number((await n.db.pool.query('SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1', [recipient])).rows[0].n);

describe('notifications: the in-app inbox', () => {
  it('given the same events delivered three times, when consumed, then each recipient has exactly one notification per event', async () => {
    const [mentor, seeker] = [uuidv7(), uuidv7()];
    const request = helpRequest(mentor, seeker);
    const members = [registered(mentor, 'Dana Mentor', march(1)), registered(seeker, 'Sam Seeker', march(1))];
    const events = [request.submitted(march(2)), request.accepted(march(3))];
    await publish(topics.identity, members);
    for (let i = 0; i < 3; i++) await publish(topics.helpRequest, events);
    await n.applied([...members, ...events]);

    expect(await rowsFor(mentor)).toBe(1);
    expect(await rowsFor(seeker)).toBe(1);

    // A redelivery that slips past the processed-event ids (another group, a replay): the unique key holds.
    const client = await n.db.pool.connect();
    try {
      await client.query('BEGIN');
      for (const e of events) expect(await handleEvent(e, client)).toEqual([]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await rowsFor(mentor)).toBe(1);
    expect(await rowsFor(seeker)).toBe(1);
  });

  it('given a mentor with new requests, when they read and mark the inbox, then it pages newest first and the unread count follows', async () => {
    const [mentor, a, b] = [uuidv7(), uuidv7(), uuidv7()];
    const members = [registered(mentor, 'Mia', march(1)), registered(a, 'Ann', march(1)), registered(b, 'Bob', march(1))];
    const fromAnn = helpRequest(mentor, a).submitted(march(5));
    const fromBob = helpRequest(mentor, b, 'RESUME_REVIEW').submitted(march(6));
    await publish(topics.identity, members);
    await publish(topics.helpRequest, [fromAnn, fromBob]);
    await n.applied([...members, fromAnn, fromBob]);
    const token = await tokenFor(mentor);

    const first = (await n.gql(INBOX, { first: 1 }, token)).data!;
    expect(first.unreadNotificationCount).toBe(2);
    expect(first.notifications).toMatchObject({ totalCount: 2, hasNextPage: true, nodes: [{ category: 'REQUESTS', text: 'Bob asked you for a résumé review.', link: '/dashboard', read: false }] });
    const second = (await n.gql(INBOX, { first: 1, after: first.notifications.endCursor }, token)).data!;
    expect(second.notifications).toMatchObject({ hasNextPage: false, nodes: [{ text: 'Ann asked you for an advice call.' }] });

    const marked = await n.gql('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [first.notifications.nodes[0].id] }, token);
    expect(marked.data).toEqual({ markNotificationsRead: 1 });
    const unread = (await n.gql(INBOX, { unreadOnly: true }, token)).data!;
    expect(unread.unreadNotificationCount).toBe(1);
    expect(unread.notifications.nodes.map((x: { text: string }) => x.text)).toEqual(['Ann asked you for an advice call.']);
    expect((await n.gql('mutation { markNotificationsRead(all: true) }', {}, token)).data).toEqual({ markNotificationsRead: 1 });
    expect((await n.gql('{ unreadNotificationCount }', {}, token)).data).toEqual({ unreadNotificationCount: 0 });
  });

  it('given another member’s notification ids, when marked read, then nothing of theirs changes', async () => {
    const [mentor, seeker, stranger] = [uuidv7(), uuidv7(), uuidv7()];
    const submitted = helpRequest(mentor, seeker).submitted(march(7));
    await publish(topics.helpRequest, [submitted]);
    await n.applied([submitted]);
    const { rows } = await n.db.pool.query('SELECT id FROM notifications WHERE recipient_id = $1', [mentor]);
    const result = await n.gql('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [rows[0].id] }, await tokenFor(stranger));
    expect(result.data).toEqual({ markNotificationsRead: 0 });
    expect((await n.gql('{ unreadNotificationCount }', {}, await tokenFor(mentor))).data).toEqual({ unreadNotificationCount: 1 });
  });

  it.each([
    ['neither ids nor all', '{}', 'ids'],
    ['both', '{ "ids": [], "all": true }', 'all'],
    ['an id that is none', '{ "ids": ["nope"] }', 'ids'],
  ])('given %s, when marking read, then BAD_USER_INPUT names the field', async (_, variables, field) => {
    const result = await n.gql('mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }', JSON.parse(variables), await tokenFor(uuidv7()));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('given an admin reverses a flag naming two members, when consumed, then each of them (and nobody else) hears the outcome', async () => {
    const [dana, eli, admin] = [uuidv7(), uuidv7(), uuidv7()];
    const decision = envelope('FlagReversed', 'reputation-admin', 1, march(9), { flagId: uuidv7(), memberIds: [dana, eli], adminId: admin, note: 'Staged sessions', at: march(9) }, admin);
    await publish(topics.reputation, [decision]);
    await n.applied([decision]);

    for (const member of [dana, eli]) {
      const inbox = (await n.gql(INBOX, { first: 5 }, await tokenFor(member))).data!;
      expect(inbox.notifications.nodes).toEqual([
        expect.objectContaining({ category: 'REPUTATION', link: '/reputation', text: 'An admin reviewed activity flagged for review on your account and reversed the points it named.' }),
      ]);
    }
    expect(await rowsFor(admin)).toBe(0);
  });

  it('given a flag raised, when consumed, then every admin (registered as one or granted the role) is told, and nobody else', async () => {
    const [founder, granted, member, anyone] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const members = [
      registered(founder, 'Founding Admin', march(1), ['MEMBER', 'ADMIN']),
      registered(granted, 'Granted Admin', march(1)),
      envelope('AdminRoleGranted', `member-${granted}`, 2, march(2), { memberId: granted, role: 'ADMIN', adminId: founder, grantedAt: march(2) }, founder),
      registered(member, 'Plain Member', march(1)),
    ];
    const raised = envelope('FlagRaised', `reputation-flag-${anyone}`, 1, march(10), { flagId: anyone, kind: 'BURST', memberIds: [member], raisedAt: march(10) }, 'system:reputation-projection');
    await publish(topics.identity, members);
    await n.applied(members);
    await publish(topics.flags, [raised]);
    await n.applied([raised]);

    for (const admin of [founder, granted]) {
      const inbox = (await n.gql(INBOX, { first: 5 }, await tokenFor(admin))).data!;
      expect(inbox.notifications.nodes).toEqual([
        expect.objectContaining({ category: 'ADMIN', link: '/admin', text: 'A new flag is waiting in the review queue: one mentor completing unusually many requests in a day.' }),
      ]);
    }
    expect(await rowsFor(member)).toBe(0);
  });

  it('given no token, when reading the inbox, then UNAUTHENTICATED', async () => {
    const result = await n.gql('{ unreadNotificationCount }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('given a seeker named in others’ inboxes, when their key is erased and MemberErased arrives, then no table holds the name', async () => {
    const [mentor, seeker] = [uuidv7(), uuidv7()];
    const NAME = `Quintessa Vale-${suffix}`;
    const codec = n.app.get(PersonalDataCodec);
    const seekerRegistered = await codec.sealEvent(registered(seeker, NAME, march(1)));
    const submitted = helpRequest(mentor, seeker).submitted(march(8));
    await publish(topics.identity, [seekerRegistered]);
    await publish(topics.helpRequest, [submitted]);
    await n.applied([seekerRegistered, submitted]);
    const mentorToken = await tokenFor(mentor);
    expect((await n.gql(INBOX, {}, mentorToken)).data!.notifications.nodes[0].text).toBe(`${NAME} asked you for an advice call.`);

    await codec.keys.erase(seeker);
    const gone = erased(seeker, march(9));
    await publish(topics.identity, [gone]);
    await n.applied([gone]);

    expect((await n.gql(INBOX, {}, mentorToken)).data!.notifications.nodes[0].text).toBe(`${ERASED_MEMBER_NAME} asked you for an advice call.`);
    const tables = (await n.db.pool.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((row) => row.tablename as string);
    for (const table of tables) {
      const hits = Number((await n.db.pool.query(`SELECT count(*)::int AS n FROM "${table}" t WHERE strpos(t::text, $1) > 0`, [NAME])).rows[0].n);
      expect({ table, hits }).toEqual({ table, hits: 0 });
    }
  });
});
