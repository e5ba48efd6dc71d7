import { useState } from 'react';
import { useQuery } from 'urql';
import { Link, navigate } from '../app/router';
import { graphql } from '../gql';
import type { OfferSummaryFragment } from '../gql/graphql';
import { useSession } from '../session/session';
import { KIND_LABELS } from '../ui/format';
import { Empty, LoadError, Loading } from '../ui/states';
import { capacityText, MentorLine } from './OfferCard';
import { ReferralExplainer } from './ReferralExplainer';
import { RequestForm } from './RequestForm';

const OfferDocument = graphql(`
  query Offer($id: ID!) {
    offer(id: $id) { ...OfferSummary minCompletedEngagements workedTogetherOnly }
  }
`);

/** One offer, and the request form that teaches a good ask. */
export function OfferPage({ id }: { id: string }) {
  const { me } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OfferDocument, variables: { id } });
  const [sent, setSent] = useState<string | null>(null);
  const offer = data?.offer as (OfferSummaryFragment & { minCompletedEngagements?: number | null; workedTogetherOnly: boolean }) | null | undefined;

  if (error && !data) return (<section><h1 tabIndex={-1}>Offer</h1><LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /></section>);
  if (!data) return (<section><h1 tabIndex={-1}>Offer</h1>{fetching && <Loading what="the offer" />}</section>);
  if (!offer) {
    return (
      <section>
        <h1 tabIndex={-1}>Offer not found</h1>
        <Empty title="This offer does not exist or was removed.">
          <Link to="/">Browse other offers</Link>
        </Empty>
      </section>
    );
  }
  const own = me?.id === offer.mentor.id;
  const open = offer.status === 'ACTIVE' && offer.remainingCapacity > 0;

  return (
    <section className="offer-page">
      <p>
        <Link to="/">← All offers</Link>
      </p>
      <div className="offer-page__layout">
        <div>
          <span className={`kind kind--${offer.kind.toLowerCase()}`}>{KIND_LABELS[offer.kind]}</span>
          <h1 tabIndex={-1}>{offer.title}</h1>
          <MentorLine mentor={offer.mentor} />
          <p className="offer-page__description">{offer.description}</p>
          <ul className="topics" aria-label="Topics">
            {offer.topics.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
          <dl className="facts">
            <dt>Places</dt>
            <dd>{capacityText(offer)}</dd>
            {offer.durationMinutes && (
              <>
                <dt>Length</dt>
                <dd>{offer.durationMinutes} minutes</dd>
              </>
            )}
            <dt>Status</dt>
            <dd>{offer.status === 'ACTIVE' ? 'Open for requests' : offer.status === 'PAUSED' ? 'Paused by the mentor' : 'Retired'}</dd>
          </dl>
          {offer.kind === 'REFERRAL' && (
            <ReferralExplainer mentorId={offer.mentor.id} mentorName={offer.mentor.displayName} minCompleted={offer.minCompletedEngagements ?? 1} workedTogetherOnly={offer.workedTogetherOnly} />
          )}
        </div>
        <div>
          {sent ? (
            <div className="card alert alert--success" role="status">
              <h2>Request sent</h2>
              <p>{offer.mentor.displayName} will see it on their dashboard. You will find the answer under My requests.</p>
              <button type="button" className="button" onClick={() => navigate('/requests')}>
                Go to My requests
              </button>
            </div>
          ) : own ? (
            <Empty title="This is your own offer.">
              <Link to="/dashboard">Manage it on your dashboard</Link>
            </Empty>
          ) : !me ? (
            <Empty title="Sign in to ask for help.">
              <p>
                <Link to="/signin">Sign in</Link> or <Link to="/register">create an account</Link>: your contact details stay private until a mentor accepts.
              </p>
            </Empty>
          ) : !open ? (
            <Empty title={offer.status === 'ACTIVE' ? 'No places left right now.' : 'This offer is not taking requests.'}>
              <Link to={`/?kind=${offer.kind}`}>See similar offers</Link>
            </Empty>
          ) : (
            <RequestForm offerId={offer.id} kind={offer.kind} mentorName={offer.mentor.displayName} onSent={setSent} />
          )}
        </div>
      </div>
    </section>
  );
}
