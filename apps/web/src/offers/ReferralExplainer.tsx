import { useQuery } from 'urql';
import { Link } from '../app/router';
import { graphql } from '../gql';
import { useSession } from '../session/session';

const RelationshipDocument = graphql(`
  query Relationship($mentorId: ID!, $seekerId: ID!) {
    relationship(mentorId: $mentorId, seekerId: $seekerId) { completedEngagements workedTogether referralEligible }
  }
`);

interface Props {
  mentorId: string;
  mentorName: string;
  minCompleted: number;
  workedTogetherOnly: boolean;
}

/** Why a referral needs a relationship, where the seeker stands, and the way to one. */
export function ReferralExplainer({ mentorId, mentorName, minCompleted, workedTogetherOnly }: Props) {
  const { me } = useSession();
  const [{ data }] = useQuery({ query: RelationshipDocument, variables: { mentorId, seekerId: me?.id ?? '' }, pause: !me || me.id === mentorId });
  const relationship = data?.relationship;
  const need = workedTogetherOnly
    ? `${mentorName} refers only people they have worked with, confirmed by both of you.`
    : `${mentorName} refers people after ${minCompleted === 1 ? 'one completed engagement' : `${minCompleted} completed engagements`} rated 4 or more, or work together confirmed by both of you.`;
  return (
    <aside className="card explainer" aria-label="Why referrals need a relationship">
      <h2>Why a referral needs a relationship</h2>
      <p>
        A referral is a mentor's word about your work. Nobody can honestly vouch for a stranger, so Payforward only allows referrals between people who already
        know each other. {need}
      </p>
      {relationship?.referralEligible ? (
        <p className="alert alert--success">You two have that relationship: you can ask for this referral.</p>
      ) : (
        <p>
          {relationship ? `You have ${relationship.completedEngagements} completed engagement(s) with ${mentorName} so far. ` : ''}
          The way in: <Link to={`/?kind=ADVICE_CALL&mentor=${mentorId}`}>ask {mentorName} for an advice call first</Link>, and let a good conversation start the relationship.
        </p>
      )}
    </aside>
  );
}
