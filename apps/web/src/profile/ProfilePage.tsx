import { EmailVerification } from '../account/EmailVerification';
import { Link, navigate } from '../app/router';
import { useSession } from '../session/session';
import { Loading } from '../ui/states';
import { EraseAccount } from './EraseAccount';
import { ProfileForm } from './ProfileForm';

export const ERASED_NOTICE = 'Your account was erased and you were signed out. Thank you for the help you gave and received.';

/** The member's own details and what happens to their data, up to erasing it. */
export function ProfilePage() {
  const { me, signOut } = useSession();
  if (!me) return <Loading what="your profile" />;

  const erased = () => {
    signOut(ERASED_NOTICE);
    navigate('/signin', { replace: true });
  };

  return (
    <section className="narrow">
      <h1 tabIndex={-1}>Profile &amp; privacy</h1>
      <ProfileForm key={me.id} me={me} />
      <div className="card privacy">
        <h2>Who sees what</h2>
        <dl className="facts">
          <dt>Everyone</dt>
          <dd>Your name, headline, offers and reputation.</dd>
          <dt>Your e-mail</dt>
          <dd>
            {me.contact?.email ?? 'Your address'}: only you, admins, the other side of a request once it is accepted, and the members of an introduction
            once its target agreed.
          </dd>
        </dl>
        <EmailVerification />
        <p>
          <Link to="/settings/notifications">Notification settings</Link>: which e-mails you get, quiet hours, and your calendar feed.
        </p>
      </div>
      <EraseAccount onErased={erased} />
    </section>
  );
}
