import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formErrors } from '../api/errors';
import { Field, FormAlert } from '../ui/field';
import { FeedbackDocument } from './requests.documents';

const RATINGS = [5, 4, 3, 2, 1];
const WORDS: Record<number, string> = { 5: 'Excellent', 4: 'Good', 3: 'Okay', 2: 'Not great', 1: 'Poor' };

/** Once per side, after completion: a rating and an optional thank-you. */
export function FeedbackForm({ requestId, counterpart }: { requestId: string; counterpart: string }) {
  const [rating, setRating] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [{ fetching, error, data }, leave] = useMutation(FeedbackDocument);
  const errors = formErrors(error, ['rating', 'note']);

  if (data) return <p className="alert alert--success" role="status">Thank you: your feedback for {counterpart} is saved.</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rating === null) return setMissing(true);
    void leave({ id: requestId, rating, note: note.trim() || null });
  };

  return (
    <form className="feedback" onSubmit={submit} noValidate aria-label={`Feedback for ${counterpart}`}>
      <fieldset aria-describedby={missing || errors.fields.rating ? `rating-error-${requestId}` : undefined}>
        <legend>How was it with {counterpart}?</legend>
        <div className="rating">
          {RATINGS.map((r) => (
            <label key={r} className="rating__option">
              <input type="radio" name={`rating-${requestId}`} value={r} checked={rating === r} onChange={() => (setRating(r), setMissing(false))} />
              {r} · {WORDS[r]}
            </label>
          ))}
        </div>
        {(missing || errors.fields.rating) && (
          <p id={`rating-error-${requestId}`} className="field__error" role="alert">
            {errors.fields.rating ?? 'Pick a rating first.'}
          </p>
        )}
      </fieldset>
      <Field label="A thank-you note (optional)" error={errors.fields.note}>
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
      </Field>
      <FormAlert messages={errors.general} />
      <button type="submit" className="button" disabled={fetching}>
        Send feedback
      </button>
    </form>
  );
}
