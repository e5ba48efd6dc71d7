import { useState, type FormEvent } from 'react';
import type { CombinedError } from '@urql/core';
import { formErrors } from '../api/errors';
import type { CapacityPeriod, HelpKind } from '../gql/graphql';
import { Field, FormAlert } from '../ui/field';
import { KIND_LABELS } from '../ui/format';

export interface OfferDraft {
  kind: HelpKind;
  title: string;
  description: string;
  topics: string;
  capacity: string;
  period: CapacityPeriod;
  durationMinutes: string;
  minCompletedEngagements: string;
}

export const SCHEDULED_KINDS: readonly HelpKind[] = ['ADVICE_CALL', 'MOCK_INTERVIEW'];
const FIELDS = ['kind', 'title', 'description', 'topics', 'capacity', 'period', 'durationMinutes', 'minCompletedEngagements'];

export const NEW_OFFER: OfferDraft = { kind: 'ADVICE_CALL', title: '', description: '', topics: '', capacity: '3', period: 'WEEK', durationMinutes: '30', minCompletedEngagements: '1' };

/** The API's input from the form: numbers parsed, topics split, kind-specific fields only where they apply. */
export function offerInput(draft: OfferDraft) {
  const scheduled = SCHEDULED_KINDS.includes(draft.kind);
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    topics: draft.topics.split(',').map((t) => t.trim()).filter(Boolean),
    capacity: Number(draft.capacity),
    period: draft.period,
    durationMinutes: scheduled ? Number(draft.durationMinutes) : null,
    ...(draft.kind === 'REFERRAL' ? { minCompletedEngagements: Number(draft.minCompletedEngagements) } : {}),
  };
}

interface Props {
  initial: OfferDraft;
  /** Kind is chosen once, when publishing. */
  editingKind?: boolean;
  submitLabel: string;
  busy: boolean;
  error?: CombinedError;
  onSubmit(draft: OfferDraft): void;
  onCancel?(): void;
}

export function OfferForm({ initial, editingKind = true, submitLabel, busy, error, onSubmit, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const errors = formErrors(error, FIELDS);
  const set = (key: keyof OfferDraft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };
  return (
    <form className="form offer-form" onSubmit={submit} noValidate>
      {editingKind && (
        <Field label="Kind of help" error={errors.fields.kind}>
          <select value={draft.kind} onChange={set('kind')}>
            {(Object.keys(KIND_LABELS) as HelpKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label="Title" error={errors.fields.title}>
        <input value={draft.title} onChange={set('title')} />
      </Field>
      <Field label="What you can and cannot help with" error={errors.fields.description}>
        <textarea rows={3} value={draft.description} onChange={set('description')} />
      </Field>
      <Field label="Topics" hint="Separated by commas, e.g. backend, career growth" error={errors.fields.topics}>
        <input value={draft.topics} onChange={set('topics')} />
      </Field>
      <div className="inline">
        <Field label="Capacity" hint="Accepted engagements per period" error={errors.fields.capacity}>
          <input type="number" min={1} value={draft.capacity} onChange={set('capacity')} />
        </Field>
        <Field label="Per" error={errors.fields.period}>
          <select value={draft.period} onChange={set('period')}>
            <option value="WEEK">week</option>
            <option value="MONTH">month</option>
          </select>
        </Field>
        {SCHEDULED_KINDS.includes(draft.kind) && (
          <Field label="Minutes per session" error={errors.fields.durationMinutes}>
            <input type="number" min={15} step={15} value={draft.durationMinutes} onChange={set('durationMinutes')} />
          </Field>
        )}
      </div>
      {draft.kind === 'REFERRAL' && (
        <Field
          label="Completed engagements required"
          hint="Referrals always need a relationship: at least one completed engagement rated 4 or more, or work together you both confirmed."
          error={errors.fields.minCompletedEngagements}
        >
          <input type="number" min={1} value={draft.minCompletedEngagements} onChange={set('minCompletedEngagements')} />
        </Field>
      )}
      <FormAlert messages={errors.general} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
