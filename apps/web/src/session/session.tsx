import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider, useQuery } from 'urql';
import { createApiClient } from '../api/client';
import { isUnauthenticated } from '../api/errors';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';

const TOKEN_KEY = 'payforward.token';

export const MeDocument = graphql(`
  query Me {
    me { id displayName headline timezone roles contact { email } }
  }
`);

export type Me = NonNullable<MeQuery['me']>;

export interface Session {
  token: string | null;
  me: Me | null;
  /** True until the stored token has been checked against the API. */
  loading: boolean;
  isAdmin: boolean;
  /** Why the last session ended, when it was not the member's choice. */
  notice: string | null;
  signIn(token: string): void;
  signOut(notice?: string): void;
}

/** Exported for component tests, which give a page a session without a token or an API. */
export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

const readToken = () => {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage disabled: the session lasts until the tab closes
  }
};

/** Keeps the token across reloads (localStorage) and gives every page a client for the session. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(readToken);
  const [notice, setNotice] = useState<string | null>(null);
  const api = useMemo(() => createApiClient(token), [token]);
  useEffect(() => () => api.dispose(), [api]);

  const signIn = useCallback((next: string) => {
    window.localStorage.setItem(TOKEN_KEY, next);
    setNotice(null);
    setToken(next);
  }, []);
  const signOut = useCallback((why?: string) => {
    window.localStorage.removeItem(TOKEN_KEY);
    setNotice(why ?? null);
    setToken(null);
  }, []);

  return (
    <Provider value={api.client}>
      <MeLoader token={token} notice={notice} signIn={signIn} signOut={signOut}>
        {children}
      </MeLoader>
    </Provider>
  );
}

function MeLoader({ token, notice, signIn, signOut, children }: Omit<Session, 'me' | 'loading' | 'isAdmin'> & { children: ReactNode }) {
  const [{ data, fetching, error }] = useQuery({ query: MeDocument, pause: !token, requestPolicy: 'network-only' });
  const me = token ? (data?.me ?? null) : null;
  // An expired or revoked token: start over at the sign-in page, and say why.
  useEffect(() => {
    if (token && (isUnauthenticated(error) || (data && data.me === null))) signOut('Your session ended. Please sign in again.');
  }, [token, error, data, signOut]);
  const value = useMemo<Session>(
    () => ({ token, me, loading: !!token && fetching && !data, isAdmin: !!me?.roles.includes('ADMIN'), notice, signIn, signOut }),
    [token, me, fetching, data, notice, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
