import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

/** Same origin: the web server proxies /graphql (HTTP and WebSocket) to the gateway. */
const httpUrl = '/graphql';
const wsUrl = () => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;

export interface ApiClient {
  client: Client;
  /** Closes the subscription socket (sign-out, or a new session). */
  dispose(): void;
}

/**
 * One urql client per session: a new token means a new client, so no cached answer of the
 * previous member leaks into the next one's screens. Queries and mutations go over fetch with
 * application/json (the gateway's CSRF rule); subscriptions over graphql-ws, authenticated by
 * the connection's `authorization` parameter.
 */
export function createApiClient(token: string | null): ApiClient {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let ws: WsClient | null = null;
  const socket = () =>
    (ws ??= createWsClient({
      url: wsUrl(),
      lazy: true,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      // The dashboard should come back by itself after a network blip or a gateway restart.
      retryAttempts: Infinity,
      shouldRetry: () => true,
    }));
  const client = new Client({
    url: httpUrl,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = socket().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, dispose: () => void ws?.dispose() };
}
