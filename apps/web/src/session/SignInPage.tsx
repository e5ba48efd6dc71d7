import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formErrors } from '../api/errors';
import { ForgotPassword } from '../account/ForgotPassword';
import { Link, navigate, useLocation } from '../app/router';
import { graphql } from '../gql';
import { Field, FormAlert } from '../ui/field';
import { useSession } from './session';

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { token member { id displayName } }
  }
`);

/** `next`: where to go after signing in (a page that needed a session). */
export function SignInPage({ next = '/' }: { next?: string }) {
  const { signIn, notice } = useSession();
  const { query } = useLocation();
  const [forgot, setForgot] = useState(query.get('forgot') === '1');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [{ fetching, error }, login] = useMutation(LoginDocument);
  const errors = formErrors(error, ['email', 'password']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await login({ email: email.trim(), password });
    if (result.data) {
      signIn(result.data.login.token);
      navigate(next === '/signin' ? '/' : next, { replace: true });
    }
  };

  return (
    <section className="narrow">
      <h1 tabIndex={-1}>Sign in</h1>
      {notice && (
        <p className="alert alert--info" role="status">
          {notice}
        </p>
      )}
      <form className="card form" onSubmit={submit} noValidate>
        <Field label="E-mail" error={errors.fields.email}>
          <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </Field>
        <Field label="Password" error={errors.fields.password}>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </Field>
        <FormAlert messages={errors.general} />
        <div className="actions">
          <button type="submit" className="button" disabled={fetching}>
            {fetching ? 'Signing in…' : 'Sign in'}
          </button>
          {!forgot && (
            <button type="button" className="button button--link" onClick={() => setForgot(true)}>
              Forgot password?
            </button>
          )}
        </div>
      </form>
      {forgot && <ForgotPassword initialEmail={email} />}
      <p>
        New here? <Link to="/register">Create an account</Link>: it takes a minute.
      </p>
    </section>
  );
}
