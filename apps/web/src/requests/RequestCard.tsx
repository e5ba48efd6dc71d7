import { useState } from 'react';
import { useMutation } from 'urql';
import { errorSentence, formErrors } from '../api/errors';
import { Link } from '../app/router';
import type { Party, ReferralOutcome, RequestDetailsFragment } from '../gql/graphql';
import { Field, FormAlert } from '../ui/field';
import { formatDateTime, KIND_LABELS, STATUS_LABELS } from '../ui/format';
import { ActionProblem } from '../ui/states';
import { FeedbackForm } from './FeedbackForm';
import { WorkedTogetherForm } from './WorkedTogetherForm';
import { CompleteDocument, NoShowDocument, OutcomeDocument, VouchDocument, WithdrawDocument } from './requests.documents';

const OUTCOMES: { value: ReferralOutcome; label: string }[] = [
  { value: 'INTERVIEWED', label: 'I got an interview' },
  { value: 'HIRED', label: 'I was hired' },
  { value: 'NOT_SELECTED', label: 'I was not selected' },
];

function Vouch({ id }: { id: string }) {
  const [statement, setStatement] = useState('');
  const [{ fetching, error }, vouch] = useMutation(VouchDocument);
  const errors = formErrors(error, ['statement']);
  return (
    <div className="vouch">
      <Field label="Your vouch statement" hint="What you can speak to about their work, and how you know it (at least 20 characters)." error={errors.fields.statement}>
        <textarea rows={3} value={statement} onChange={(e) => setStatement(e.target.value)} />
      </Field>
      <FormAlert messages={errors.general} />
      <button type="button" className="button" disabled={fetching} onClick={() => void vouch({ id, statement: statement.trim() })}>
        Vouch
      </button>
    </div>
  );
}

/** Feedback is once per side; the API does not say whether it was left, so the form opens on demand. */
function FeedbackToggle({ requestId, counterpart }: { requestId: string; counterpart: string }) {
  const [open, setOpen] = useState(false);
  if (open) return <FeedbackForm requestId={requestId} counterpart={counterpart} />;
  return (
    <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
      Leave feedback for {counterpart}
    </button>
  );
}

/** One request, from the side of `as`, with what that side can do now. */
export function RequestCard({ request, as, now }: { request: RequestDetailsFragment; as: Party; now: Date }) {
  const [withdrawn, withdraw] = useMutation(WithdrawDocument);
  const [completed, complete] = useMutation(CompleteDocument);
  const [noShow, reportNoShow] = useMutation(NoShowDocument);
  const [outcome, reportOutcome] = useMutation(OutcomeDocument);
  const counterpart = as === 'SEEKER' ? request.mentor : request.seeker;
  const problem = errorSentence(withdrawn.error ?? completed.error ?? noShow.error ?? outcome.error);
  const started = !request.scheduledAt || new Date(request.scheduledAt) <= now;
  const ended = !request.scheduledAt || new Date(request.scheduledAt).getTime() + (request.durationMinutes ?? 0) * 60_000 <= now.getTime();
  const headingId = `request-${request.id}`;

  return (
    <li className={`card request request--${request.status.toLowerCase()}`} aria-labelledby={headingId}>
      <div className="request__head">
        <h3 id={headingId}>
          <Link to={`/offers/${request.offer.id}`}>{request.offer.title}</Link>
        </h3>
        <span className={`status status--${request.status.toLowerCase()}`}>{STATUS_LABELS[request.status]}</span>
      </div>
      <p className="muted small">
        {KIND_LABELS[request.kind]} · {as === 'SEEKER' ? 'with' : 'from'} {counterpart.displayName} · asked {formatDateTime(request.createdAt)}
      </p>
      <p>
        <strong>Goal:</strong> {request.goal}
      </p>
      {request.scheduledAt && (
        <p>
          <strong>When:</strong> {formatDateTime(request.scheduledAt)}
          {request.durationMinutes && ` (${request.durationMinutes} min)`}
        </p>
      )}
      {!['DECLINED', 'WITHDRAWN', 'EXPIRED'].includes(request.status) && (
      <p className="contact">
        <strong>Contact:</strong>{' '}
        {counterpart.contact ? (
          <a href={`mailto:${counterpart.contact.email}`}>{counterpart.contact.email}</a>
        ) : (
          <span className="muted">shared once the request is accepted</span>
        )}
      </p>
      )}
      {request.status === 'SUBMITTED' && as === 'SEEKER' && <p className="muted small">Unanswered requests expire on {formatDateTime(request.expiresAt)}, with no penalty to anyone.</p>}
      {request.guidance && <p className="alert alert--info">{request.guidance}</p>}
      {request.declineNote && <p className="quote">“{request.declineNote}”</p>}
      {request.kind === 'INTRO' && (request.status === 'ACCEPTED' || request.status === 'COMPLETED') && (
        <p className="small">
          Introduction to {request.introTarget?.displayName ?? 'the member you named'}:{' '}
          {request.introConsent === null ? 'waiting for their answer' : request.introConsent ? 'they agreed' : 'they declined'}
        </p>
      )}
      {request.kind === 'REFERRAL' && request.vouchStatement && <p className="quote">Vouched: “{request.vouchStatement}”</p>}
      {request.referralOutcome && <p className="small">Outcome: {OUTCOMES.find((o) => o.value === request.referralOutcome)?.label}</p>}

      <div className="actions">
        {request.status === 'SUBMITTED' && as === 'SEEKER' && (
          <button type="button" className="button button--quiet" onClick={() => void withdraw({ id: request.id })} disabled={withdrawn.fetching}>
            Withdraw
          </button>
        )}
        {request.status === 'ACCEPTED' && as === 'MENTOR' && started && (
          <button type="button" className="button" onClick={() => void complete({ id: request.id })} disabled={completed.fetching}>
            Mark as completed
          </button>
        )}
        {request.status === 'ACCEPTED' && ended && request.scheduledAt && (
          <button type="button" className="button button--quiet" onClick={() => void reportNoShow({ id: request.id, absent: as === 'SEEKER' ? 'MENTOR' : 'SEEKER' })}>
            {counterpart.displayName} did not show up
          </button>
        )}
      </div>
      {request.status === 'ACCEPTED' && as === 'MENTOR' && request.kind === 'REFERRAL' && !request.vouchStatement && <Vouch id={request.id} />}
      {request.kind === 'REFERRAL' && as === 'SEEKER' && request.vouchStatement && request.referralOutcome !== 'HIRED' && request.referralOutcome !== 'NOT_SELECTED' && (
        <div className="actions" role="group" aria-label="Report the referral's outcome">
          {OUTCOMES.filter((o) => o.value !== request.referralOutcome).map((o) => (
            <button key={o.value} type="button" className="button button--quiet" onClick={() => void reportOutcome({ id: request.id, outcome: o.value })}>
              {o.label}
            </button>
          ))}
        </div>
      )}
      {request.status === 'COMPLETED' && <FeedbackToggle requestId={request.id} counterpart={counterpart.displayName} />}
      {as === 'MENTOR' && <WorkedTogetherForm seekerId={request.seeker.id} seekerName={request.seeker.displayName} />}
      <ActionProblem problem={problem} />
    </li>
  );
}
