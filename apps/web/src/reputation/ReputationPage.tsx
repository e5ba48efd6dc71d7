import { useState } from 'react';
import { useQuery } from 'urql';
import type { LedgerLineFragment } from '../gql/graphql';
import { useSession } from '../session/session';
import { Empty, LoadError, Loading } from '../ui/states';
import { Ledger } from './Ledger';
import { ReputationDocument } from './reputation.documents';
import { ScoreChart } from './ScoreChart';

const PAGE = 50;

/** A member's score, level, badges, paid-forward count and the ledger that explains them. */
export function ReputationPage({ memberId }: { memberId?: string }) {
  const { me } = useSession();
  const id = memberId ?? me?.id ?? '';
  const own = id === me?.id;
  const [first, setFirst] = useState(PAGE);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ReputationDocument, variables: { memberId: id, first }, pause: !id });
  const reputation = data?.reputation;
  const lines = (reputation?.ledger.nodes ?? []) as LedgerLineFragment[];

  return (
    <section>
      <h1 tabIndex={-1}>{own ? 'Your reputation' : reputation ? `${reputation.member.displayName}'s reputation` : 'Reputation'}</h1>
      {error && !data && <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <Loading what="reputation" />}
      {data && !reputation && (
        <Empty title="No reputation yet.">Reputation appears a moment after a member joins, and grows as they help others.</Empty>
      )}
      {reputation && (
        <>
          <div className="stats">
            <div className="stat">
              <span className="stat__value">{reputation.score}</span>
              <span className="stat__label">points</span>
            </div>
            <div className="stat">
              <span className="stat__value">{reputation.level}</span>
              <span className="stat__label">level</span>
            </div>
            <div className="stat">
              <span className="stat__value">{reputation.paidForwardCount}</span>
              <span className="stat__label">times paid forward</span>
            </div>
            <div className="stat">
              <span className="stat__value stat__value--small">{reputation.badges.length ? reputation.badges.join(', ') : 'None yet'}</span>
              <span className="stat__label">badges</span>
            </div>
          </div>
          <p className="muted">
            Points come only from help that happened: completions, feedback, and paying it forward. Declining or not answering never costs anything.
          </p>
          <ScoreChart lines={lines} score={reputation.score} />
          <div className="page-head">
            <h2>{own ? 'Why your score changed' : 'Ledger'}</h2>
            <button type="button" className="button button--link" onClick={() => refetch({ requestPolicy: 'network-only' })}>
              Refresh
            </button>
          </div>
          <Ledger lines={lines} />
          {reputation.ledger.hasNextPage && (
            <button type="button" className="button button--quiet more" onClick={() => setFirst(first + PAGE)} disabled={fetching}>
              Show older lines ({reputation.ledger.totalCount - lines.length} more)
            </button>
          )}
        </>
      )}
    </section>
  );
}
