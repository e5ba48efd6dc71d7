import { useEffect, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { Link } from '../app/router';
import { badgeText, bellLabel, onReadChanged } from './notification-list';
import { NotificationReceivedDocument, UnreadCountDocument } from './notifications.documents';

/**
 * The header's bell: the unread count, kept true live. Each `notificationReceived` (pushed after
 * the notifications service committed the row) asks the server for the count again rather than
 * adding one, so a missed or repeated push never leaves the badge wrong for long.
 */
export function NotificationBell() {
  const [{ data }, refetch] = useQuery({ query: UnreadCountDocument });
  const [live] = useSubscription({ query: NotificationReceivedDocument });
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const arrived = live.data?.notificationReceived;
    if (!arrived) return;
    refetch({ requestPolicy: 'network-only' });
    setAnnouncement(`New notification: ${arrived.text}`);
  }, [live.data, refetch]);
  useEffect(() => onReadChanged(() => refetch({ requestPolicy: 'network-only' })), [refetch]);

  const unread = data?.unreadNotificationCount ?? 0;
  return (
    <>
      <Link to="/notifications" className="bell" aria-label={bellLabel(unread)} data-unread={unread}>
        <svg className="bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
            fill="currentColor"
          />
        </svg>
        {unread > 0 && <span className="bell__count">{badgeText(unread)}</span>}
      </Link>
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </>
  );
}
