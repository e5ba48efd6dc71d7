import { useState } from 'react';
import { useMutation } from 'urql';
import { formErrors } from '../api/errors';
import { Link } from '../app/router';
import type { ReputationFlagsQuery } from '../gql/graphql';
import { Field, FormAlert } from '../ui/field';
import { formatDateTime } from '../ui/format';
import { DismissDocument, ReverseDocument } from './admin.documents';

type Flag = ReputationFlagsQuery['reputationFlags'][number];

const KIND_WORDS: Record<string, string> = { RECIPROCAL_PAIR: 'Reciprocal pair', BURST: 'Burst of completions' };

/** One flag with its evidence; an open one can be dismissed or reversed, always with a note. */
export function FlagCard({ flag }: { flag: Flag }) {
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [dismissed, dismiss] = useMutation(DismissDocument);
  const [reversed, reverse] = useMutation(ReverseDocument);
  const errors = formErrors(dismissed.error ?? reversed.error, ['note']);
  const busy = dismissed.fetching || reversed.fetching;
  const headingId = `flag-${flag.id}`;

  const act = (action: (vars: { id: string; note: string }) => Promise<unknown>) => {
    if (!note.trim()) return setMissing(true);
    void action({ id: flag.id, note: note.trim() });
  };

  return (
    <li className={`card flag flag--${flag.status.toLowerCase()}`} aria-labelledby={headingId}>
      <div className="flag__head">
        <h3 id={headingId}>
          {KIND_WORDS[flag.kind] ?? flag.kind}: <Link to={`/admin/members/${flag.member.id}`}>{flag.member.displayName}</Link>
        </h3>
        <span className={`status status--${flag.status.toLowerCase()}`}>{flag.status.toLowerCase()}</span>
      </div>
      <p>{flag.description}</p>
      <p className="muted small">
        Raised {formatDateTime(flag.raisedAt)} · {flag.status === 'REVERSED' ? 'took back' : 'covers'} {flag.coveredPoints} points · members:{' '}
        {flag.members.map((m, i) => (
          <span key={m.id}>
            {i > 0 && ', '}
            <Link to={`/admin/members/${m.id}`}>{m.displayName}</Link>
          </span>
        ))}
      </p>
      <details open={flag.status === 'OPEN'}>
        <summary>Evidence ({flag.evidence.length} events)</summary>
        <ol className="evidence">
          {flag.evidence.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      </details>
      {flag.status === 'OPEN' ? (
        <div className="flag__decide">
          <Field label="Note for the audit trail (required)" hint="Why you decide this way; it is kept with the decision." error={missing ? 'Write a short note first: every decision needs one.' : errors.fields.note}>
            <textarea rows={2} value={note} onChange={(e) => (setNote(e.target.value), setMissing(false))} />
          </Field>
          <FormAlert messages={errors.general} />
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => act(reverse)}>
              Reverse {flag.coveredPoints} points
            </button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => act(dismiss)}>
              Dismiss: the points stand
            </button>
          </div>
        </div>
      ) : (
        <p className="small">
          {flag.status === 'REVERSED' ? 'Reversed' : 'Dismissed'} by {flag.resolvedBy?.displayName ?? 'an admin'}
          {flag.resolvedAt && ` on ${formatDateTime(flag.resolvedAt)}`}: “{flag.resolutionNote}”
        </p>
      )}
    </li>
  );
}
