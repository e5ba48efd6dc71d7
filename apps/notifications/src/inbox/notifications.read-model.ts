import type pg from 'pg';
import { badInput } from '@payforward/contracts';
import { v5 as uuidv5 } from 'uuid';
import { renderText, type NotificationCategory, type NotificationDraft } from '../rules/notification.rules.js';

type Db = pg.Pool | pg.ClientBase;

/** The PostgreSQL NOTIFY channel carrying "a notification was stored" (payload: its id). */
export const INBOX_CHANNEL = 'notifications_inbox';

export interface NotificationView {
  id: string;
  recipientId: string;
  category: NotificationCategory;
  text: string;
  link: string | null;
  read: boolean;
  createdAt: Date;
}

export interface NotificationPage {
  nodes: NotificationView[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

interface Row {
  id: string;
  recipient_id: string;
  category: NotificationCategory;
  template: string;
  display_name: string | null;
  link: string | null;
  read: boolean;
  created_at: Date;
}

const COLUMNS = `n.id, n.recipient_id, n.category, n.template, m.display_name, n.link, n.read, n.created_at
                 FROM notifications n LEFT JOIN members m ON m.id = n.subject_id`;

const toView = (row: Row): NotificationView => ({
  id: row.id,
  recipientId: row.recipient_id,
  category: row.category,
  text: renderText(row.template, row.display_name),
  link: row.link,
  read: row.read,
  createdAt: row.created_at,
});

/** The namespace of notification ids (UUIDv5), fixed forever: changing it would re-key every notification. */
const NOTIFICATION_NAMESPACE = '6f0c1d2e-8a4b-5c3d-9e7f-0a1b2c3d4e5f';

/** Stable per (event, recipient, channel), so even the id of a replayed notification is the same. */
export const notificationId = (sourceEventId: string, recipientId: string): string => uuidv5(`${sourceEventId}|${recipientId}|in_app`, NOTIFICATION_NAMESPACE);

/**
 * Stores the drafts of one event in the consumer's transaction; the unique key skips what a
 * redelivery already stored, and only rows really inserted are announced (NOTIFY is delivered
 * after the commit, so a subscriber never hears of a notification a rollback undid).
 */
export async function storeNotifications(tx: pg.ClientBase, sourceEventId: string, drafts: NotificationDraft[], createdAt: string): Promise<string[]> {
  const stored: string[] = [];
  for (const draft of drafts) {
    const { rows } = await tx.query<{ id: string }>({
      name: 'notifications-store',
      text: `INSERT INTO notifications (id, source_event_id, recipient_id, channel, category, template, subject_id, link, created_at)
             VALUES ($1, $2, $3, 'in_app', $4, $5, $6, $7, $8)
             ON CONFLICT (source_event_id, recipient_id, channel) DO NOTHING RETURNING id`,
      values: [notificationId(sourceEventId, draft.recipientId), sourceEventId, draft.recipientId, draft.category, draft.template, draft.subjectId, draft.link, createdAt],
    });
    if (rows[0]) {
      stored.push(rows[0].id);
      await tx.query({ name: 'notifications-announce', text: `SELECT pg_notify('${INBOX_CHANNEL}', $1)`, values: [rows[0].id] });
    }
  }
  return stored;
}

export async function findNotification(db: Db, id: string): Promise<NotificationView | null> {
  const { rows } = await db.query<Row>({ name: 'notifications-find', text: `SELECT ${COLUMNS} WHERE n.id = $1`, values: [id] });
  return rows[0] ? toView(rows[0]) : null;
}

/** Opaque cursor: the position (created time, id) of the last notification of a page. */
const encodeCursor = (view: NotificationView): string => Buffer.from(`${view.createdAt.toISOString()}|${view.id}`, 'utf8').toString('base64url');

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const valid = rest.length === 0 && !!id && /^[0-9a-f-]{36}$/i.test(id) && !!createdAt && !Number.isNaN(Date.parse(createdAt));
  if (!valid) throw badInput('after', 'This is not a cursor of this list; pass an endCursor you received.');
  return { createdAt: createdAt!, id: id! };
}

/** The member's inbox, newest first, `first` at a time after `after`. */
export async function listNotifications(db: Db, recipientId: string, first: number, after: string | null, unreadOnly: boolean): Promise<NotificationPage> {
  const position = after ? decodeCursor(after) : null;
  const { rows } = await db.query<Row>({
    name: 'notifications-list',
    text: `SELECT ${COLUMNS}
            WHERE n.recipient_id = $1 AND (NOT $2::boolean OR NOT n.read)
              AND ($3::timestamptz IS NULL OR (n.created_at, n.id) < ($3::timestamptz, $4::uuid))
            ORDER BY n.created_at DESC, n.id DESC LIMIT $5`,
    values: [recipientId, unreadOnly, position?.createdAt ?? null, position?.id ?? null, first + 1],
  });
  const { rows: counts } = await db.query<{ total: number }>({
    name: 'notifications-total',
    text: 'SELECT count(*)::int AS total FROM notifications WHERE recipient_id = $1 AND (NOT $2::boolean OR NOT read)',
    values: [recipientId, unreadOnly],
  });
  const nodes = rows.slice(0, first).map(toView);
  const last = nodes[nodes.length - 1];
  return { nodes, totalCount: counts[0]?.total ?? 0, endCursor: last ? encodeCursor(last) : null, hasNextPage: rows.length > first };
}

export async function unreadCount(db: Db, recipientId: string): Promise<number> {
  const { rows } = await db.query<{ unread: number }>({
    name: 'notifications-unread',
    text: 'SELECT count(*)::int AS unread FROM notifications WHERE recipient_id = $1 AND NOT read',
    values: [recipientId],
  });
  return rows[0]?.unread ?? 0;
}

/** Marks the member's own notifications read (ids not theirs are ignored); answers how many changed. */
export async function markRead(db: Db, recipientId: string, ids: string[] | null): Promise<number> {
  const { rowCount } = await db.query({
    name: 'notifications-mark-read',
    text: 'UPDATE notifications SET read = true WHERE recipient_id = $1 AND NOT read AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))',
    values: [recipientId, ids],
  });
  return rowCount ?? 0;
}
