import { Link } from '../app/router';
import { graphql } from '../gql';
import type { OfferSummaryFragment } from '../gql/graphql';
import { KIND_LABELS } from '../ui/format';

export const OfferSummary = graphql(`
  fragment OfferSummary on Offer {
    id kind title description topics capacity period durationMinutes remainingCapacity status
    mentor { id displayName headline reputation { score level badges } }
  }
`);

export function capacityText(offer: Pick<OfferSummaryFragment, 'remainingCapacity' | 'capacity' | 'period'>): string {
  const period = offer.period === 'WEEK' ? 'this week' : 'this month';
  if (offer.remainingCapacity <= 0) return `Full ${period}: capacity renews next ${offer.period === 'WEEK' ? 'week' : 'month'}`;
  return `${offer.remainingCapacity} of ${offer.capacity} ${offer.capacity === 1 ? 'place' : 'places'} left ${period}`;
}

export function MentorLine({ mentor }: { mentor: OfferSummaryFragment['mentor'] }) {
  const reputation = mentor.reputation;
  return (
    <div className="mentor-line">
      <Link to={`/reputation/${mentor.id}`} className="mentor-line__name">
        {mentor.displayName}
      </Link>
      {mentor.headline && <span className="muted"> · {mentor.headline}</span>}
      <div className="mentor-line__reputation">
        {reputation ? (
          <>
            <span className="pill" title="Reputation score">
              {reputation.score} points
            </span>
            <span className="pill pill--level">{reputation.level}</span>
            {reputation.badges.map((badge) => (
              <span key={badge} className="pill pill--badge">
                {badge}
              </span>
            ))}
          </>
        ) : (
          <span className="muted small">New to Payforward</span>
        )}
      </div>
    </div>
  );
}

export function OfferCard({ offer }: { offer: OfferSummaryFragment }) {
  const full = offer.remainingCapacity <= 0;
  return (
    <article className="card offer-card" aria-labelledby={`offer-${offer.id}`}>
      <div className="offer-card__head">
        <span className={`kind kind--${offer.kind.toLowerCase()}`}>{KIND_LABELS[offer.kind]}</span>
        {offer.durationMinutes && <span className="muted small">{offer.durationMinutes} min</span>}
      </div>
      <h3 id={`offer-${offer.id}`}>
        <Link to={`/offers/${offer.id}`}>{offer.title}</Link>
      </h3>
      <MentorLine mentor={offer.mentor} />
      <p className="offer-card__description">{offer.description}</p>
      <ul className="topics" aria-label="Topics">
        {offer.topics.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <p className={full ? 'capacity-note capacity-note--full' : 'capacity-note'}>{capacityText(offer)}</p>
    </article>
  );
}
