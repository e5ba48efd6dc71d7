import { useEffect } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorSentence } from '../api/errors';
import { formatDateTime } from '../ui/format';
import { ActionProblem, LoadError, Loading } from '../ui/states';
import { ProjectionsDocument, RebuildDocument } from './admin.documents';

/** Projection health: lag, last event, and a rebuild with its progress (polled while it runs). */
export function ProjectionsPanel() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ProjectionsDocument, requestPolicy: 'network-only' });
  const [rebuilt, rebuild] = useMutation(RebuildDocument);
  const rebuilding = data?.projections.some((p) => p.rebuilding) ?? false;

  useEffect(() => {
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), rebuilding ? 1_000 : 10_000);
    return () => clearInterval(timer);
  }, [rebuilding, refetch]);

  if (error && !data) return <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return fetching ? <Loading what="projection status" /> : null;
  const problem = errorSentence(rebuilt.error);
  return (
    <div className="projections">
      {data.projections.map((p) => {
        const progress = p.rebuildTotalEvents > 0 ? Math.round((p.rebuiltEvents / p.rebuildTotalEvents) * 100) : 0;
        return (
          <article key={p.name} className="card projection" aria-label={`Projection ${p.name}`}>
            <h3>{p.name}</h3>
            <dl className="facts">
              <dt>Lag</dt>
              <dd>{p.lagEvents === 0 ? 'Up to date' : `${p.lagEvents} events behind`}</dd>
              <dt>Last event</dt>
              <dd>{p.lastEventAt ? formatDateTime(p.lastEventAt) : 'None yet'}</dd>
              <dt>Rebuild</dt>
              <dd>
                {p.rebuilding
                  ? `Running: ${p.rebuiltEvents} of ${p.rebuildTotalEvents} facts replayed`
                  : p.rebuildError
                    ? `Last rebuild failed (live tables kept): ${p.rebuildError}`
                    : p.rebuildFinishedAt
                      ? `Last rebuilt ${formatDateTime(p.rebuildFinishedAt)} (${p.rebuildTotalEvents} facts)`
                      : 'Never rebuilt'}
              </dd>
            </dl>
            {p.rebuilding && (
              <div className="bar" role="progressbar" aria-label={`Rebuild of ${p.name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress}>
                <div className="bar__fill" style={{ width: `${progress}%` }} />
              </div>
            )}
            <button type="button" className="button button--quiet" disabled={p.rebuilding || rebuilt.fetching} onClick={() => void rebuild({ name: p.name })}>
              {p.rebuilding ? 'Rebuilding…' : 'Rebuild from the event log'}
            </button>
            <p className="muted small">Reads keep being served during a rebuild; the new tables are swapped in when complete.</p>
          </article>
        );
      })}
      <ActionProblem problem={problem} />
    </div>
  );
}
