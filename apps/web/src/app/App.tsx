import { useEffect, useRef } from 'react';
import { AdminPage } from '../admin/AdminPage';
import { MemberReview } from '../admin/MemberReview';
import { ResetPasswordPage } from '../account/ResetPasswordPage';
import { VerifyEmailPage } from '../account/VerifyEmailPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { NotificationBell } from '../notifications/NotificationBell';
import { NotificationsPage } from '../notifications/NotificationsPage';
import { BrowsePage } from '../offers/BrowsePage';
import { OfferPage } from '../offers/OfferPage';
import { ProfilePage } from '../profile/ProfilePage';
import { ReputationPage } from '../reputation/ReputationPage';
import { MyRequestsPage } from '../requests/MyRequestsPage';
import { RegisterPage } from '../session/RegisterPage';
import { useSession } from '../session/session';
import { SignInPage } from '../session/SignInPage';
import { NotificationSettingsPage } from '../settings/NotificationSettingsPage';
import { Loading, OfflineBanner } from '../ui/states';
import { Link, match, useLocation } from './router';

/** Pages that need a signed-in member send anonymous visitors to the sign-in page first. */
function page(path: string, signedIn: boolean, isAdmin: boolean) {
  const guard = (element: React.ReactNode) => (signedIn ? element : <SignInPage next={path} />);
  let params: Record<string, string> | null;
  if (path === '/') return <BrowsePage />;
  if ((params = match('/offers/:id', path))) return <OfferPage id={params.id!} />;
  if (path === '/signin') return <SignInPage />;
  if (path === '/register') return <RegisterPage />;
  if (path === '/requests') return guard(<MyRequestsPage />);
  if (path === '/dashboard') return guard(<DashboardPage />);
  if (path === '/reputation') return guard(<ReputationPage />);
  if (path === '/profile') return guard(<ProfilePage />);
  if (path === '/notifications') return guard(<NotificationsPage />);
  if (path === '/settings/notifications') return guard(<NotificationSettingsPage />);
  // Opened from a mail, signed in or not: the token alone decides.
  if (path === '/verify-email') return <VerifyEmailPage />;
  if (path === '/reset-password') return <ResetPasswordPage />;
  if ((params = match('/reputation/:id', path))) return <ReputationPage memberId={params.id!} />;
  if (path === '/admin') return guard(isAdmin ? <AdminPage /> : <NotForYou />);
  if ((params = match('/admin/members/:id', path))) return guard(isAdmin ? <MemberReview memberId={params.id!} /> : <NotForYou />);
  return (
    <section>
      <h1 tabIndex={-1}>This page does not exist</h1>
      <p>
        <Link to="/">Browse offers</Link> instead.
      </p>
    </section>
  );
}

function NotForYou() {
  return (
    <section>
      <h1 tabIndex={-1}>Admins only</h1>
      <p>The reputation review is for Payforward's admins. Your own score and its reasons are on your reputation page.</p>
      <Link to="/reputation">See my reputation</Link>
    </section>
  );
}

export function App() {
  const { path } = useLocation();
  const { me, loading, isAdmin, signOut } = useSession();
  const main = useRef<HTMLElement>(null);

  // After a navigation, focus the page's heading so screen readers announce where we are.
  useEffect(() => {
    main.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    window.scrollTo?.(0, 0);
  }, [path]);

  const nav = [
    { to: '/', label: 'Find help' },
    ...(me
      ? [
          { to: '/requests', label: 'My requests' },
          { to: '/dashboard', label: 'Mentor dashboard' },
          { to: '/reputation', label: 'Reputation' },
          { to: '/profile', label: 'Profile & privacy' },
          ...(isAdmin ? [{ to: '/admin', label: 'Admin review' }] : []),
        ]
      : []),
  ];
  const active = (to: string) => (to === '/' ? path === '/' || path.startsWith('/offers') : path.startsWith(to));

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Payforward
        </Link>
        <nav aria-label="Main">
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={active(item.to) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar__account">
          {me ? (
            <>
              <NotificationBell />
              <span className="topbar__name">{me.displayName}</span>
              <button type="button" className="button button--quiet" onClick={() => signOut()}>
                Sign out
              </button>
            </>
          ) : (
            !loading && (
              <>
                <Link to="/signin">Sign in</Link>
                <Link to="/register" className="button">
                  Join
                </Link>
              </>
            )
          )}
        </div>
      </header>
      <OfflineBanner />
      <main id="main" ref={main}>
        {loading ? <Loading what="your session" /> : page(path, !!me, isAdmin)}
      </main>
      <footer className="footer">Bounded help, kind answers, and credit for paying it forward.</footer>
    </>
  );
}
