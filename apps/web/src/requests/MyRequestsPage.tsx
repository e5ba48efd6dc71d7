import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { useRefetchWhile } from '../api/eventual';
import { Link } from '../app/router';
import type { Party, RequestDetailsFragment } from '../gql/graphql';
import { Empty, LoadError, Loading } from '../ui/states';
import { Tabs } from '../ui/tabs';
import { AwaitingYou } from './AwaitingYou';
import { RequestCard } from './RequestCard';
import { MyRequestsDocument } from './requests.documents';

const TABS: { value: Party; label: string }[] = [
  { value: 'SEEKER', label: 'I asked' },
  { value: 'MENTOR', label: 'I was asked' },
];

/** The member's requests, as seeker or as mentor, newest first. */
export function MyRequestsPage() {
  const [as, setAs] = useState<Party>('SEEKER');
  const [now, setNow] = useState(() => new Date());
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyRequestsDocument, variables: { as } });
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const requests = (data?.myRequests ?? []) as RequestDetailsFragment[];
  // Contacts are granted a moment after an acceptance (eventually consistent): ask again until they arrive.
  const counterpart = (r: RequestDetailsFragment) => (as === 'SEEKER' ? r.mentor : r.seeker);
  useRefetchWhile(
    requests.some((r) => r.status === 'ACCEPTED' && r.kind !== 'INTRO' && !counterpart(r).contact),
    () => refetch({ requestPolicy: 'network-only' }),
  );

  return (
    <section>
      <h1 tabIndex={-1}>My requests</h1>
      <AwaitingYou />
      <Tabs label="Whose requests" tabs={TABS} value={as} onChange={setAs} onRefresh={() => refetch({ requestPolicy: 'network-only' })} />
      {error && !data && <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <Loading what="your requests" />}
      {data && requests.length === 0 && (
        <Empty title={as === 'SEEKER' ? 'You have not asked anyone yet.' : 'Nobody has asked you yet.'}>
          {as === 'SEEKER' ? <Link to="/">Find an offer that fits your goal</Link> : <Link to="/dashboard">Publish an offer on your dashboard</Link>}
        </Empty>
      )}
      <ul className="list">
        {requests.map((r) => (
          <RequestCard key={r.id} request={r} as={as} now={now} />
        ))}
      </ul>
    </section>
  );
}
