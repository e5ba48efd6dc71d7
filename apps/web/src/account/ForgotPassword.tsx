import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formErrors } from '../api/errors';
import { Field, FormAlert } from '../ui/field';
import { looksLikeEmail, RESET_REQUESTED } from './account-rules';
import { RequestPasswordResetDocument } from './account.documents';

/**
 * "Forgot password?" on the sign-in page. The answer is the same sentence whether or not an
 * account uses the address (the API answers true either way), so the page tells nobody who is a member.
 */
export function ForgotPassword({ initialEmail = '' }: { initialEmail?: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [problem, setProblem] = useState<string | null>(null);
  const [requested, setRequested] = useState(false);
  const [{ fetching, error }, request] = useMutation(RequestPasswordResetDocument);
  const errors = formErrors(error, ['email']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!looksLikeEmail(email)) return setProblem('Enter the e-mail address you signed up with.');
    setProblem(null);
    const result = await request({ email: email.trim() });
    if (result.data) setRequested(true);
  };

  if (requested) {
    return (
      <div className="card forgot alert--success" role="status">
        <p>{RESET_REQUESTED}</p>
      </div>
    );
  }
  return (
    <form className="card form forgot" onSubmit={submit} noValidate aria-labelledby="forgot-title">
      <h2 id="forgot-title">Reset your password</h2>
      <Field label="Address to send the link to" hint="The e-mail address you signed up with." error={problem ?? errors.fields.email}>
        <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </Field>
      <FormAlert messages={errors.general} />
      <button type="submit" className="button" disabled={fetching}>
        {fetching ? 'Sending…' : 'Send me a reset link'}
      </button>
    </form>
  );
}
