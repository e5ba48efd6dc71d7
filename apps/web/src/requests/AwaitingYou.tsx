import { useState } from 'react';
import { useQuery } from 'urql';
import { plural } from '../ui/format';
import { LoadError } from '../ui/states';
import { AttestationToConfirm } from './AttestationToConfirm';
import { IntroAnswered, IntroInvitation, type IntroAnswer } from './IntroInvitation';
import { AttestationsAwaitingMeDocument, IntrosAwaitingMeDocument } from './requests.documents';

/**
 * What only the viewer can answer, above their requests: introductions they are the target of
 * (double opt-in) and worked-together attestations naming them. Nothing waiting, nothing shown:
 * most members never see this section. Answered items leave the lists (urql refetches them after
 * the mutation), so what the answer did is kept here until the page is left.
 */
export function AwaitingYou() {
  const [intros, refetchIntros] = useQuery({ query: IntrosAwaitingMeDocument });
  const [attestations, refetchAttestations] = useQuery({ query: AttestationsAwaitingMeDocument });
  const [answers, setAnswers] = useState<IntroAnswer[]>([]);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const introList = intros.data?.introsAwaitingMe ?? [];
  const attestationList = attestations.data?.attestationsAwaitingMe ?? [];
  const waiting = introList.length + attestationList.length;
  const failed = (intros.error && !intros.data) || (attestations.error && !attestations.data);
  if (waiting === 0 && answers.length === 0 && confirmed.length === 0 && !failed) return null;
  const retry = () => {
    refetchIntros({ requestPolicy: 'network-only' });
    refetchAttestations({ requestPolicy: 'network-only' });
  };

  return (
    <section className="card awaiting" aria-labelledby="awaiting-heading">
      <h2 id="awaiting-heading">
        Waiting for your answer {waiting > 0 && <span className="count">{waiting}</span>}
      </h2>
      {failed && <LoadError error={(intros.error ?? attestations.error)!} retry={retry} />}
      <div aria-live="polite">
        {answers.map((a) => (
          <IntroAnswered key={a.id} answer={a} />
        ))}
        {confirmed.map((name) => (
          <p key={name} className="alert alert--success">
            Confirmed: you and {name} worked together. It now counts as your relationship, e.g. for a referral.
          </p>
        ))}
      </div>
      {introList.length > 0 && (
        <>
          <h3>Introductions waiting for your answer</h3>
          <p className="muted small">{plural(introList.length, 'mentor asks', 'mentors ask')} whether you are happy to be introduced. Contacts are shared only if you agree.</p>
          <ul className="list">
            {introList.map((intro) => (
              <IntroInvitation key={intro.id} intro={intro} onAnswered={(a) => setAnswers((all) => [...all, a])} />
            ))}
          </ul>
        </>
      )}
      {attestationList.length > 0 && (
        <>
          <h3>Did you work together?</h3>
          <ul className="list">
            {attestationList.map((a) => (
              <AttestationToConfirm key={a.mentor.id} attestation={a} onConfirmed={(name) => setConfirmed((all) => [...all, name])} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
