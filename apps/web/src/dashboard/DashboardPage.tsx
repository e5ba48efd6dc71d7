import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useRefetchWhile } from '../api/eventual';
import type { DashboardFieldsFragment } from '../gql/graphql';
import { useSession } from '../session/session';
import { plural } from '../ui/format';
import { Empty, LoadError, Loading } from '../ui/states';
import { AvailabilityEditor } from './AvailabilityEditor';
import { sortLoads } from './capacity';
import { CapacityBar } from './CapacityBar';
import { DashboardChangedDocument, MentorDashboardDocument } from './dashboard.documents';
import { OfferManager } from './OfferManager';
import { PendingRequest } from './PendingRequest';
import { busyFrom } from './slots';
import { UpcomingList } from './UpcomingList';

/** Re-renders every minute so ages ("waiting 5 minutes") and "can complete now" stay true. */
function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The mentor's availability dashboard. The query gives the first picture; the
 * mentorDashboardChanged subscription replaces it whenever anything changes (a new, withdrawn or
 * expired request, capacity), so new requests appear without a reload. After the mentor's own
 * actions the query is refetched (urql invalidates it by type), and whichever came last is shown.
 */
export function DashboardPage() {
  const { me } = useSession();
  const now = useNow();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MentorDashboardDocument });
  const [live] = useSubscription({ query: DashboardChangedDocument });
  const [latest, setLatest] = useState<DashboardFieldsFragment | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const seenPending = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (data) setLatest(data.mentorDashboard as DashboardFieldsFragment);
  }, [data]);
  useEffect(() => {
    if (live.data) setLatest(live.data.mentorDashboardChanged as DashboardFieldsFragment);
  }, [live.data]);

  // Announce requests that arrived live, politely, for screen-reader users.
  useEffect(() => {
    if (!latest) return;
    const ids = new Set(latest.pending.map((p) => p.id));
    if (seenPending.current) {
      const fresh = latest.pending.filter((p) => !seenPending.current!.has(p.id));
      if (fresh.length) setAnnouncement(`New request from ${fresh.map((p) => p.seeker.displayName).join(', ')}.`);
    }
    seenPending.current = ids;
  }, [latest]);

  // An accepted seeker's contact is granted a moment after the acceptance: fetch again until it is there.
  useRefetchWhile(!!latest?.upcoming.some((u) => !u.seeker.contact), () => refetch({ requestPolicy: 'network-only' }));

  const busy = useMemo(() => busyFrom(latest?.upcoming ?? []), [latest]);
  const connected = !live.error && (live.data !== undefined || live.fetching);

  return (
    <section className="dashboard">
      <div className="page-head">
        <h1 tabIndex={-1}>Mentor dashboard</h1>
        <span className={connected ? 'live live--on' : 'live'} role="status">
          {connected ? 'Live: new requests appear here by themselves' : 'Live updates paused; reconnecting…'}
        </span>
      </div>
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
      {!latest && error && <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!latest && !error && fetching && <Loading what="your dashboard" />}
      {latest && (
        <>
          <h2>Capacity this period</h2>
          {latest.offers.length === 0 ? (
            <Empty title="No offers yet.">Publish one under “Your offers” below; its capacity bar appears here.</Empty>
          ) : (
            <div className="load-grid">
              {sortLoads(latest.offers).map((load) => (
                <CapacityBar key={load.offer.id} load={load} now={now} />
              ))}
            </div>
          )}

          <h2>
            Pending requests <span className="count">{latest.pending.length}</span>
          </h2>
          {latest.pending.length === 0 ? (
            <Empty title="No one is waiting for an answer.">New requests appear here live, oldest first.</Empty>
          ) : (
            <>
              <p className="muted small">Oldest first. {plural(latest.pending.length, 'person is', 'people are')} waiting; a kind “no” is better than silence.</p>
              <ol className="list pending-list">
                {latest.pending.map((request) => (
                  <PendingRequest key={request.id} request={request} availability={latest.availability} busy={busy} />
                ))}
              </ol>
            </>
          )}

          <h2>Upcoming sessions (14 days)</h2>
          <UpcomingList upcoming={latest.upcoming} now={now} />

          <h2>Weekly availability</h2>
          <AvailabilityEditor availability={latest.availability} fallbackZone={me?.timezone ?? 'UTC'} />

          <h2>Your offers</h2>
          <OfferManager offers={latest.offers.map((l) => l.offer)} />
        </>
      )}
    </section>
  );
}
