import { useState } from 'react';
import { useMutation } from 'urql';
import { formErrors } from '../api/errors';
import type { DashboardFieldsFragment, DeclineReason } from '../gql/graphql';
import { Field, FormAlert } from '../ui/field';
import { age, KIND_LABELS } from '../ui/format';
import { BlockMember } from './BlockMember';
import { AcceptDocument, DeclineDocument } from './dashboard.documents';
import { SlotPicker } from './SlotPicker';
import type { Slot } from './slots';

type Pending = DashboardFieldsFragment['pending'][number];

const SCHEDULED = new Set(['ADVICE_CALL', 'MOCK_INTERVIEW']);

export const DECLINE_REASONS: { reason: DeclineReason; label: string }[] = [
  { reason: 'NO_CAPACITY', label: 'No capacity' },
  { reason: 'NOT_A_FIT', label: 'Not a fit' },
  { reason: 'DONT_KNOW_YOU_WELL_ENOUGH', label: "Don't know you well enough" },
  { reason: 'OTHER', label: 'Other' },
];

interface Props {
  request: Pending;
  availability: DashboardFieldsFragment['availability'];
  busy: readonly Slot[];
}

/** One pending request: read it, then accept (into a free slot for calls) or decline kindly in one click. */
export function PendingRequest({ request, availability, busy }: Props) {
  const [mode, setMode] = useState<'read' | 'accept' | 'decline' | 'block'>('read');
  const [blocked, setBlocked] = useState(false);
  const [slot, setSlot] = useState('');
  const [note, setNote] = useState('');
  const [accepted, accept] = useMutation(AcceptDocument);
  const [declined, decline] = useMutation(DeclineDocument);
  const scheduled = SCHEDULED.has(request.kind);
  const acceptErrors = formErrors(accepted.error, ['scheduledAt']);
  const declineErrors = formErrors(declined.error, ['note', 'reason']);
  const [missingSlot, setMissingSlot] = useState(false);
  const headingId = `pending-${request.id}`;

  const confirmAccept = () => {
    if (scheduled && !slot) return setMissingSlot(true);
    void accept({ id: request.id, at: scheduled ? slot : null });
  };

  return (
    <li className="card pending" aria-labelledby={headingId}>
      <div className="pending__head">
        <h3 id={headingId}>
          {request.seeker.displayName} <span className="muted small">· {KIND_LABELS[request.kind]} · {request.offer.title}</span>
        </h3>
        <span className="age" title={`Asked ${new Date(request.createdAt).toLocaleString()}`}>
          waiting {age(request.createdAt)}
        </span>
      </div>
      {request.seeker.headline && <p className="muted small">{request.seeker.headline}</p>}
      <p className="pending__goal">
        <strong>Goal:</strong> {request.goal}
      </p>
      <p className="pending__message">{request.message}</p>
      {request.introTarget && <p className="small">Hopes to meet: {request.introTarget.displayName}</p>}

      {mode === 'read' && (
        <div className="actions">
          <button type="button" className="button" onClick={() => setMode('accept')}>
            Accept…
          </button>
          <button type="button" className="button button--quiet" onClick={() => setMode('decline')}>
            Decline…
          </button>
          {!blocked && (
            <button type="button" className="button button--link" onClick={() => setMode('block')}>
              Block this member…
            </button>
          )}
        </div>
      )}
      {blocked && mode === 'read' && (
        <p className="alert alert--info" role="status">
          {request.seeker.displayName} is blocked and cannot send you new requests. Decline this one so they are not left waiting.
        </p>
      )}

      {mode === 'block' && (
        <BlockMember
          memberId={request.seeker.id}
          name={request.seeker.displayName}
          onBlocked={() => (setBlocked(true), setMode('read'))}
          onCancel={() => setMode('read')}
        />
      )}

      {mode === 'accept' && (
        <div className="pending__panel">
          {scheduled && (
            <SlotPicker
              availability={availability}
              durationMinutes={request.durationMinutes ?? 30}
              busy={busy}
              value={slot}
              onChange={(v) => {
                setSlot(v);
                setMissingSlot(false);
              }}
              error={missingSlot ? 'Choose a time for the call first.' : acceptErrors.fields.scheduledAt}
            />
          )}
          <FormAlert messages={acceptErrors.general} />
          <div className="actions">
            <button type="button" className="button" onClick={confirmAccept} disabled={accepted.fetching}>
              {accepted.fetching ? 'Accepting…' : scheduled ? 'Accept for this time' : 'Accept'}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setMode('read')}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {mode === 'decline' && (
        <div className="pending__panel">
          <Field label="A note for them (optional)" hint="They also get a kind, useful message with a next step for the reason you pick." error={declineErrors.fields.note}>
            <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
          </Field>
          <FormAlert messages={[...declineErrors.general, ...(declineErrors.fields.reason ? [declineErrors.fields.reason] : [])]} />
          <fieldset className="decline-reasons">
            <legend>Decline with a reason (one click, costs you nothing)</legend>
            {DECLINE_REASONS.map(({ reason, label }) => (
              <button
                key={reason}
                type="button"
                className="button button--quiet"
                disabled={declined.fetching}
                onClick={() => void decline({ id: request.id, reason, note: note.trim() || null })}
              >
                {label}
              </button>
            ))}
          </fieldset>
          <button type="button" className="button button--link" onClick={() => setMode('read')}>
            Back
          </button>
        </div>
      )}
    </li>
  );
}
