import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { errorSentence } from '../api/errors';
import { Link, useLocation } from '../app/router';
import { useSession } from '../session/session';
import { Loading } from '../ui/states';
import { VerifyEmailDocument } from './account.documents';

type Outcome = { state: 'checking' } | { state: 'verified' } | { state: 'failed'; why: string | null };

const NO_LINK = 'This address has no verification code in it. Open the link from the e-mail again, or ask for a new one.';

/**
 * /verify-email?token=…, opened from the verification mail, signed in or not. The token is used
 * once on arrival (a ref keeps React's development double effects from spending it twice).
 */
export function VerifyEmailPage() {
  const { query } = useLocation();
  const token = query.get('token')?.trim() ?? '';
  const { me } = useSession();
  const [, verify] = useMutation(VerifyEmailDocument);
  const [outcome, setOutcome] = useState<Outcome>(() => (token ? { state: 'checking' } : { state: 'failed', why: NO_LINK }));
  const sent = useRef<string | null>(null);

  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    void verify({ token }).then((result) => {
      if (result.data?.verifyEmail === true) setOutcome({ state: 'verified' });
      else setOutcome({ state: 'failed', why: result.error ? errorSentence(result.error) : null });
    });
  }, [token, verify]);

  return (
    <section className="narrow">
      <h1 tabIndex={-1}>E-mail verification</h1>
      {outcome.state === 'checking' && <Loading what="your verification link" />}
      {outcome.state === 'verified' && (
        <div className="alert alert--success" role="status">
          <p>Your e-mail address is verified. Thank you!</p>
          <p>{me ? <Link to="/profile">See your profile</Link> : <Link to="/signin">Sign in</Link>}</p>
        </div>
      )}
      {outcome.state === 'failed' && (
        <div className="alert alert--error" role="alert">
          <p>We could not verify your e-mail address with this link.</p>
          {outcome.why && <p>{outcome.why}</p>}
          <p>
            Links work once and expire. {me ? <Link to="/profile">Send a new one from your profile.</Link> : <Link to="/signin">Sign in to send a new one.</Link>}
          </p>
        </div>
      )}
    </section>
  );
}
