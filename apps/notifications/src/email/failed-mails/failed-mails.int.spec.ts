import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { JwtTokens } from '@payforward/platform';
import { deleteKafkaResources, uniqueSuffix } from '@payforward/testing';
import { createSpecTopics, jwt, startNotifications, tokenFor, type SpecNotifications, type SpecTopics } from '../../notifications.spec.fixtures.js';

/** Admins see the mails the SMTP server refused for good (status failed), with whom they were for but never the address. */
jest.setTimeout(120_000);

let topics: SpecTopics;
let n: SpecNotifications;

beforeAll(async () => {
  topics = await createSpecTopics(`${uniqueSuffix()}-failed`);
  n = await startNotifications('failed_mails', topics, { consume: false });
}, 90_000);

afterAll(async () => {
  await n?.close();
  await deleteKafkaResources({ topics: topics ? Object.values(topics) : [] });
}, 60_000);

const QUERY = 'query($first: Int) { failedMails(first: $first) { id recipientId subject lastError attempts } }';

async function outboxRow(status: 'failed' | 'sent', recipientId: string, subject: string): Promise<string> {
  const id = randomUUID();
  await n.db.pool.query(
    `INSERT INTO mail_outbox (id, dedupe_key, message_id, mail_from, mail_to, subject, text_body, status, attempts, last_error)
     VALUES ($1, $2, $3, 'noreply@payforward.test', '["someone@example.org"]'::jsonb, $4, 'body', $5, 1, $6)`,
    [id, `${id}:${recipientId}:email`, `<${id}@payforward.test>`, subject, status, status === 'failed' ? '550 5.1.1 mailbox unavailable' : null],
  );
  await n.db.pool.query(`INSERT INTO mail_mentions (outbox_id, member_id, role) VALUES ($1, $2, 'recipient')`, [id, recipientId]);
  return id;
}

describe('failed mails for admins', () => {
  it('given a refused and a delivered mail, when an admin asks, then only the refused one is listed with its recipient id and the server’s answer, never the address', async () => {
    const member = uuidv7();
    const failed = await outboxRow('failed', member, 'Sam asked you for an advice call');
    await outboxRow('sent', member, 'Delivered fine');
    const admin = await new JwtTokens(jwt).issue({ memberId: uuidv7(), roles: ['MEMBER', 'ADMIN'] });

    const { data, errors } = await n.gql(QUERY, { first: 5 }, admin);
    expect(errors).toBeUndefined();
    expect(data!.failedMails).toEqual([{ id: failed, recipientId: member, subject: 'Sam asked you for an advice call', lastError: '550 5.1.1 mailbox unavailable', attempts: 1 }]);
    expect(JSON.stringify(data)).not.toContain('someone@example.org');
  });

  it('given a member or nobody signed in, then FORBIDDEN or UNAUTHENTICATED; given first out of range, then BAD_USER_INPUT on first', async () => {
    expect((await n.gql(QUERY, {}, await tokenFor(uuidv7()))).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await n.gql(QUERY, {})).errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const admin = await new JwtTokens(jwt).issue({ memberId: uuidv7(), roles: ['MEMBER', 'ADMIN'] });
    expect((await n.gql(QUERY, { first: 0 }, admin)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
