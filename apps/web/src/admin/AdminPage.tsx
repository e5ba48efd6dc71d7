import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Link, navigate } from '../app/router';
import type { FlagStatus } from '../gql/graphql';
import { Field } from '../ui/field';
import { Empty, LoadError, Loading } from '../ui/states';
import { Tabs } from '../ui/tabs';
import { FlagsDocument, LeaderboardDocument } from './admin.documents';
import { FlagCard } from './FlagCard';
import { ProjectionsPanel } from './ProjectionsPanel';

const STATUSES: { value: FlagStatus; label: string }[] = [
  { value: 'OPEN', label: 'Open' },
  { value: 'REVERSED', label: 'Reversed' },
  { value: 'DISMISSED', label: 'Dismissed' },
];

function FlagQueue() {
  const [status, setStatus] = useState<FlagStatus>('OPEN');
  const [{ data, fetching, error }, refetch] = useQuery({ query: FlagsDocument, variables: { status } });
  return (
    <>
      <Tabs label="Flags by status" tabs={STATUSES} value={status} onChange={setStatus} onRefresh={() => refetch({ requestPolicy: 'network-only' })} />
      {error && !data && <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <Loading what="flags" />}
      {data && data.reputationFlags.length === 0 && <Empty title={status === 'OPEN' ? 'No open flags: nothing needs a look.' : 'None yet.'} />}
      <ul className="list">
        {data?.reputationFlags.map((flag) => (
          <FlagCard key={flag.id} flag={flag} />
        ))}
      </ul>
    </>
  );
}

/** Members are reached from the flags, the leaderboard, or by id: their ledger and event history. */
function MemberFinder() {
  const [id, setId] = useState('');
  const [{ data }] = useQuery({ query: LeaderboardDocument, variables: { first: 10 } });
  const open = (event: FormEvent) => {
    event.preventDefault();
    if (id.trim()) navigate(`/admin/members/${encodeURIComponent(id.trim())}`);
  };
  return (
    <div className="card">
      <form className="inline" onSubmit={open}>
        <Field label="Member id">
          <input value={id} onChange={(e) => setId(e.target.value)} />
        </Field>
        <button type="submit" className="button button--quiet">
          Open ledger and history
        </button>
      </form>
      {data && data.leaderboard.length > 0 && (
        <>
          <h3 className="leaderboard__title">Highest scores</h3>
          <ol className="leaderboard">
            {data.leaderboard.map((r) => (
              <li key={r.member.id}>
                <Link to={`/admin/members/${r.member.id}`}>{r.member.displayName}</Link> <span className="muted small">· {r.score} points · {r.level}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/** Admins only (the API refuses everyone else too): the flag queue, members' ledgers, projection health. */
export function AdminPage() {
  return (
    <section>
      <h1 tabIndex={-1}>Admin reputation review</h1>
      <p className="lead">Flags are raised by the anti-gaming rules. Every decision takes a note and stays in the audit trail.</p>
      <h2>Flag queue</h2>
      <FlagQueue />
      <h2>Members</h2>
      <MemberFinder />
      <h2>Projections</h2>
      <ProjectionsPanel />
    </section>
  );
}
