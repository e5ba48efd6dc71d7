import { useEffect, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { errorSentence } from '../api/errors';
import { Link } from '../app/router';
import { formatDateTime, plural } from '../ui/format';
import { ActionProblem, Empty, LoadError, Loading } from '../ui/states';
import { announceReadChanged, CATEGORY_LABELS, internalLink, markedRead, mergeNotifications, type NotificationItem } from './notification-list';
import { MarkNotificationsReadDocument, NotificationReceivedDocument, NotificationsDocument } from './notifications.documents';

export const PAGE_SIZE = 20;

/**
 * The member's notifications, newest first. The first page comes from the query, older pages
 * with "Show older" (the connection's cursor), new ones live from `notificationReceived`; all
 * three are merged by id. Opening one marks it read and follows its link.
 */
export function NotificationsPage() {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: NotificationsDocument, variables: { first: PAGE_SIZE, after }, requestPolicy: 'network-only' });
  const [live] = useSubscription({ query: NotificationReceivedDocument });
  const [, markRead] = useMutation(MarkNotificationsReadDocument);
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  const [more, setMore] = useState<{ cursor: string | null; hasNext: boolean }>({ cursor: null, hasNext: false });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!data) return;
    const page = data.notifications;
    setItems((current) => mergeNotifications(current ?? [], page.nodes));
    // Only the oldest page loaded so far decides where "Show older" continues.
    setMore((m) => (after === null && m.cursor !== null ? m : { cursor: page.endCursor ?? null, hasNext: page.hasNextPage }));
  }, [data, after]);
  useEffect(() => {
    const arrived = live.data?.notificationReceived;
    if (arrived) setItems((current) => mergeNotifications(current ?? [], [arrived]));
  }, [live.data]);

  const read = async (ids: string[] | 'all') => {
    setProblem(null);
    const result = await markRead(ids === 'all' ? { all: true } : { ids });
    if (result.error) return setProblem(errorSentence(result.error));
    setItems((current) => markedRead(current ?? [], ids));
    announceReadChanged();
  };

  const unread = items?.filter((n) => !n.read).length ?? 0;
  return (
    <section className="notifications">
      <div className="page-head">
        <h1 tabIndex={-1}>Notifications</h1>
        <Link to="/settings/notifications">E-mail and calendar settings</Link>
      </div>
      {!items && error && <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!items && !error && fetching && <Loading what="your notifications" />}
      {items && items.length === 0 && (
        <Empty title="Nothing yet.">When someone asks for your help or answers your request, you will read it here first.</Empty>
      )}
      {items && items.length > 0 && (
        <>
          <div className="actions notifications__bar">
            <p className="muted small" role="status">
              {unread === 0 ? 'All read.' : `${plural(unread, 'unread notification')}.`}
            </p>
            <button type="button" className="button button--quiet" disabled={unread === 0} onClick={() => void read('all')}>
              Mark all as read
            </button>
          </div>
          <ActionProblem problem={problem} />
          <ol className="list notification-list">
            {items.map((n) => (
              <NotificationRow key={n.id} notification={n} onRead={(id) => void read([id])} />
            ))}
          </ol>
          {more.hasNext && (
            <button type="button" className="button button--quiet more" disabled={fetching} onClick={() => setAfter(more.cursor)}>
              {fetching ? 'Loading…' : 'Show older notifications'}
            </button>
          )}
          {after !== null && error && <ActionProblem problem={errorSentence(error)} />}
        </>
      )}
    </section>
  );
}

function NotificationRow({ notification: n, onRead }: { notification: NotificationItem; onRead(id: string): void }) {
  const link = internalLink(n.link);
  const textId = `notification-${n.id}`;
  return (
    <li className={n.read ? 'card notification' : 'card notification notification--unread'} aria-labelledby={textId}>
      <div className="notification__head">
        <span className="pill">{CATEGORY_LABELS[n.category] ?? n.category}</span>
        <time dateTime={n.createdAt} className="muted small">
          {formatDateTime(n.createdAt)}
        </time>
        {!n.read && <span className="notification__unread">Unread</span>}
      </div>
      <p id={textId} className="notification__text">
        {link ? (
          <Link to={link} onClick={() => !n.read && onRead(n.id)}>
            {n.text}
          </Link>
        ) : (
          n.text
        )}
      </p>
      {!n.read && (
        <button type="button" className="button button--link" aria-describedby={textId} onClick={() => onRead(n.id)}>
          Mark as read
        </button>
      )}
    </li>
  );
}
