import { useMutation } from 'urql';
import { errorSentence } from '../api/errors';
import type { AttestationsAwaitingMeQuery } from '../gql/graphql';
import { ActionProblem } from '../ui/states';
import { ConfirmWorkedTogetherDocument } from './requests.documents';

export type AwaitingAttestation = AttestationsAwaitingMeQuery['attestationsAwaitingMe'][number];

/** A mentor said they worked with the viewer; it counts (e.g. for a referral) only once the viewer confirms. */
export function AttestationToConfirm({ attestation, onConfirmed }: { attestation: AwaitingAttestation; onConfirmed(mentorName: string): void }) {
  const [{ fetching, error }, confirm] = useMutation(ConfirmWorkedTogetherDocument);
  const problem = errorSentence(error);
  const mentor = attestation.mentor;
  const headingId = `attestation-${mentor.id}`;
  const submit = async () => {
    const result = await confirm({ mentorId: mentor.id });
    if (result.data) onConfirmed(mentor.displayName);
  };

  return (
    <li className="card request" aria-labelledby={headingId}>
      <h4 id={headingId}>{mentor.displayName} says you worked together</h4>
      {attestation.attestationContext && <p className="quote">“{attestation.attestationContext}”</p>}
      <p className="muted small">
        Once you confirm, {mentor.displayName} can refer you for roles they know about. Not right? Leave it: it counts for nothing until you confirm.
      </p>
      <div className="actions">
        <button type="button" className="button" disabled={fetching} onClick={() => void submit()}>
          Yes, we worked together
        </button>
      </div>
      <ActionProblem problem={problem} />
    </li>
  );
}
