import { render } from '@testing-library/react';
import { Client, fetchExchange, Provider, subscriptionExchange } from 'urql';
import { vi } from 'vitest';
import type { ReactElement, ReactNode } from 'react';
import { SessionContext, type Me, type Session } from '../session/session';

export interface Sent {
  query: string;
  variables: Record<string, any>;
  headers: Record<string, string>;
}

const fromSearch = (params: URLSearchParams) => ({
  query: params.get('query'),
  variables: params.has('variables') ? JSON.parse(params.get('variables')!) : {},
});

interface Sink {
  next(value: unknown): void;
}

/**
 * Renders with a real urql client whose fetch answers `reply(operation)`: the component's
 * operation goes through the same serialization it uses against the gateway. `push(data)` sends
 * one subscription event to every subscription the component holds open (`subscribed` lists them).
 */
export function renderWithApi(ui: ReactElement, reply: (sent: Sent) => unknown) {
  const sent: Sent[] = [];
  const sinks = new Set<Sink>();
  const subscribed: string[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    // Queries go as GET (urql's default within the URL length limit), mutations as POST.
    const body = init.body ? JSON.parse(String(init.body)) : fromSearch(new URL(url).searchParams);
    const operation = { query: body.query, variables: body.variables ?? {}, headers: init.headers as Record<string, string> };
    sent.push(operation);
    return new Response(JSON.stringify(reply(operation)), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  const subscriptions = subscriptionExchange({
    forwardSubscription(request) {
      return {
        subscribe(sink) {
          subscribed.push(request.query ?? '');
          sinks.add(sink);
          return { unsubscribe: () => void sinks.delete(sink) };
        },
      };
    },
  });
  const client = new Client({ url: 'http://localhost/graphql', exchanges: [fetchExchange, subscriptions], fetch: fetch as unknown as typeof globalThis.fetch });
  const push = (data: unknown) => [...sinks].forEach((sink) => sink.next({ data }));
  // A wrapper, so `rerender` keeps the client too.
  const wrapper = ({ children }: { children: ReactNode }) => <Provider value={client}>{children}</Provider>;
  return { ...render(ui, { wrapper }), sent, push, subscribed };
}

/** A signed-in (or anonymous, `me: null`) session around a page that reads `useSession()`. */
export function withSession(ui: ReactElement, me: Partial<Me> | null, overrides: Partial<Session> = {}): ReactElement {
  const full = me ? ({ id: 'm-1', displayName: 'Sam Seeker', headline: null, timezone: 'Europe/Lisbon', roles: ['MEMBER'], contact: null, ...me } as Me) : null;
  const session: Session = {
    token: full ? 'token' : null,
    me: full,
    loading: false,
    isAdmin: false,
    notice: null,
    signIn: vi.fn(),
    signOut: vi.fn(),
    ...overrides,
  };
  return <SessionContext.Provider value={session}>{ui}</SessionContext.Provider>;
}
