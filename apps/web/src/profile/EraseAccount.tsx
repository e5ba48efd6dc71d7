import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formErrors } from '../api/errors';
import { Field, FormAlert } from '../ui/field';
import { EraseMeDocument } from './profile.documents';

/** What erasure does (README "Erasure", ADR 010), in the member's words. */
export function ErasureExplained() {
  return (
    <>
      <p>
        Erasing is for good. We delete the key that unlocks your personal data, so it becomes unreadable everywhere Payforward keeps it, including
        our event history and its copies.
      </p>
      <div className="erase-lists">
        <div>
          <h3>Erased</h3>
          <ul>
            <li>Your name (others see “Erased member”), e-mail address and headline</li>
            <li>What you wrote: offers, request messages and goals, decline and feedback notes, vouch statements, worked-together notes</li>
            <li>Your password, and who may see your e-mail. The address can register again, as a new member.</li>
          </ul>
        </div>
        <div>
          <h3>Kept, without your name</h3>
          <ul>
            <li>Ids, your time zone and roles</li>
            <li>Counts, ratings, statuses, scores and reputation points (their reasons then say “Erased member”)</li>
            <li>What other members wrote, and notes admins wrote</li>
          </ul>
        </div>
      </div>
      <p>
        Afterwards you are signed out and cannot sign in again. Requests still waiting for an answer are not withdrawn: they expire after 7 days, with
        no penalty to anyone.
      </p>
    </>
  );
}

/** The password proves it is really the member (a stolen session alone cannot erase an account). */
export function EraseAccount({ onErased }: { onErased(): void }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const [{ fetching, error }, eraseMe] = useMutation(EraseMeDocument);
  const errors = formErrors(error, ['password']);
  const passwordInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) passwordInput.current?.focus();
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) return setMissing(true);
    const result = await eraseMe({ password });
    if (result.data?.eraseMe) onErased();
  };

  return (
    <section className="card danger-zone" aria-labelledby="erase-heading">
      <h2 id="erase-heading">Erase my account</h2>
      <ErasureExplained />
      {!open ? (
        <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
          Erase my account…
        </button>
      ) : (
        <form className="form" onSubmit={submit} noValidate aria-label="Confirm erasing your account">
          <Field
            label="Your password"
            hint="To confirm it is you. Erasing cannot be undone."
            error={missing ? 'Enter your password to confirm: erasing cannot be undone.' : errors.fields.password}
          >
            <input
              ref={passwordInput}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                setMissing(false);
              }}
            />
          </Field>
          <FormAlert messages={errors.general} />
          <div className="actions">
            <button type="submit" className="button button--danger" disabled={fetching}>
              {fetching ? 'Erasing…' : 'Erase my account for good'}
            </button>
            <button type="button" className="button button--quiet" onClick={() => (setOpen(false), setPassword(''), setMissing(false))}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
