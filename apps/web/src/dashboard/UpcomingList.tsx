import { useMutation } from 'urql';
import { errorSentence } from '../api/errors';
import type { DashboardFieldsFragment } from '../gql/graphql';
import { CompleteDocument } from '../requests/requests.documents';
import { formatDateTime, KIND_LABELS } from '../ui/format';
import { ActionProblem, Empty } from '../ui/states';

type Upcoming = DashboardFieldsFragment['upcoming'][number];

function UpcomingSession({ session, now }: { session: Upcoming; now: Date }) {
  const [completed, complete] = useMutation(CompleteDocument);
  const started = !session.scheduledAt || new Date(session.scheduledAt) <= now;
  const problem = errorSentence(completed.error);
  return (
    <li className="upcoming">
      <div>
        <strong>{session.scheduledAt ? formatDateTime(session.scheduledAt) : 'Not scheduled'}</strong>
        {session.durationMinutes && <span className="muted small"> · {session.durationMinutes} min</span>}
      </div>
      <div>
        {session.seeker.displayName} · {KIND_LABELS[session.kind]} · <span className="muted">{session.offer.title}</span>
      </div>
      <div className="small">
        {session.seeker.contact ? <a href={`mailto:${session.seeker.contact.email}`}>{session.seeker.contact.email}</a> : <span className="muted">Contact appears once accepted</span>}
      </div>
      <div className="muted small">Goal: {session.goal}</div>
      {started ? (
        <button type="button" className="button button--quiet" onClick={() => void complete({ id: session.id })} disabled={completed.fetching}>
          Mark as completed
        </button>
      ) : (
        <span className="muted small">You can mark it completed once it has started.</span>
      )}
      <ActionProblem problem={problem} />
    </li>
  );
}

/** Accepted sessions in the next 14 days, soonest first (the server's order). */
export function UpcomingList({ upcoming, now }: { upcoming: readonly Upcoming[]; now: Date }) {
  if (upcoming.length === 0) return <Empty title="Nothing scheduled in the next 14 days.">Accepted calls and interviews appear here.</Empty>;
  return (
    <ul className="list upcoming-list">
      {upcoming.map((s) => (
        <UpcomingSession key={s.id} session={s} now={now} />
      ))}
    </ul>
  );
}
