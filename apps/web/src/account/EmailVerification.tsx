import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorSentence } from '../api/errors';
import { ActionProblem } from '../ui/states';
import { EmailVerifiedDocument, ResendVerificationEmailDocument } from './account.documents';

/**
 * The profile's "e-mail verified" badge, and a way to get a new verification mail. Nothing is
 * gated by verification yet; when the status cannot be read, the badge is simply left out.
 */
export function EmailVerification() {
  const [{ data }] = useQuery({ query: EmailVerifiedDocument, requestPolicy: 'cache-and-network' });
  const [{ fetching, error }, resend] = useMutation(ResendVerificationEmailDocument);
  const [sent, setSent] = useState(false);
  const me = data?.me;
  if (!me) return null;
  if (me.emailVerified) {
    return (
      <p className="email-status">
        <span className="verified">E-mail verified</span>
      </p>
    );
  }
  return (
    <div className="email-status">
      <p>
        <span className="unverified">E-mail not verified yet</span> Open the link we sent to your address to confirm it is yours.
      </p>
      {sent ? (
        <p className="saved" role="status">
          Sent. Check your inbox for the new link.
        </p>
      ) : (
        <button
          type="button"
          className="button button--quiet"
          disabled={fetching}
          onClick={() => void resend({}).then((result) => setSent(result.data?.resendVerificationEmail === true))}
        >
          {fetching ? 'Sending…' : 'Resend verification e-mail'}
        </button>
      )}
      <ActionProblem problem={errorSentence(error)} />
    </div>
  );
}
