import type { LedgerLineFragment } from '../gql/graphql';
import { formatDateTime } from '../ui/format';
import { Empty } from '../ui/states';

/** "Why did my score change": every line with its points, reason, rule and source event. */
export function Ledger({ lines, showSource = false }: { lines: readonly LedgerLineFragment[]; showSource?: boolean }) {
  if (lines.length === 0) return <Empty title="No points yet.">Points arrive when help is completed, feedback is left, or help is paid forward.</Empty>;
  return (
    <table className="ledger">
      <caption className="visually-hidden">Ledger, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Points</th>
          <th scope="col">Why</th>
          <th scope="col">Rule</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id}>
            <td>{formatDateTime(line.occurredAt)}</td>
            <td className={line.points >= 0 ? 'points points--plus' : 'points points--minus'}>{line.points > 0 ? `+${line.points}` : line.points}</td>
            <td>{line.reason}</td>
            <td className="muted small">
              {line.ruleId} v{line.ruleVersion}
              {showSource && <div title="Source event">{line.sourceEventId}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
