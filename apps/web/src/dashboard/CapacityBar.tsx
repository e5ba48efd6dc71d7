import type { DashboardFieldsFragment } from '../gql/graphql';
import { KIND_LABELS } from '../ui/format';
import { capacityView } from './capacity';

type Load = DashboardFieldsFragment['offers'][number];

/** Used / remaining in the current period, as a bar with words (the bar alone says nothing to a screen reader). */
export function CapacityBar({ load, now }: { load: Load; now?: Date }) {
  const view = capacityView(load, now);
  const titleId = `load-${load.offer.id}`;
  return (
    <article className={`card load load--${view.tone}`} aria-labelledby={titleId}>
      <div className="load__head">
        <h3 id={titleId}>{load.offer.title}</h3>
        <span className="muted small">
          {KIND_LABELS[load.offer.kind]}
          {load.offer.status !== 'ACTIVE' && ` · ${load.offer.status === 'PAUSED' ? 'Paused' : 'Retired'}`}
        </span>
      </div>
      <div
        className="bar"
        role="progressbar"
        aria-labelledby={titleId}
        aria-valuemin={0}
        aria-valuemax={view.total}
        aria-valuenow={view.used}
        aria-valuetext={view.label}
      >
        <div className="bar__fill" style={{ width: `${view.percentUsed}%` }} />
      </div>
      <p className="load__label">{view.label}</p>
      <p className="muted small">{view.renews}</p>
      {view.note && <p className="small load__note">{view.note}</p>}
    </article>
  );
}
