import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { formErrors } from '../api/errors';
import { Link } from '../app/router';
import type { LedgerLineFragment } from '../gql/graphql';
import { Ledger } from '../reputation/Ledger';
import { ReputationDocument } from '../reputation/reputation.documents';
import { Field, FormAlert } from '../ui/field';
import { formatDateTime } from '../ui/format';
import { Empty, LoadError, Loading } from '../ui/states';
import { AdjustDocument, HistoryDocument } from './admin.documents';

/** Event data is JSON text; shown indented, or as it came if it is not JSON. */
function pretty(data: string): string {
  try {
    return JSON.stringify(JSON.parse(data), null, 2);
  } catch {
    return data;
  }
}

function AdjustForm({ memberId }: { memberId: string }) {
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [{ fetching, error, data }, adjust] = useMutation(AdjustDocument);
  const errors = formErrors(error, ['points', 'reason']);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!/^-?\d+$/.test(points.trim()) || Number(points) === 0) problems.points = 'Enter a whole number of points, positive or negative, not 0.';
    if (!reason.trim()) problems.reason = 'A reason is required: it is shown in the member’s ledger.';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const result = await adjust({ memberId, points: Number(points), reason: reason.trim() });
    if (result.data) (setPoints(''), setReason(''));
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-label="Adjust reputation">
      <div className="inline">
        <Field label="Points" error={local.points ?? errors.fields.points}>
          <input inputMode="numeric" value={points} onChange={(e) => setPoints(e.target.value)} />
        </Field>
        <Field label="Reason (required, shown in the ledger)" error={local.reason ?? errors.fields.reason}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </div>
      <FormAlert messages={errors.general} />
      <button type="submit" className="button" disabled={fetching}>
        Adjust
      </button>
      {data && !fetching && (
        <span className="saved" role="status">
          Adjusted. The ledger line appears in a moment.
        </span>
      )}
    </form>
  );
}

/** One member for an admin: reputation and ledger, an audited adjustment, and every event about them. */
export function MemberReview({ memberId }: { memberId: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ReputationDocument, variables: { memberId, first: 100 } });
  const [history] = useQuery({ query: HistoryDocument, variables: { memberId } });
  const reputation = data?.reputation;
  return (
    <section>
      <p>
        <Link to="/admin">← Admin review</Link>
      </p>
      <h1 tabIndex={-1}>{reputation ? reputation.member.displayName : 'Member'}: ledger and history</h1>
      {error && !data && <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <Loading what="the ledger" />}
      {data && !reputation && <Empty title="The reputation projection has not seen this member." />}
      {reputation && (
        <p className="lead">
          {reputation.score} points · {reputation.level} · paid forward {reputation.paidForwardCount} times
          {reputation.badges.length > 0 && ` · ${reputation.badges.join(', ')}`}
        </p>
      )}
      <h2>Adjust reputation</h2>
      <AdjustForm memberId={memberId} />
      <div className="page-head">
        <h2>Ledger</h2>
        <button type="button" className="button button--link" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          Refresh
        </button>
      </div>
      {reputation && <Ledger lines={reputation.ledger.nodes as LedgerLineFragment[]} showSource />}
      <h2>Event history</h2>
      {history.error && !history.data && <LoadError error={history.error} />}
      {!history.data && history.fetching && <Loading what="history" />}
      {history.data && history.data.memberHistory.length === 0 && <Empty title="No events about this member yet." />}
      <ol className="history">
        {history.data?.memberHistory.map((e) => (
          <li key={e.id}>
            <details>
              <summary>
                <strong>{e.type}</strong> <span className="muted small">· {formatDateTime(e.occurredAt)} · {e.streamId} v{e.version}</span>
              </summary>
              <pre>{pretty(e.data)}</pre>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
