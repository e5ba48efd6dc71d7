import { useQuery, useMutation } from 'urql';
import { errorSentence } from '../api/errors';
import { useRefetchWhile } from '../api/eventual';
import type { IntrosAwaitingMeQuery } from '../gql/graphql';
import { formatDateTime } from '../ui/format';
import { ActionProblem } from '../ui/states';
import { IntroContactDocument, RespondToIntroDocument } from './requests.documents';

export type AwaitingIntro = IntrosAwaitingMeQuery['introsAwaitingMe'][number];
export interface IntroAnswer {
  id: string;
  consent: boolean;
  seekerName: string;
}

/** One introduction waiting for the target: who, why, and a yes or a no (final either way). */
export function IntroInvitation({ intro, onAnswered }: { intro: AwaitingIntro; onAnswered(answer: IntroAnswer): void }) {
  const [{ fetching, error }, respond] = useMutation(RespondToIntroDocument);
  const problem = errorSentence(error);
  const headingId = `intro-${intro.id}`;
  const answer = async (consent: boolean) => {
    const result = await respond({ id: intro.id, consent });
    if (result.data) onAnswered({ id: intro.id, consent, seekerName: intro.seeker.displayName });
  };

  return (
    <li className="card request" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {intro.mentor.displayName} would like to introduce you to {intro.seeker.displayName}
      </h4>
      {intro.seeker.headline && <p className="muted small">{intro.seeker.headline}</p>}
      <p>
        <strong>Their goal:</strong> {intro.goal}
      </p>
      <p className="quote">{intro.message}</p>
      <p className="muted small">
        Through “{intro.offer.title}”, accepted {formatDateTime(intro.updatedAt)}. If you agree, you and {intro.seeker.displayName} can see each
        other’s e-mail. Saying no costs nobody anything; your answer is final.
      </p>
      <div className="actions" role="group" aria-label={`Your answer to ${intro.seeker.displayName}`}>
        <button type="button" className="button" disabled={fetching} onClick={() => void answer(true)}>
          Accept the introduction
        </button>
        <button type="button" className="button button--quiet" disabled={fetching} onClick={() => void answer(false)}>
          Decline
        </button>
      </div>
      <ActionProblem problem={problem} />
    </li>
  );
}

/** What the answer did; after a yes, the seeker's e-mail as soon as identity has granted it. */
export function IntroAnswered({ answer }: { answer: IntroAnswer }) {
  const [{ data }, refetch] = useQuery({ query: IntroContactDocument, variables: { id: answer.id }, pause: !answer.consent });
  const email = data?.helpRequest?.seeker.contact?.email;
  useRefetchWhile(answer.consent && !email, () => refetch({ requestPolicy: 'network-only' }));
  if (!answer.consent) {
    return <p className="alert alert--info">You declined the introduction to {answer.seekerName}. They get a kind note, and nothing else changes.</p>;
  }
  return (
    <p className="alert alert--success">
      You agreed to meet {answer.seekerName}.{' '}
      {email ? (
        <>
          Write to them at <a href={`mailto:${email}`}>{email}</a>.
        </>
      ) : (
        'Their e-mail appears here in a moment.'
      )}
    </p>
  );
}
