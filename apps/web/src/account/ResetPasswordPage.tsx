import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formErrors } from '../api/errors';
import { Link, useLocation } from '../app/router';
import { useSession } from '../session/session';
import { Field, FormAlert } from '../ui/field';
import { newPasswordProblems, PASSWORD_RULES } from './account-rules';
import { ResetPasswordDocument } from './account.documents';

/**
 * /reset-password?token=…, opened from the reset mail. The token works once within 30 minutes;
 * a reset ends every session of the member, this browser's included.
 */
export function ResetPasswordPage() {
  const { query } = useLocation();
  const token = query.get('token')?.trim() ?? '';
  const { token: session, signOut } = useSession();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [shown, setShown] = useState(false);
  const [done, setDone] = useState(false);
  const [{ fetching, error }, reset] = useMutation(ResetPasswordDocument);
  const local = shown ? newPasswordProblems(password, repeat) : {};
  const server = formErrors(error, ['newPassword', 'password', 'token']);
  const tokenProblem = server.fields.token;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (Object.keys(newPasswordProblems(password, repeat)).length > 0) return;
    const result = await reset({ token, newPassword: password });
    if (result.data?.resetPassword) {
      setDone(true);
      if (session) signOut();
    }
  };

  if (!token) {
    return (
      <section className="narrow">
        <h1 tabIndex={-1}>Choose a new password</h1>
        <p className="alert alert--error" role="alert">
          This address has no reset code in it. Open the link from the e-mail again, or <Link to="/signin?forgot=1">ask for a new link</Link>.
        </p>
      </section>
    );
  }
  if (done) {
    return (
      <section className="narrow">
        <h1 tabIndex={-1}>Choose a new password</h1>
        <div className="alert alert--success" role="status">
          <p>Your password is changed. Every session that used the old one has ended.</p>
          <p>
            <Link to="/signin">Sign in with your new password</Link>
          </p>
        </div>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1 tabIndex={-1}>Choose a new password</h1>
      <form className="card form" onSubmit={submit} noValidate>
        <Field label="New password" hint={`At least ${PASSWORD_RULES.min} characters.`} error={local.newPassword ?? server.fields.newPassword ?? server.fields.password}>
          <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </Field>
        <Field label="New password again" error={local.repeat}>
          <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
        </Field>
        {tokenProblem && (
          <div className="alert alert--error" role="alert">
            <p>{tokenProblem}</p>
            <p>
              <Link to="/signin?forgot=1">Ask for a new link</Link>
            </p>
          </div>
        )}
        <FormAlert messages={server.general} />
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? 'Saving…' : 'Save new password'}
        </button>
      </form>
    </section>
  );
}
