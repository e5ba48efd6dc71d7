import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { Link, navigate, useLocation } from '../app/router';
import { graphql } from '../gql';
import type { HelpKind, OfferSummaryFragment } from '../gql/graphql';
import { Field } from '../ui/field';
import { KIND_LABELS, plural } from '../ui/format';
import { Empty, LoadError, Loading } from '../ui/states';
import { OfferCard } from './OfferCard';

const OffersDocument = graphql(`
  query Offers($filter: OfferFilter, $first: Int, $after: String) {
    offers(filter: $filter, first: $first, after: $after) {
      totalCount endCursor hasNextPage
      nodes { ...OfferSummary }
    }
  }
`);

const PAGE = 12;
const KINDS = Object.keys(KIND_LABELS) as HelpKind[];

interface Filter {
  kind?: HelpKind;
  mentorId?: string;
  topic?: string;
  text?: string;
}

function OffersPage({ filter, after, isLast, onMore }: { filter: Filter; after: string | null; isLast: boolean; onMore(cursor: string): void }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: OffersDocument, variables: { filter, first: PAGE, after } });
  if (error && !data) return <LoadError error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return fetching ? <Loading what="offers" /> : null;
  const { nodes, totalCount, hasNextPage, endCursor } = data.offers;
  if (!after && totalCount === 0) {
    return (
      <Empty title="No offers match yet.">
        <p>Try another kind of help or a broader word. Mentors add offers every week.</p>
      </Empty>
    );
  }
  return (
    <>
      {!after && (
        <p className="muted" role="status">
          {plural(totalCount, 'offer')} found
        </p>
      )}
      <div className="offer-grid">
        {nodes.map((offer) => (
          <OfferCard key={offer.id} offer={offer as OfferSummaryFragment} />
        ))}
      </div>
      {isLast && hasNextPage && endCursor && (
        <button type="button" className="button button--quiet more" onClick={() => onMore(endCursor)}>
          Show more offers
        </button>
      )}
    </>
  );
}

/** Seekers browse and search offers by kind, topic and words; the filter lives in the URL. */
export function BrowsePage() {
  const { query } = useLocation();
  const filter: Filter = {
    ...(query.get('kind') ? { kind: query.get('kind') as HelpKind } : {}),
    ...(query.get('topic') ? { topic: query.get('topic')! } : {}),
    ...(query.get('q') ? { text: query.get('q')! } : {}),
    ...(query.get('mentor') ? { mentorId: query.get('mentor')! } : {}),
  };
  const [form, setForm] = useState({ kind: filter.kind ?? '', topic: filter.topic ?? '', q: filter.text ?? '' });
  const key = JSON.stringify(filter);
  // "Show more" pages belong to one filter: a new search (or Back) starts from the first page.
  const [pages, setPages] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  const cursors = pages.key === key ? pages.cursors : [null];
  const setCursors = (next: (string | null)[]) => setPages({ key, cursors: next });

  const search = (event: FormEvent) => {
    event.preventDefault();
    // A new search keeps a mentor filter (the referral page's "advice call first" link) until cleared.
    const params = new URLSearchParams(Object.entries({ ...form, mentor: filter.mentorId ?? '' }).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
    navigate(params.size ? `/?${params}` : '/');
  };

  return (
    <section>
      <h1 tabIndex={-1}>Find bounded, kind help</h1>
      <p className="lead">Mentors offer a few places each week or month. Ask one good question, and pay it forward later.</p>
      <form className="filters card" role="search" onSubmit={search}>
        <Field label="Kind of help">
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
            <option value="">Any kind</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Topic">
          <input value={form.topic} onChange={(e) => setForm({ ...form, topic: e.target.value })} placeholder="e.g. system design" />
        </Field>
        <Field label="Words">
          <input type="search" value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} placeholder="e.g. career switch" />
        </Field>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {filter.mentorId && (
        <p className="alert alert--info">
          Showing one mentor's offers. <Link to="/">Show everyone's</Link>
        </p>
      )}
      <div key={key}>
        {cursors.map((after, i) => (
          <OffersPage key={after ?? 'first'} filter={filter} after={after} isLast={i === cursors.length - 1} onMore={(c) => setCursors([...cursors, c])} />
        ))}
      </div>
    </section>
  );
}
