import { useState } from 'react';
import { useMutation } from 'urql';
import { errorSentence } from '../api/errors';
import { graphql } from '../gql';
import type { DashboardFieldsFragment } from '../gql/graphql';
import { KIND_LABELS } from '../ui/format';
import { Empty } from '../ui/states';
import { NEW_OFFER, OfferForm, offerInput, type OfferDraft } from './OfferForm';

const PublishDocument = graphql(`
  mutation PublishOffer($input: PublishOfferInput!) { publishOffer(input: $input) { id status } }
`);
const UpdateDocument = graphql(`
  mutation UpdateOffer($id: ID!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id title status } }
`);
const PauseDocument = graphql(`mutation PauseOffer($id: ID!) { pauseOffer(id: $id) { id status } }`);
const ResumeDocument = graphql(`mutation ResumeOffer($id: ID!) { resumeOffer(id: $id) { id status } }`);
const RetireDocument = graphql(`mutation RetireOffer($id: ID!) { retireOffer(id: $id) { id status } }`);

type Offer = DashboardFieldsFragment['offers'][number]['offer'];

const draftOf = (o: Offer): OfferDraft => ({
  kind: o.kind,
  title: o.title,
  description: o.description,
  topics: o.topics.join(', '),
  capacity: String(o.capacity),
  period: o.period,
  durationMinutes: String(o.durationMinutes ?? 30),
  minCompletedEngagements: String(o.minCompletedEngagements ?? 1),
});

function ManagedOffer({ offer }: { offer: Offer }) {
  const [editing, setEditing] = useState(false);
  const [updated, update] = useMutation(UpdateDocument);
  const [paused, pause] = useMutation(PauseDocument);
  const [resumed, resume] = useMutation(ResumeDocument);
  const [retired, retire] = useMutation(RetireDocument);
  const problem = errorSentence(paused.error ?? resumed.error ?? retired.error);

  const save = async (draft: OfferDraft) => {
    const { durationMinutes, ...rest } = offerInput(draft);
    const result = await update({ id: offer.id, input: { ...rest, ...(durationMinutes ? { durationMinutes } : {}) } });
    if (result.data) setEditing(false);
  };
  const confirmRetire = () => {
    if (window.confirm(`Retire “${offer.title}”? Accepted sessions still happen; nobody can ask for it again.`)) void retire({ id: offer.id });
  };

  return (
    <li className="managed-offer">
      <div className="managed-offer__head">
        <div>
          <strong>{offer.title}</strong> <span className="muted small">· {KIND_LABELS[offer.kind]} · {offer.status.toLowerCase()}</span>
        </div>
        {!editing && offer.status !== 'RETIRED' && (
          <div className="actions">
            <button type="button" className="button button--quiet" onClick={() => setEditing(true)}>
              Edit<span className="visually-hidden"> {offer.title}</span>
            </button>
            {offer.status === 'ACTIVE' ? (
              <button type="button" className="button button--quiet" onClick={() => void pause({ id: offer.id })}>
                Pause<span className="visually-hidden"> {offer.title}</span>
              </button>
            ) : (
              <button type="button" className="button button--quiet" onClick={() => void resume({ id: offer.id })}>
                Resume<span className="visually-hidden"> {offer.title}</span>
              </button>
            )}
            <button type="button" className="button button--quiet" onClick={confirmRetire}>
              Retire<span className="visually-hidden"> {offer.title}</span>
            </button>
          </div>
        )}
      </div>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      {editing && <OfferForm initial={draftOf(offer)} editingKind={false} submitLabel="Save changes" busy={updated.fetching} error={updated.error} onSubmit={save} onCancel={() => setEditing(false)} />}
    </li>
  );
}

/** Publish, edit, pause, resume and retire offers. */
export function OfferManager({ offers }: { offers: readonly Offer[] }) {
  const [publishing, setPublishing] = useState(false);
  const [published, publish] = useMutation(PublishDocument);
  const [formKey, setFormKey] = useState(0);

  const submit = async (draft: OfferDraft) => {
    const result = await publish({ input: { kind: draft.kind, ...offerInput(draft) } });
    if (result.data) {
      setPublishing(false);
      setFormKey(formKey + 1);
    }
  };

  return (
    <div className="card">
      {offers.length === 0 ? (
        <Empty title="You have no offers yet.">Publish a bounded offer: a few places per week or month is plenty.</Empty>
      ) : (
        <ul className="list">
          {offers.map((o) => (
            <ManagedOffer key={o.id} offer={o} />
          ))}
        </ul>
      )}
      {publishing ? (
        <OfferForm key={formKey} initial={NEW_OFFER} submitLabel="Publish offer" busy={published.fetching} error={published.error} onSubmit={submit} onCancel={() => setPublishing(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setPublishing(true)}>
          Publish a new offer
        </button>
      )}
    </div>
  );
}
