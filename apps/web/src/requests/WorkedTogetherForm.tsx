import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formErrors } from '../api/errors';
import { Field, FormAlert } from '../ui/field';
import { AttestWorkedTogetherDocument } from './requests.documents';

/** The marketplace's bounds (ATTESTATION_CONTEXT in libs/marketplace-domain; the test keeps them equal). */
export const ATTESTATION_RULES = { min: 10, max: 500 } as const;

export function attestationProblem(context: string): string | null {
  const n = context.trim().length;
  if (n === 0) return 'Say where and how you worked together.';
  if (n < ATTESTATION_RULES.min) return `A little more detail, please (at least ${ATTESTATION_RULES.min} characters).`;
  if (n > ATTESTATION_RULES.max) return `Keep it to ${ATTESTATION_RULES.max} characters or fewer.`;
  return null;
}

/**
 * The mentor's side of a worked-together relationship: an attestation the seeker then confirms.
 * Only a confirmed one counts (e.g. for a referral); repeating it changes nothing.
 */
export function WorkedTogetherForm({ seekerId, seekerName }: { seekerId: string; seekerName: string }) {
  const [open, setOpen] = useState(false);
  const [context, setContext] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [{ fetching, error, data }, attest] = useMutation(AttestWorkedTogetherDocument);
  const errors = formErrors(error, ['context', 'memberId']);

  if (data) {
    return (
      <p className="alert alert--success" role="status">
        {data.attestWorkedTogether.workedTogether
          ? `You and ${seekerName} have confirmed that you worked together.`
          : `Saved. ${seekerName} can confirm it on their My requests page; it counts once they do.`}
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button button--link" onClick={() => setOpen(true)}>
        We worked together…
      </button>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = attestationProblem(context);
    setShown(problem);
    if (!problem) void attest({ memberId: seekerId, context: context.trim() });
  };

  return (
    <form className="vouch" onSubmit={submit} noValidate aria-label={`Worked together with ${seekerName}`}>
      <Field
        label={`Where and how you worked with ${seekerName}`}
        hint={`${seekerName} sees this and confirms it. Once confirmed, it counts as your relationship, for example for a referral.`}
        error={shown ?? errors.fields.context ?? errors.fields.memberId}
        counter={`${context.trim().length} / ${ATTESTATION_RULES.max}`}
      >
        <textarea rows={2} value={context} onChange={(e) => (setContext(e.target.value), shown && setShown(attestationProblem(e.target.value)))} />
      </Field>
      <FormAlert messages={errors.general} />
      <div className="actions">
        <button type="submit" className="button" disabled={fetching}>
          Save for {seekerName} to confirm
        </button>
        <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
