import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { formErrors } from '../api/errors';
import { Link, navigate } from '../app/router';
import { graphql } from '../gql';
import { Field, FormAlert } from '../ui/field';
import { useSession } from './session';

const RegisterDocument = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) { token member { id displayName } }
  }
`);

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function RegisterPage() {
  const { signIn } = useSession();
  const [form, setForm] = useState({ displayName: '', email: '', password: '', headline: '', timezone: browserZone() });
  const [{ fetching, error }, register] = useMutation(RegisterDocument);
  const errors = formErrors(error, ['displayName', 'email', 'password', 'headline', 'timezone']);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { ...form, email: form.email.trim(), displayName: form.displayName.trim(), headline: form.headline.trim() || null };
    const result = await register({ input });
    if (result.data) {
      signIn(result.data.register.token);
      navigate('/', { replace: true });
    }
  };

  return (
    <section className="narrow">
      <h1 tabIndex={-1}>Join Payforward</h1>
      <p className="lead">Ask for bounded, useful help, and offer some of your own when you can.</p>
      <form className="card form" onSubmit={submit} noValidate>
        <Field label="Your name" hint="How mentors and seekers will see you." error={errors.fields.displayName}>
          <input autoComplete="name" value={form.displayName} onChange={set('displayName')} required />
        </Field>
        <Field label="E-mail" hint="Shown to someone only after you accept each other's request." error={errors.fields.email}>
          <input type="email" autoComplete="email" value={form.email} onChange={set('email')} required />
        </Field>
        <Field label="Password" hint="At least 8 characters." error={errors.fields.password}>
          <input type="password" autoComplete="new-password" value={form.password} onChange={set('password')} required />
        </Field>
        <Field label="Headline (optional)" hint="One line about you, e.g. “Backend engineer, 6 years in fintech”." error={errors.fields.headline}>
          <input value={form.headline} onChange={set('headline')} />
        </Field>
        <Field label="Time zone" hint="Sessions are shown in this time zone." error={errors.fields.timezone}>
          <input value={form.timezone} onChange={set('timezone')} required />
        </Field>
        <FormAlert messages={errors.general} />
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to="/signin">Sign in</Link>.
      </p>
    </section>
  );
}
