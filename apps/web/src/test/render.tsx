import { render } from '@testing-library/react';
import { Client, fetchExchange, Provider } from 'urql';
import { vi } from 'vitest';
import type { ReactElement } from 'react';

export interface Sent {
  query: string;
  variables: Record<string, any>;
  headers: Record<string, string>;
}

const fromSearch = (params: URLSearchParams) => ({
  query: params.get('query'),
  variables: params.has('variables') ? JSON.parse(params.get('variables')!) : {},
});

/**
 * Renders with a real urql client whose fetch answers `reply(operation)`: the component's
 * operation goes through the same serialization it uses against the gateway.
 */
export function renderWithApi(ui: ReactElement, reply: (sent: Sent) => unknown) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    // Queries go as GET (urql's default within the URL length limit), mutations as POST.
    const body = init.body ? JSON.parse(String(init.body)) : fromSearch(new URL(url).searchParams);
    const operation = { query: body.query, variables: body.variables ?? {}, headers: init.headers as Record<string, string> };
    sent.push(operation);
    return new Response(JSON.stringify(reply(operation)), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  const client = new Client({ url: 'http://localhost/graphql', exchanges: [fetchExchange], fetch: fetch as unknown as typeof globalThis.fetch });
  return { ...render(<Provider value={client}>{ui}</Provider>), sent };
}
